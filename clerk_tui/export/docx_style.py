"""The council house style of the Word papers: A4 with 2.54 cm margins, one font family (Arial)
in black throughout, bold headings in the same family, British English, and the document's
properties from :class:`DocumentInfo`.

python-docx's own template is a default Word document: US Letter, Calibri and Cambria through
the theme, Title and Headings in accent blue (#365F91), "python-docx" as the author. Its
styles are redefined here rather than used as they come; on a council's template
(:mod:`clerk_tui.export.docx_template`) only the styles the template lacks are defined.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt
from docx.styles.style import ParagraphStyle

from clerk_tui.export.document_info import DocumentInfo

FONT_NAME = "Arial"
BODY_SIZE = Pt(11)
TITLE_SIZE = Pt(12)
HEADING_SIZE = Pt(11)
MARGIN = Cm(2.54)
A4_SHORT = Cm(21)
A4_LONG = Cm(29.7)
BLACK = "000000"

TITLE_STYLE = "Title"
HEADING_STYLE = "Heading 1"
LIST_STYLE = "List Paragraph"
BULLET_STYLE = "List Bullet"
TABLE_STYLE = "Table Grid"
#: The styles the renderers use: each defined in the house style when a template lacks it.
USED_STYLES = (TITLE_STYLE, HEADING_STYLE, LIST_STYLE, BULLET_STYLE)

# rFonts attributes naming a theme font: they override the explicit names, so they go.
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_COLOUR = ("w:themeColor", "w:themeShade", "w:themeTint")


def _set_fonts(r_pr: BaseOxmlElement, name: str = FONT_NAME) -> None:
    """Every script slot (Latin, East Asian, complex) named ``name``: with a slot left to the
    theme, LibreOffice substitutes another family for the text it covers."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in _THEME_FONTS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_SLOTS:
        fonts.set(qn(attr), name)


def _set_language(r_pr: BaseOxmlElement, language: str) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), language)


def _blacken(root: BaseOxmlElement) -> None:
    """Every colour under ``root`` black, and no theme colour that Word would prefer to it."""
    for colour in root.iter(qn("w:color")):
        colour.set(qn("w:val"), BLACK)
        for attr in _THEME_COLOUR:
            colour.attrib.pop(qn(attr), None)


def _defaults_r_pr(document: Document) -> BaseOxmlElement:
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    r_pr_default = doc_defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    result: BaseOxmlElement = r_pr
    return result


def set_language(document: Document, language: str) -> None:
    """The papers' language on the default run properties (what spelling and a screen reader
    follow) and as the theme's font language."""
    _set_language(_defaults_r_pr(document), language)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    styles = document.styles
    if name in styles:
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        return style
    created = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(created, ParagraphStyle)
    created.base_style = styles["Normal"]
    created.quick_style = True
    return created


def _heading(style: ParagraphStyle, size: Length) -> None:
    """Bold, black, Arial; nothing of Word's (border, italics, character spacing, colour)."""
    p_pr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for element in p_pr.findall(qn(tag)):
            p_pr.remove(element)
    r_pr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern", "w:color", "w:i", "w:iCs", "w:caps"):
        for element in r_pr.findall(qn(tag)):
            r_pr.remove(element)
    _set_fonts(r_pr)
    font = style.font
    font.bold = True
    font.size = size
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.keep_with_next = True
    fmt.keep_together = True


def define_house_style(document: Document, name: str) -> None:
    """The house definition of the paragraph style ``name`` (one of :data:`USED_STYLES`)."""
    style = _paragraph_style(document, name)
    fmt = style.paragraph_format
    if name == TITLE_STYLE:
        _heading(style, TITLE_SIZE)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(12)
    elif name == HEADING_STYLE:
        _heading(style, HEADING_SIZE)
        fmt.space_before = Pt(12)
        fmt.space_after = Pt(6)
    elif name == BULLET_STYLE:
        _bulleted(document, style)
        fmt.space_after = Pt(4)
    elif name == LIST_STYLE:
        fmt.left_indent = Cm(1.27)
        fmt.space_after = Pt(4)


