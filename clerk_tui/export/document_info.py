"""What a published paper says about itself (Word's document properties, the PDF's Info and
XMP metadata, the HTML page's <title>, <meta> and lang): its title, its subject (the body), its
author (the body's contact officer) and its language."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGE = "en-GB"  # British English: the councils' language, and what a screen reader speaks


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str = ""  # the body's name
    author: str = ""  # the body's contact officer; blank when the body names none
    language: str = LANGUAGE
