"""Laid-out pages written as a tagged PDF: each run of words in its own marked-content
sequence (BDC/EMC with its MCID), page headers, footers, borders and rules as artifacts, the
structure tree with its parent tree, the fonts embedded as subsets, and what the document says
about itself (/Lang, the Info dictionary, XMP metadata with dc:title, dc:language and
pdfuaid:part 1, DisplayDocTitle)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.pdf.fonts import BOLD, REGULAR, EmbeddedFont, embed, face
from clerk_tui.export.pdf.objects import Name, PdfFile, Ref, Stream, text_string
from clerk_tui.export.pdf.outline import write_outline
from clerk_tui.export.pdf.paginate import MARGIN, Page, Run
from clerk_tui.export.pdf.structure import Content, Element

PRODUCER = "clerk-tui"
FONT_KEYS = {REGULAR: "F1", BOLD: "F2"}
MARK_SIZE = 10.0  # the page header's DRAFT / CONFIDENTIAL and the footer's page numbers


def add_pagination(pages: Sequence[Page], header: str) -> None:
    """ "Page N of M" centred in the foot of each page, and ``header`` (if any) centred in
    its head: artifacts, which a screen reader skips."""
    for number, page in enumerate(pages, start=1):
        footer = f"Page {number} of {len(pages)}"
        # In the order of the page, for a reader that knows no artifacts: head, body, foot.
        if header:
            page.runs.insert(0, _centred(page, header, page.height - MARGIN / 2, BOLD))
        page.runs.append(_centred(page, footer, MARGIN / 2, REGULAR))


def _centred(page: Page, text: str, y: float, font: str) -> Run:
    x = (page.width - face(font).width(text, MARK_SIZE)) / 2
    return Run(x, y, text, font, MARK_SIZE, None)


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _artifact(page: Page, run: Run) -> bytes:
    if run.y > page.height - MARGIN:
        return b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
    if run.y < MARGIN:
        return b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
    return b"/Artifact <</Type /Pagination>> BDC\n"  # a table header repeated on a new page


def _content_stream(
    page: Page, index: int, fonts: dict[str, EmbeddedFont], parents: list[Element]
) -> bytes:
    """The page's drawing: each run in a marked sequence, consecutive runs of one content in
    one sequence (one MCID); ``parents`` gets, for each MCID, the element that owns it."""
    out = bytearray()
    if page.rules:
        out += b"/Artifact BMC\n0 G 0.5 w\n"
        for r in page.rules:
            out += f"{_f(r.x1)} {_f(r.y1)} m {_f(r.x2)} {_f(r.y2)} l S\n".encode("ascii")
        out += b"EMC\n"
    open_content: Content | bool | None = False  # False: no sequence open
    for run in page.runs:
        if run.content is not open_content or run.content is None:
            if open_content is not False:
                out += b"EMC\n"
            if run.content is None:
                out += _artifact(page, run)
            else:
                mcid = len(parents)
                parents.append(run.content.elem)
                run.content.marks.append((index, mcid))
                out += f"/{run.content.elem.tag} <</MCID {mcid}>> BDC\n".encode("ascii")
            open_content = run.content
        key = FONT_KEYS[run.font]
        out += f"BT /{key} {_f(run.size)} Tf 1 0 0 1 {_f(run.x)} {_f(run.y)} Tm ".encode("ascii")
        out += fonts[run.font].encode(run.text) + b" Tj ET\n"
    if open_content is not False:
        out += b"EMC\n"
    return bytes(out)


def _xmp(info: DocumentInfo) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    creator = f"<rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq>" if info.author else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title>{alt(info.title)}</dc:title>
<dc:description>{alt(info.subject)}</dc:description>
<dc:creator>{creator}</dc:creator>
<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>{PRODUCER}</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _structure(
    pdf: PdfFile, root: Ref, document: Element, page_refs: list[Ref]
) -> tuple[Ref, dict[int, Ref]]:
    """The structure elements as objects, each pointing at its parent: the Document's ref,
    and each element's ref by the element's id."""

    def write(element: Element, parent: Ref) -> Ref:
        ref = pdf.reserve()
        kids: list[object] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(write(kid, ref))
            else:
                kids.extend(
                    {"Type": Name("MCR"), "Pg": page_refs[page], "MCID": mcid}
                    for page, mcid in kid.marks
                )
        entries: dict[str, object] = {
            "Type": Name("StructElem"),
            "S": Name(element.tag),
            "P": parent,
            "K": kids,
        }
        if element.attributes:
            entries["A"] = element.attributes
        pdf.set(ref, entries)
        element_refs[id(element)] = ref
        return ref

    element_refs: dict[int, Ref] = {}
    return write(document, root), element_refs


def write_pdf(pages: Sequence[Page], document: Element, info: DocumentInfo) -> bytes:
    """The pages and their structure as the bytes of a tagged PDF."""
    info = info.cleaned()
    pdf = PdfFile()
    catalog, pages_ref, tree_root = pdf.reserve(), pdf.reserve(), pdf.reserve()
    used: dict[str, set[str]] = {REGULAR: set(), BOLD: set()}
    for page in pages:
        for run in page.runs:
            used[run.font].update(run.text)
    fonts = {name: embed(pdf, name, chars or {" "}) for name, chars in used.items()}
    resources = {"Font": {FONT_KEYS[name]: font.ref for name, font in fonts.items()}}
    page_refs = [pdf.reserve() for _ in pages]
    owners: list[list[Element]] = []
    for index, (page, ref) in enumerate(zip(pages, page_refs, strict=True)):
        parents: list[Element] = []
        contents = pdf.add(Stream({}, _content_stream(page, index, fonts, parents)))
        owners.append(parents)
        pdf.set(
            ref,
            {
                "Type": Name("Page"),
                "Parent": pages_ref,
                "MediaBox": [0, 0, page.width, page.height],
                "Resources": resources,
                "Contents": contents,
                "StructParents": index,
                "Tabs": Name("S"),
            },
        )
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": page_refs, "Count": len(page_refs)})
    top, element_refs = _structure(pdf, tree_root, document, page_refs)
    nums: list[object] = []
    for index, parents in enumerate(owners):
        nums += [index, pdf.add([element_refs[id(e)] for e in parents])]
    pdf.set(
        tree_root,
        {
            "Type": Name("StructTreeRoot"),
            "K": top,
            "ParentTree": pdf.add({"Nums": nums}),
            "ParentTreeNextKey": len(pages),
        },
    )
    outline = write_outline(pdf, pages, page_refs)
    metadata = pdf.add(
        Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, _xmp(info), compress=False)
    )
    navigation = {"Outlines": outline, "PageMode": Name("UseOutlines")} if outline else {}
    pdf.set(
        catalog,
        {
            **navigation,
            "Type": Name("Catalog"),
            "Pages": pages_ref,
            "StructTreeRoot": tree_root,
            "MarkInfo": {"Marked": True},
            "Lang": text_string(info.language),
            "ViewerPreferences": {"DisplayDocTitle": True},
            "Metadata": metadata,
        },
    )
    entries = {"Title": info.title, "Subject": info.subject, "Author": info.author}
    document_info = {k: text_string(v) for k, v in entries.items() if v}
    document_info["Producer"] = text_string(PRODUCER)
    document_info["Creator"] = text_string(PRODUCER)
    return pdf.to_bytes(root=catalog, info=pdf.add(document_info))