def _bulleted(document: Document, style: ParagraphStyle) -> None:
    """A bullet list style (a template lacking List Bullet): numbering of its own, a "•" at
    level 0 with a hanging indent, so the bullets show as bullets."""
    if style.element.pPr is not None and style.element.pPr.find(qn("w:numPr")) is not None:
        return
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"), "0")) for n in numbering.iter(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", "•")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    p_pr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "720")
    ind.set(qn("w:hanging"), "360")
    p_pr.append(ind)
    level.append(p_pr)
    abstract.append(level)
    # abstractNum elements come before num elements in numbering.xml.
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    num = numbering.add_num(abstract_id)
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num.numId


def apply_house_style(document: Document, info: DocumentInfo) -> None:
    """The whole house style on python-docx's blank document: every style black and in Arial,
    Normal Arial 11, the styles the renderers use redefined, British English."""
    styles_root = document.styles.element
    _blacken(styles_root)
    for fonts in list(styles_root.iter(qn("w:rFonts"))):
        r_pr = fonts.getparent()
        _set_fonts(r_pr)
    defaults = _defaults_r_pr(document)
    _set_fonts(defaults)
    for element in defaults.findall(qn("w:sz")):
        defaults.remove(element)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = FONT_NAME
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.widow_control = True
    for name in USED_STYLES:
        define_house_style(document, name)
    set_language(document, info.language)
    _drop_styles_with_effects(document)


def _drop_styles_with_effects(document: Document) -> None:
    """python-docx's template carries Word 2010's copy of the styles (stylesWithEffects.xml),
    theme colours and all; Word 2010 would read that copy, so it goes with the blue."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)


def ensure_styles(document: Document, info: DocumentInfo) -> None:
    """On a template: its own styles as they are, the house style for the ones it lacks."""
    for name in USED_STYLES:
        if name not in document.styles:
            define_house_style(document, name)
    if TABLE_STYLE not in document.styles:
        _define_table_grid(document)
    set_language(document, info.language)


def _define_table_grid(document: Document) -> None:
    """Table Grid as Word defines it: a single black rule round every cell."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        for attr, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0")):
            border.set(qn(attr), value)
        border.set(qn("w:color"), BLACK)
        borders.append(border)
    tbl_pr.append(borders)
    style.element.append(tbl_pr)


def set_page(document: Document, *, landscape: bool = False) -> None:
    """A4 (portrait, or landscape for the tracker) with 2.54 cm margins on every section."""
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (
            (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
        )
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, MARGIN)
        section.header_distance = section.footer_distance = Cm(1.25)


def usable_width(document: Document) -> Length:
    """The width between the margins of the last section (where the body's tables go)."""
    section = document.sections[-1]
    width = section.page_width or A4_SHORT
    return Length(width - (section.left_margin or 0) - (section.right_margin or 0))


PROPERTY_LIMIT = 255


def _property(value: str) -> str:
    return value if len(value) <= PROPERTY_LIMIT else value[: PROPERTY_LIMIT - 1] + "…"


def set_properties(document: Document, info: DocumentInfo) -> None:
    """Title, subject and author from ``info``, the author blank when the body names none:
    never python-docx's "python-docx", nor a template's own author."""
    props = document.core_properties
    info = info.cleaned()
    # Word holds at most 255 characters in a property (python-docx refuses more): a joint
    # committee's long name and venue make a heading longer than that.
    props.title = _property(info.title)
    props.subject = _property(info.subject)
    props.author = _property(info.author)
    props.last_modified_by = _property(info.author)
    props.language = info.language
    props.comments = ""
    props.keywords = ""
    props.category = ""
    # python-docx's template was made in December 2013, a council's whenever: neither date is
    # the paper's, and a renderer knows no clock, so the paper states none.
    element = props._element
    for tag in ("dcterms:created", "dcterms:modified"):
        for stamp in element.findall(qn(tag)):
            element.remove(stamp)

    _made_by_clerk_tui(document)


APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>clerk-tui</Application></Properties>"
)


def _made_by_clerk_tui(document: Document) -> None:
    """The package says clerk-tui made the paper: python-docx's template (or a council's)
    brings its own app.xml ("Microsoft Macintosh Word") and a thumbnail of a page that is not
    this paper's; the thumbnail goes and the application is named."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = APP_PROPERTIES
