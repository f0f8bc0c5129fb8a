"""Extraction entry points: a report file or its text in, one graph fragment out."""

from __future__ import annotations

import os

from spacy.language import Language

from extract.assemble import assemble
from extract.document import SourceText
from extract.metadata import detect_meta
from extract.nlp.pipeline import annotate, build_nlp
from extract.read import check_length, max_chars, read_source
from extract.sections import parse_sections
from graph.model import Graph


def extract_source(src: SourceText, nlp: Language | None = None) -> Graph:
    """One report's fragment: its Report, the entities it names and the facts it states.

    Raises ReadError for a text over the length limit (extract.read.max_chars), which
    replaces spaCy's own (its internal error E088 at 1,000,000 characters).
    """
    check_length(src, minimum=0)
    nlp = nlp or build_nlp()
    nlp.max_length = max(nlp.max_length, max_chars())
    sections = parse_sections(src.text)  # once: metadata reads them too
    meta = detect_meta(src.text, src.path, sections=sections)
    place = (meta.province, meta.city, meta.district, meta.subdistrict)
    doc = annotate(nlp, src.text, place)
    return assemble(doc, src, meta, sections)


def extract_path(path: str | os.PathLike[str]) -> Graph:
    """Read a report file (txt, docx, html, pdf) and extract it; raises ReadError."""
    return extract_source(read_source(path))
