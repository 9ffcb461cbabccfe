"""Readers: every format and encoding gives the same text, bad input gives one clear ReadError."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import (
    CORPUS_DOCUMENTS,
    CORPUS_FOLDERS,
    CORPUS_MISSING,
    VARIANTS,
    build_docx,
    fixture_text,
    to_simplified,
    to_traditional,
    write_document,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.archives import ZipLimits
from corpus.readers import iter_documents, read_bytes, read_path, read_text
from corpus.textcodec import decode_bytes
from nlp.errors import ReadError
from nlp.records import RawDoc

EXPECTED = {  # variant -> (format, encoding)
    "utf-8": ("txt", "utf-8"),
    "utf-8-sig": ("txt", "utf-8-sig"),
    "utf-16": ("txt", "utf-16"),
    "gb18030": ("txt", "gb18030"),
    "big5": ("txt", "big5"),
    "big5-tw": ("txt", "big5"),
    "docx": ("docx", "docx"),
    "pdf": ("pdf", "pdf"),
    "html": ("html", "utf-8"),
    "html-gbk": ("html", "gb18030"),
}


def squash(text: str) -> str:
    """Text without any whitespace, for comparing formats that lay lines out differently."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- same text in every variant


@pytest.mark.parametrize("variant", VARIANTS)
def test_variant_reads_back_the_same_text(make_document, variant):
    path = make_document(variant)
    raw = read_path(path)
    assert (raw.format, raw.encoding) == EXPECTED[variant]
    assert raw.id == hashlib.sha256(path.read_bytes()).hexdigest()
    assert raw.path == str(path)
    text = to_simplified(raw.text) if variant.startswith("big5") else raw.text
    original = fixture_text()
    if variant.startswith("big5"):
        original = to_simplified(original)
    assert squash(text) == squash(original)


