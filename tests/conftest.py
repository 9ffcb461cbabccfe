"""Shared fixtures: invented 总结 documents written out in every format and encoding we read.

``write_document(folder, variant, text)`` writes one text as a file; the ``make_document``
fixture binds it to ``tmp_path``. Variants: utf-8, utf-8-sig, utf-16, gb18030, big5
(traditional via opencc s2t, Big5-HKSCS bytes), big5-tw (s2tw, plain Big5), docx,
pdf, html (with navigation, script and footer junk), html-gbk (GBK bytes, charset in a
meta tag). The documents under tests/fixtures/ are invented; do not put corpus text here.
"""

from __future__ import annotations

import functools
import html
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from evaluation.shared import MISSING as CORPUS_MISSING  # noqa: F401  (the skip reason tests give)
from evaluation.shared import corpus_documents, corpus_folders

# The property tests draw new examples on every local run (a counterexample found is kept in
# .hypothesis/ and tried first next time); CI draws the same ones every run, so a red CI is never a
# new draw's luck and can be reproduced (.ci/run sets HYPOTHESIS_PROFILE=ci).
settings.register_profile("ci", derandomize=True)
if os.environ.get("HYPOTHESIS_PROFILE") == "ci":
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_FOLDERS = corpus_folders()  # seeds, dev, long of $ZONGJIE_SHARED or ../shared; never fresh/
CORPUS_DOCUMENTS = corpus_documents()

TEXT_VARIANTS = ("utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "big5-tw")
VARIANTS = (*TEXT_VARIANTS, "docx", "pdf", "html", "html-gbk")


def fixture_text(name: str = "fenglin_2023h1.txt") -> str:
    """One of the invented documents under tests/fixtures/, as text."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str, config: str = "s2t") -> str:
    return _converter(config).convert(text)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_docx(text: str, path: Path) -> Path:
    """One paragraph per non-blank line; the first line as the title, numbering typed by hand."""
    import docx

    document = docx.Document()
    lines = _paragraphs(text)
    for index, line in enumerate(lines):
        if index == 0:
            document.add_heading(line, level=0)
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def build_pdf(text: str, path: Path) -> Path:
    """A text-layer PDF with reportlab's built-in CID font; long paragraphs wrap as in real PDFs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    story = [Paragraph(html.escape(line), style) for line in _paragraphs(text)]
    SimpleDocTemplate(str(path), pagesize=A4, title="fixture").build(story)
    return path


def build_html(text: str, path: Path, encoding: str = "utf-8") -> Path:
    """A page of a 范文 site: head, navigation, breadcrumbs, the article, a sidebar, script, footer."""
    lines = _paragraphs(text)
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    charset = "gb2312" if encoding in ("gbk", "gb18030") else encoding
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{html.escape(lines[0])}_范文网</title>
<style>p {{ text-indent: 2em; }}</style><script>var _hmt = _hmt || [];</script></head>
<body>
<header><div class="logo">范文网</div></header>
<nav><a href="/">首页</a> <a href="/zongjie/">工作总结</a> <a href="/jihua/">工作计划</a></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zongjie/">工作总结</a></div>
<div class="main">
  <div class="article">
    <h1>{html.escape(lines[0])}</h1>
    <div class="info">发布时间：2023-07-02 作者：网友投稿</div>
    <div class="content">
{body}
    </div>
  </div>
  <aside><h3>相关推荐</h3><ul><li><a href="/a/1.html">社区工作总结范文精选</a></li>
  <li><a href="/a/2.html">街道年度工作计划</a></li></ul></aside>
</div>
<script>document.write("<p>广告位招租</p>");</script>
<footer>Copyright 版权所有 范文网 备案号：京ICP备00000000号</footer>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def write_document(folder: Path, variant: str, text: str | None = None, name: str = "summary") -> Path:
    """Write ``text`` (default: the Fenglin fixture) as file ``name`` in the given variant; return its path."""
    text = fixture_text() if text is None else text
    if variant in ("utf-8", "utf-8-sig", "utf-16", "gb18030"):
        path = folder / f"{name}.{variant}.txt"
        path.write_bytes(text.encode(variant))
    elif variant == "big5":
        path = folder / f"{name}.big5.txt"
        path.write_bytes(to_traditional(text, "s2t").encode("big5hkscs"))
    elif variant == "big5-tw":
        path = folder / f"{name}.big5tw.txt"
        path.write_bytes(to_traditional(text, "s2tw").encode("big5"))
    elif variant == "docx":
        path = build_docx(text, folder / f"{name}.docx")
    elif variant == "pdf":
        path = build_pdf(text, folder / f"{name}.pdf")
    elif variant == "html":
        path = build_html(text, folder / f"{name}.html")
    elif variant == "html-gbk":
        path = build_html(text, folder / f"{name}.gbk.html", encoding="gbk")
    else:
        raise ValueError(f"unknown variant {variant!r}; expected one of {VARIANTS}")
    return path


@pytest.fixture
def make_document(tmp_path: Path) -> Callable[..., Path]:
    """``make_document(variant, text=None, name="summary") -> Path`` inside this test's tmp_path."""
    return functools.partial(write_document, tmp_path)


@pytest.fixture(autouse=True)
def _private_check_cache(tmp_path_factory, monkeypatch):
    """Each test session gets its own check cache, so no test reads what a user's runs left."""
    monkeypatch.setenv("ZONGJIE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "check-cache"))
