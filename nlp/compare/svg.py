"""Inline SVG charts for the HTML report: a bar chart per indicator, a heat map of categories.

Drawn in Python, so the report needs no chart library and works offline. Every bar is a link to the
sentence its figure came from (``data-src``); a community without the figure gets no bar (a missing
value is not 0) and is named under the chart instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlp.output.html_page import attr, esc

CONFLICT_COLOUR = "#d9822b"
BAR_AREA = 330
ROW_HEIGHT = 22
MAX_NAMED = 12  # communities named under a chart as not reporting it


def label_width(labels: Sequence[str], least: int = 80, most: int = 340) -> int:
    """Pixels a column of 12px labels needs: a CJK character is about 12 wide, others about 7.

    >>> label_width(["阿娄社区 2022 H1"]), label_width(["x" * 100])
    (116, 340)
    """
    widest = max((sum(12 if ord(ch) > 0x2E7F else 7 for ch in label) for label in labels), default=0)
    return max(least, min(widest + 12, most))


@dataclass(frozen=True)
class Bar:
    label: str
    number: float | None  # None for a range: drawn from low to high
    low: float | None
    high: float | None
    text: str
    qualifier: str
    status: str
    source: int | None  # index of the sentence in the report's sources list
    tooltip: str


def bar_chart(title: str, bars: Sequence[Bar], colour: str, missing: Sequence[str] = ()) -> str:
    """Horizontal bars, one per community and period, scaled to the largest figure."""
    top = max([b.number or b.high or 0 for b in bars] + [0])
    scale = BAR_AREA / top if top > 0 else 0
    height = ROW_HEIGHT * len(bars) + 8
    left = label_width([b.label for b in bars])
    width = left + BAR_AREA + label_width([b.text for b in bars], least=40, most=400)
    parts = [f'<svg class="bars" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'aria-label="{attr(title)}">']
    for i, bar in enumerate(bars):
        y = 4 + i * ROW_HEIGHT
        start = (bar.low or 0) * scale if bar.number is None else 0
        end = (bar.high if bar.number is None else bar.number) or 0
        length = max(end * scale - start, 2)
        fill = CONFLICT_COLOUR if bar.status == "conflict" else colour
        style = ' fill-opacity="0.55" stroke-dasharray="3 2"' if bar.qualifier != "exact" else ""
        link = f' href="#src-{bar.source}" data-src="{bar.source}"' if bar.source is not None else ""
        parts.append(
            f'<a class="bar"{link}><title>{esc(bar.tooltip)}</title>'
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" class="lbl">{esc(bar.label)}</text>'
            f'<rect x="{left + start:.1f}" y="{y + 3}" width="{length:.1f}" height="{ROW_HEIGHT - 6}" '
            f'fill="{attr(fill)}" stroke="{attr(fill)}"{style}/>'
            f'<text x="{left + start + length + 5:.1f}" y="{y + 15}" class="val">{esc(bar.text)}</text></a>'
        )
    parts.append("</svg>")
    more = f" … (+{len(missing) - MAX_NAMED})" if len(missing) > MAX_NAMED else ""
    note = (f'<p class="muted small">未报告 not reported ({len(missing)}): {esc("、".join(missing[:MAX_NAMED]))}'
            f'{more}</p>' if missing else "")
    return "".join(parts) + note


@dataclass(frozen=True)
class HeatCell:
    score: float | None  # 0..1 shade; None leaves the square empty
    count: int  # the number written in the square
    tooltip: str


def _shade(score: float) -> str:
    """White to deep blue.

    >>> _shade(0.0), _shade(1.0)
    ('#f7fbff', '#08519c')
    """
    low, high = (0xF7, 0xFB, 0xFF), (0x08, 0x51, 0x9C)
    mixed = (round(a + (b - a) * score) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def heat_map(row_labels: Sequence[str], column_labels: Sequence[str], cells: Sequence[Sequence[HeatCell]]) -> str:
    """Rows × columns of shaded squares; a row without figures in a category stays empty."""
    cell_w, cell_h, top = 64, 26, 74
    left = label_width(row_labels)
    width = left + cell_w * len(column_labels) + 80  # room for the last slanted label
    height = top + cell_h * len(row_labels) + 10
    parts = [f'<svg class="heat" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             'aria-label="heat map">']
    for j, label in enumerate(column_labels):
        x = left + j * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 8}" transform="rotate(-35 {x:.0f} {top - 8})" '
                     f'class="lbl">{esc(label)}</text>')
    for i, label in enumerate(row_labels):
        y = top + i * cell_h
        parts.append(f'<a href="#row-{i}"><text x="{left - 6}" y="{y + 17}" text-anchor="end" class="lbl">'
                     f'{esc(label)}</text></a>')
        for j, cell in enumerate(cells[i]):
            x = left + j * cell_w
            if cell.score is None:
                parts.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="#ffffff" '
                             f'stroke="#d9e2ec"><title>{esc(cell.tooltip)}</title></rect>')
                continue
            ink = "val on-dark" if cell.score > 0.55 else "val"  # the page's CSS colours the text
            parts.append(
                f'<a href="#row-{i}"><rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{_shade(cell.score)}"><title>{esc(cell.tooltip)}</title></rect>'
                f'<text x="{x + cell_w / 2 - 1:.0f}" y="{y + 17}" text-anchor="middle" class="{ink}">'
                f'{cell.count}</text></a>'
            )
    parts.append("</svg>")
    return "".join(parts)
