"""Text of a .docx in body order: one paragraph per line, table rows as tab-joined cells.

Numbering typed by hand is part of the paragraph text and stays as written.
Automatic Word numbering (``w:numPr``) is rendered for the formats this genre
uses — 一、 （一） 1. （1） ① a) i. — from the list definitions in numbering.xml,
so headings keep their labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_DIGITS = "〇一二三四五六七八九"  # Chinese digits by value, for rendering Word's chineseCounting lists
_LEVEL_REF = re.compile(r"%([1-9])")


def chinese_count(n: int) -> str:
    """``n`` in Chinese counting numerals, as Word's chineseCounting renders list numbers.

    >>> [chinese_count(n) for n in (1, 10, 12, 20, 35, 100)]
    ['一', '十', '十二', '二十', '三十五', '一百']
    """
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else ("一" if rest < 20 else "") + chinese_count(rest))
        return _DIGITS[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    """Lower-case Roman numerals.

    >>> _roman(14)
    'xiv'
    """
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """One list number in a Word ``numFmt``.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "decimalEnclosedCircle", "lowerLetter")]
    ['3', '三', '③', 'c']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital"):
        return chinese_count(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str  # lvlText, e.g. "%1、" or "（%2）"
    start: int


@dataclass
class Numbering:
    """Counters for automatic list numbering while walking the body in order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id -> ilvl -> count
    abstract_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: DocumentObject) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return numbering
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                    fmt=fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text=text.get(qn("w:val"), "") if text is not None else "",
                    start=int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstracts[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            abstract_id = ref.get(qn("w:val"), "")
            num_id = num.get(qn("w:numId"), "")
            numbering.levels[num_id] = abstracts.get(abstract_id, {})
            numbering.abstract_of[num_id] = abstract_id
        return numbering

    def label(self, paragraph: Paragraph) -> str:
        """The rendered number of an automatically numbered paragraph, or ''."""
        num_id, ilvl = _num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or levels[ilvl].fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def render(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lvl = levels.get(level)
            count = counters.get(level, lvl.start if lvl else 1)
            return format_number(count, lvl.fmt if lvl else "decimal")

        return _LEVEL_REF.sub(render, levels[ilvl].text)


def _num_pr(paragraph: Paragraph) -> tuple[str, int]:
    """(numId, ilvl) of a paragraph: its own ``w:numPr``, else its style's (heading styles linked to a list)."""
    num_id, ilvl = "", None
    elements = [paragraph._p.pPr]
    style = paragraph.style if paragraph._p.pPr is None or paragraph._p.pPr.find(qn("w:numPr")) is None else None
    while style is not None:
        elements.append(style.element.pPr)
        style = style.base_style
    for ppr in elements:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            continue
        num_el, ilvl_el = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
        if ilvl is None and ilvl_el is not None:
            ilvl = int(ilvl_el.get(qn("w:val"), "0"))
        if num_el is not None:
            num_id = num_el.get(qn("w:val"), "")
            break
    return ("" if num_id == "0" else num_id), (ilvl or 0)


def _block_items(parent, document: DocumentObject) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in body order, looking inside content controls (``w:sdt``)."""
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_items(content, document)


def _row_text(row) -> str:
    cells = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:  # a merged cell repeats; keep it once
            continue
        previous = cell._tc
        cells.append(" ".join(p.strip() for p in cell.text.splitlines() if p.strip()))
    return "\t".join(cells).strip()


def docx_lines(document: DocumentObject) -> list[str]:
    """The lines of a python-docx ``Document``: paragraphs (with automatic numbers) and table rows."""
    numbering = Numbering.from_document(document)
    lines: list[str] = []
    for item in _block_items(document.element.body, document):
        if isinstance(item, Paragraph):
            text = item.text
            label = numbering.label(item)
            line = (label + text).strip() if text.strip() else ""
            if line:
                lines.append(line)
        else:
            lines.extend(row for row in (_row_text(r) for r in item.rows) if row)
    return lines