@pytest.mark.parametrize("variant", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_plain_text_is_decoded_exactly(make_document, variant):
    assert read_path(make_document(variant)).text == fixture_text()


@pytest.mark.parametrize("config, variant", [("s2t", "big5"), ("s2tw", "big5-tw")])
def test_big5_is_decoded_exactly(make_document, config, variant):
    assert read_path(make_document(variant)).text == to_traditional(fixture_text(), config)


def test_crlf_and_indentation_are_kept(tmp_path):
    text = "一、社区党建\r\n　　现有党员41名，发展入党积极分子3名。\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_path(path).text == text


def test_ids_differ_per_variant_and_repeat_per_bytes(tmp_path):
    a = read_path(write_document(tmp_path, "utf-8", name="a"))
    b = read_path(write_document(tmp_path, "gb18030", name="b"))
    again = read_path(write_document(tmp_path, "utf-8", name="c"))
    assert a.id != b.id
    assert a.id == again.id


def test_format_comes_from_bytes_not_name(tmp_path):
    """A GB18030 file named .md, and a Big5 one named .txt, are detected by content."""
    md = tmp_path / "计划.md"
    md.write_bytes("# 下半年工作计划\n力争居民满意率达到95%以上。\n".encode("gb18030"))
    raw = read_path(md)
    assert (raw.format, raw.encoding) == ("md", "gb18030")
    assert "满意率" in raw.text


# ---------------------------------------------------------------- short texts: GBK vs Big5

SHORT_TEXTS = [
    ("heading", "一、党建工作"),
    ("two-headings", "（一）基本情况\n（二）存在问题"),
    ("figure", "调解纠纷27起"),
    ("money", "发放慰问金2.1万元"),
    ("rate", "满意率达95%以上。"),
    ("community", "枫林社区居委会"),
    ("sign-off", "青石街道办事处\n2023年12月"),
    ("plan", "下半年工作计划"),
]


@pytest.mark.parametrize("name, text", SHORT_TEXTS, ids=[n for n, _ in SHORT_TEXTS])
def test_short_gb18030_text(name, text):
    decoded = decode_bytes(text.encode("gb18030"))
    assert (decoded.encoding, decoded.text) == ("gb18030", text)


@pytest.mark.parametrize("name, text", SHORT_TEXTS, ids=[n for n, _ in SHORT_TEXTS])
def test_short_big5_text(name, text):
    traditional = to_traditional(text, "s2tw")
    decoded = decode_bytes(traditional.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", traditional)


DAMAGED = [  # name, bytes, expected encoding, expected text
    ("utf8-cut-mid-char", ("一、社区党建。" * 4).encode()[:-1], "utf-8", "一、社区党建。" * 3 + "一、社区党建\ufffd"),
    ("gbk-cut-mid-char", ("二、综治维稳。" * 4).encode("gb18030")[:-1], "gb18030", "二、综治维稳。" * 3 + "二、综治维稳\ufffd"),
    ("big5-cut-mid-char", ("三、社區服務。" * 4).encode("big5")[:-1], "big5", "三、社區服務。" * 3 + "三、社區服務\ufffd"),
    ("utf16le-no-bom", "一、社区党建\n现有党员41名。".encode("utf-16-le"), "utf-16", "一、社区党建\n现有党员41名。"),
    ("utf16be-no-bom", "二、民生工作\n走访困难户56户。".encode("utf-16-be"), "utf-16", "二、民生工作\n走访困难户56户。"),
]


@pytest.mark.parametrize("name, data, encoding, text", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_truncated_and_bomless_files(name, data, encoding, text):
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


def _corpus_files() -> list[Path]:
    return CORPUS_DOCUMENTS


def _big5_roundtrip(text: str) -> tuple[str, bytes]:
    """``text`` in traditional characters as a Big5 (HKSCS) file would hold it, and those bytes."""
    data = to_traditional(text, "s2t").encode("big5hkscs", errors="ignore")
    return data.decode("big5hkscs"), data


@pytest.mark.skipif(not _corpus_files(), reason=CORPUS_MISSING)
@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
@pytest.mark.parametrize("length", [12, 40, None], ids=["12chars", "40chars", "whole"])
def test_corpus_documents_survive_reencoding(encoding, length):
    """Every corpus text, cut short or whole, re-encoded, decodes back to itself."""
    wrong = []
    for path in _corpus_files():
        text = path.read_text(encoding="utf-8")[:length]
        if encoding == "big5":
            text, data = _big5_roundtrip(text)
        else:
            data = text.encode("gb18030")
        if text.strip() and decode_bytes(data).text != text:
            wrong.append(path.name)
    assert wrong == []


@pytest.mark.skipif(not CORPUS_FOLDERS, reason=CORPUS_MISSING)
def test_every_corpus_file_reads():
    results = list(iter_documents(CORPUS_FOLDERS))
    errors = [str(r) for r in results if isinstance(r, ReadError)]
    assert errors == []
    readable = [
        p for folder in CORPUS_FOLDERS for p in folder.rglob("*") if p.suffix in (".txt", ".md") and not p.name.startswith(".")
    ]
    assert len(results) == len(readable)
    assert all(r.encoding == "utf-8" and r.text.strip() for r in results)


# ---------------------------------------------------------------- read_text


def test_read_text_id_is_sha256_of_utf8():
    text = "一、社区党建\n现有党员41名。"
    raw = read_text(text, "pasted.md")
    assert raw == RawDoc(hashlib.sha256(text.encode()).hexdigest(), "pasted.md", text, None, "md")


@pytest.mark.parametrize("text", ["", "   ", "\x00", "\ud800"], ids=["empty", "blank", "nul", "surrogate"])
def test_read_text_never_raises(text):
    assert read_text(text).text == text


# ---------------------------------------------------------------- bad input

_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _pdf_without_text(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()


def _docx_without_body(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")


BAD_FILES = [  # name, file name, bytes or builder, expected reason
    ("empty", "empty.txt", b"", "file is empty"),
    ("blank", "blank.txt", b" \r\n\t\n", "file is empty"),
    ("png-as-txt", "图片.txt", _PNG, "binary file, not a text document"),
    ("nul-bytes", "data.txt", b"abc\x00\x01\x02def\x00" * 10, "binary file, not a text document"),
    ("control-chars", "ctl.txt", bytes(range(1, 9)) * 20, "binary file, not a text document"),
    ("undecodable", "乱码.txt", b"\x80\xff\x80\xff\xfe\x80" * 8, "cannot decode: not UTF-8/UTF-16/GB18030/Big5 text"),
    ("corrupt-docx", "总结.docx", b"\x13\x37 this is not a word file", "corrupt .docx: not a zip archive"),
    ("docx-without-body", "空.docx", _docx_without_body, "corrupt .docx"),
    ("empty-docx", "e.docx", b"", "file is empty"),
    ("corrupt-pdf", "总结.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj garbage", "corrupt .pdf"),
    ("not-a-pdf", "fake.pdf", b"hello, I am text", "corrupt .pdf: no PDF header"),
    ("scanned-pdf", "scan.pdf", _pdf_without_text, "pdf has no text layer (scanned?)"),
    ("empty-html", "page.html", b"<html><body><script>x()</script></body></html>", "html page has no text"),
    ("legacy-doc", "old.doc", b"\xd0\xcf\x11\xe0", "legacy Word .doc is not supported; save it as .docx"),
    ("unsupported", "sheet.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
    ("empty-zip", "bundle.zip", b"PK\x05\x06" + b"\x00" * 18, "the .zip archive holds no readable document"),
    ("corrupt-zip", "bundle.zip", b"PK\x03\x04 cut short", "corrupt .zip: not a zip archive"),
]


@pytest.mark.parametrize("name, filename, content, reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_gives_one_clear_reason(tmp_path, name, filename, content, reason):
    path = tmp_path / filename
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.reason.startswith(reason)
    assert info.value.path == str(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "缺失.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_path(tmp_path)


# ---------------------------------------------------------------- docx structure


def test_docx_keeps_tables_in_body_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("一、基本情况")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("项目", "户数", "人数"), ("低保", "45", "98"), ("特困", "3", "3")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、主要工作")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_path(path).text.splitlines() == [
        "一、基本情况",
        "项目\t户数\t人数",
        "低保\t45\t98",
        "特困\t3\t3",
        "二、主要工作",
    ]


def test_docx_merged_cells_appear_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "2023年低保发放情况"
    for c, value in enumerate(("1月", "2月", "3月")):
        table.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_path(path).text.splitlines() == ["2023年低保发放情况", "1月\t2月\t3月"]


_NUMBERING_XML = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_document():
    """A python-docx Document with list 90: 一、 / （一） / 1. (chineseCounting, chineseCounting, decimal)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING_XML))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return document


def _num_pr(level: int):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')


def test_docx_automatic_numbering_is_rendered(tmp_path):
    document = _numbered_document()
    rows = [(0, "基本情况"), (0, "主要工作"), (1, "党建工作"), (2, "发展党员3名"), (2, "开展党课4次"),
            (1, "综治工作"), (2, "调解纠纷12起"), (0, "下半年打算")]  # fmt: skip
    for level, text in rows:
        document.add_paragraph(text)._p.get_or_add_pPr().append(_num_pr(level))
    path = tmp_path / "auto.docx"
    document.save(str(path))
    assert read_path(path).text.splitlines() == [
        "一、基本情况",
        "二、主要工作",
        "（一）党建工作",
        "1.发展党员3名",
        "2.开展党课4次",
        "（二）综治工作",
        "1.调解纠纷12起",
        "三、下半年打算",
    ]


def test_docx_heading_styles_linked_to_a_list_are_numbered(tmp_path):
    document = _numbered_document()
    for level in (1, 2):
        document.styles[f"Heading {level}"].element.get_or_add_pPr().append(_num_pr(level - 1))
    document.add_heading("党建工作", level=1)
    document.add_heading("组织建设", level=2)
    document.add_paragraph("社区党委下设4个党支部。")
    document.add_heading("民生工作", level=1)
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert read_path(path).text.splitlines() == ["一、党建工作", "（一）组织建设", "社区党委下设4个党支部。", "二、民生工作"]


# ---------------------------------------------------------------- html


def test_html_drops_furniture_and_keeps_title(make_document):
    text = read_path(make_document("html")).text
    lines = text.splitlines()
    assert lines[0] == "枫林社区2023年上半年工作总结"
    for junk in ("首页", "相关推荐", "广告", "版权所有", "_hmt", "text-indent", "范文网", "当前位置"):
        assert junk not in text, junk


def test_html_tables_and_line_breaks(tmp_path):
    page = (
        "<html><body><article><h1>青石街道2023年度工作报告</h1>"
        "<p>一、基本情况<br>辖区共有居民2860户。</p>"
        "<table><tr><th>社区</th><th>户数</th></tr><tr><td>枫林</td><td>2860</td></tr></table>"
        "<ul><li>开展巡逻160余次</li><li>调解纠纷25起</li></ul></article></body></html>"
    )
    path = tmp_path / "report.htm"
    path.write_text(page, encoding="utf-8")
    assert read_path(path).text.splitlines() == [
        "青石街道2023年度工作报告",
        "一、基本情况",
        "辖区共有居民2860户。",
        "社区\t户数",
        "枫林\t2860",
        "开展巡逻160余次",
        "调解纠纷25起",
    ]


def test_html_table_layout_keeps_article_and_drops_link_lists(tmp_path):
    page = (
        "<html><body><table><tr><td class=left><a href=1>首页</a><a href=2>范文大全</a></td><td>"
        "<div><h1>柳岸社区2022年度工作总结</h1><span>2022-12-30</span></div>"
        "<div>一、党建工作<br>发展党员2名，开展党课4次，组织党员志愿服务活动12次，参与党员300余人次。<br>"
        "二、民生工作<br>走访困难群众56户，发放慰问金1.2万元，帮助3人实现再就业。"
        "<p>相关文章：<a href=a>社区工作总结</a> <a href=b>村委会工作总结</a> <a href=c>街道工作计划</a></p>"
        "</div></td></tr></table></body></html>"
    )
    path = tmp_path / "old-site.html"
    path.write_text(page, encoding="utf-8")
    assert read_path(path).text.splitlines() == [
        "柳岸社区2022年度工作总结",
        "一、党建工作",
        "发展党员2名，开展党课4次，组织党员志愿服务活动12次，参与党员300余人次。",
        "二、民生工作",
        "走访困难群众56户，发放慰问金1.2万元，帮助3人实现再就业。",
    ]


def test_html_big5_without_meta_is_detected(tmp_path):
    page = "<html><body><p>一、社區黨建</p><p>現有黨員136名，開展黨課2次。</p></body></html>"
    path = tmp_path / "tw.html"
    path.write_bytes(page.encode("big5"))
    raw = read_path(path)
    assert raw.encoding == "big5"
    assert raw.text == "一、社區黨建\n現有黨員136名，開展黨課2次。"


# ---------------------------------------------------------------- folders and zips


class _GbkNamedInfo(zipfile.ZipInfo):
    """A member named as Chinese Windows tools write it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's hook
        return self.filename.encode("gb18030"), self.flag_bits & ~0x800


def _zip(path: Path, members: dict[str, bytes], utf8_names: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name) if utf8_names else _GbkNamedInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def _docx_bytes(tmp_path: Path) -> bytes:
    return build_docx(fixture_text(), tmp_path / "inner.docx").read_bytes()


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("二、综治工作", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("一、党建工作".encode("gb18030"))
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(_PNG)
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(iter_documents([tmp_path]))
    assert [r.path for r in results] == [str(tmp_path / p) for p in ("a.txt", "b/2.txt", "empty.txt")]
    assert isinstance(results[2], ReadError) and results[2].reason == "file is empty"


def test_explicit_unsupported_or_missing_file_is_an_error(tmp_path):
    png = tmp_path / "photo.png"
    png.write_bytes(_PNG)
    results = list(iter_documents([png, tmp_path / "nope.txt"]))
    assert [type(r) for r in results] == [ReadError, ReadError]
    assert results[0].reason.startswith("unsupported file type '.png'")
    assert results[1].reason == "no such file"


def test_zip_members_are_read_with_their_own_ids(tmp_path):
    utf8 = "一、党建工作\n现有党员41名。".encode()
    gbk = "二、综治工作\n调解纠纷9起。".encode("gb18030")
    docx_bytes = _docx_bytes(tmp_path)
    archive = _zip(
        tmp_path / "bundle.zip",
        {"a.txt": utf8, "子目录/b.txt": gbk, "c.docx": docx_bytes, "logo.png": _PNG, "__MACOSX/._a.txt": b"x"},
    )
    results = list(iter_documents([archive]))
    assert [r.path for r in results] == [f"{archive}!a.txt", f"{archive}!子目录/b.txt", f"{archive}!c.docx"]
    assert [r.id for r in results] == [hashlib.sha256(b).hexdigest() for b in (utf8, gbk, docx_bytes)]
    assert [r.encoding for r in results] == ["utf-8", "gb18030", "docx"]


def test_zip_gbk_member_names_are_decoded(tmp_path):
    archive = _zip(tmp_path / "gbk.zip", {"社区总结.txt": "一、党建".encode("gb18030")}, utf8_names=False)
    [raw] = iter_documents([archive])
    assert raw.path == f"{archive}!社区总结.txt"


@pytest.mark.parametrize(
    "member, reason",
    [
        ("../evil.txt", "unsafe member name (escapes the archive): ../evil.txt"),
        ("docs/../../evil.txt", "unsafe member name (escapes the archive): docs/../../evil.txt"),
        ("/etc/evil.txt", "unsafe member name (absolute path): /etc/evil.txt"),
        ("..\\evil.txt", "unsafe member name (escapes the archive): ..\\evil.txt"),
    ],
    ids=["parent", "nested-parent", "absolute", "backslash"],
)
def test_zip_path_escape_is_refused_and_the_rest_is_read(tmp_path, member, reason):
    archive = _zip(tmp_path / "evil.zip", {"ok.txt": "一、党建".encode(), member: b"pwned"})
    results = list(iter_documents([archive]))
    assert isinstance(results[0], RawDoc)
    assert isinstance(results[1], ReadError)
    assert results[1].reason == reason
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_nested_one_level_only(tmp_path):
    inner_most = io.BytesIO()
    with zipfile.ZipFile(inner_most, "w") as z:
        z.writestr("deep.txt", "三、其他".encode())
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("b.txt", "二、综治".encode())
        z.writestr("deeper.zip", inner_most.getvalue())
    archive = _zip(tmp_path / "outer.zip", {"a.txt": "一、党建".encode(), "inner.zip": inner.getvalue()})
    results = list(iter_documents([archive]))
    assert [type(r).__name__ for r in results] == ["RawDoc", "RawDoc", "ReadError"]
    assert results[1].path == f"{archive}!inner.zip!b.txt"
    assert results[2].path == f"{archive}!inner.zip!deeper.zip"
    assert "nested more than one level" in results[2].reason


def test_zip_bomb_and_limits(tmp_path):
    archive = _zip(tmp_path / "bomb.zip", {"a.txt": "一、党建".encode(), "zeros.txt": b"0" * 2_000_000})
    limits = ZipLimits(ratio_floor_bytes=100_000, max_ratio=50)
    results = list(iter_documents([archive], limits=limits))
    assert isinstance(results[0], RawDoc)
    assert "zip bomb" in results[1].reason
    [too_many] = iter_documents([archive], limits=ZipLimits(max_members=1))
    assert too_many.reason == "zip has 2 members, more than the limit of 1"
    small = ZipLimits(max_member_bytes=1000, ratio_floor_bytes=10**9)
    assert "beyond the size limit" in list(iter_documents([archive], limits=small))[1].reason


def test_corrupt_zip_is_one_error(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 truncated")
    [error] = iter_documents([path])
    assert isinstance(error, ReadError) and error.reason == "corrupt .zip: not a zip archive"


def test_read_path_on_a_zip_reads_its_only_document_or_refuses(tmp_path):
    one = _zip(tmp_path / "one.zip", {"总结.txt": "一、党建".encode("gb18030")})
    assert read_path(one).path == f"{one}!总结.txt"
    two = _zip(tmp_path / "two.zip", {"a.txt": "一、党建".encode(), "b.txt": "二、综治".encode()})
    with pytest.raises(ReadError, match="holds several documents"):
        read_path(two)
    evil = _zip(tmp_path / "evil.zip", {"../evil.txt": b"x", "a.txt": "一、党建".encode()})
    with pytest.raises(ReadError, match="escapes the archive") as info:
        read_path(evil)
    assert info.value.path == f"{evil}!../evil.txt"


def test_read_bytes_sniffs_nameless_members():
    assert read_bytes("一、党建工作".encode("gb18030"), "README").format == "txt"


# ---------------------------------------------------------------- same outline in every format


def _outline(raw: RawDoc) -> list[tuple[int, str, str]]:
    """(level, label, heading in simplified characters) of every section, from the pipeline's own stages."""
    from nlp.text import normalize, outline

    sections = outline.build_outline(normalize.normalize(raw.text))
    return [(s.level, s.label, to_simplified(s.heading)) for s in sections]


def test_same_outline_in_every_format(tmp_path):
    reference = _outline(read_path(write_document(tmp_path, "utf-8")))
    assert len(reference) >= 10
    assert [label for _, label, _ in reference][:3] == ["一、", "二、", "（一）"]
    for variant in VARIANTS:
        assert _outline(read_path(write_document(tmp_path, variant))) == reference, variant


# ---------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".html", ""]))
def test_any_bytes_give_a_document_or_a_read_error(data, suffix):
    try:
        raw = read_bytes(data, f"input{suffix}")
    except ReadError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert raw.id == hashlib.sha256(data).hexdigest()
        assert raw.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="gb18030", exclude_categories=["Cc", "Cs"]), min_size=1))
def test_any_gb18030_or_utf8_text_decodes_to_itself(text):
    if not text.strip():
        return
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert decode_bytes(text.encode(encoding)).text == text
