"""What a published paper says about itself (Word's document properties, the PDF's Info and
XMP metadata, the HTML page's <title>, <meta> and lang): its title, its subject (the body), its
author (the body's contact officer) and its language."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.text import clean_text

LANGUAGE = "en-GB"  # British English: the councils' language, and what a screen reader speaks


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str = ""  # the body's name
    author: str = ""  # the body's contact officer; blank when the body names none
    language: str = LANGUAGE

    def cleaned(self) -> DocumentInfo:
        """The properties as a file's metadata can hold them: no control character or
        terminal escape (the rule for text typed at the door; an older database may hold
        one), whatever the renderer."""
        return DocumentInfo(
            clean_text(self.title), clean_text(self.subject), clean_text(self.author), self.language
        )
