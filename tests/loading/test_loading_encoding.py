"""Byte-level oddities: BOMs, line ends and legacy encodings."""

from __future__ import annotations

import codecs

FILE = "---\ntitle: Café\ntags: [one]\n---\nBody line\n"


def test_utf8_bom_before_frontmatter(load_ok):
    loaded = load_ok(codecs.BOM_UTF8 + FILE.encode())
    assert loaded.article.title == "Café"
    assert loaded.article.tags == ("one",)
    assert loaded.article.warnings == ()


def test_crlf_line_ends(load_ok):
    loaded = load_ok(FILE.replace("\n", "\r\n").encode())
    assert loaded.article.title == "Café"
    assert loaded.body == "Body line\n"


def test_cr_only_line_ends(load_ok):
    loaded = load_ok(FILE.replace("\n", "\r").encode())
    assert loaded.article.title == "Café"
    assert loaded.body == "Body line\n"


def test_utf16_with_bom(load_ok):
    loaded = load_ok(FILE.encode("utf-16"))
    assert loaded.article.title == "Café"
    assert any("UTF-16" in warning for warning in loaded.article.warnings)


def test_latin1_bytes_load_with_a_warning(load_ok):
    loaded = load_ok(FILE.encode("latin-1"))
    assert loaded.article.title == "Café"
    assert any("not UTF-8" in warning for warning in loaded.article.warnings)
