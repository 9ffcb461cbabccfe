"""``zongjie compare … -o report.html``: one offline page a street office opens in a browser.

The comparison matrix, a bar chart per indicator, a heat map of categories by community, the flags per
community, and the list of sources. Every figure (matrix cell, bar) links to its sentence in the
sources list; clicking one also shows the sentence in a panel.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from nlp.compare.cells import QUALIFIER_WORDS
from nlp.compare.layout import derived_text
from nlp.compare.model import Cell, Column, Comparison, Source
from nlp.compare.svg import Bar, HeatCell, bar_chart, heat_map
from nlp.output import labels
from nlp.output.html_page import attr, esc, page

MAX_BARS = 40

CSS = """
table.matrix { border-collapse: collapse; font-size: 13px; }
.scroll { overflow-x: auto; }
table.matrix th, table.matrix td { border: 1px solid var(--line); padding: 3px 7px; white-space: nowrap; }
table.matrix thead th { background: #e4ecf5; }
table.matrix tbody th { position: sticky; left: 0; background: #fff; z-index: 1; text-align: left; }
table.matrix th.band { text-align: center; }
table.matrix td.num { text-align: right; }
table.matrix td .sub { display: block; font-size: 11px; color: var(--muted); }
table.matrix td.conflict { background: #fde2cc; }
table.matrix tr:target td, table.matrix tr:target th { background: #fff3c4; }
a.fig { text-decoration: none; border-bottom: 1px dotted #0b69a3; cursor: pointer; }
a.fig.rough { font-style: italic; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(600px, 1fr)); gap: 12px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; }
figure.chart figcaption { font-weight: bold; }
svg text.lbl { font-size: 12px; fill: #1f2933; }
svg text.val { font-size: 11px; fill: #1f2933; }
svg text.val.on-dark { fill: #ffffff; }
svg a { cursor: pointer; }
svg a:hover rect { stroke: #000; stroke-width: 1.5; }
.small { font-size: 12px; }
ol.sources li:target { background: #fff3c4; }
ol.sources q { quotes: "“" "”"; }
ul.flags { margin: 0 0 8px; padding-left: 20px; }
.legend span { margin-right: 14px; }
"""

SCRIPT = """
(function () {
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  document.addEventListener('click', function (event) {
    var link = event.target.closest('[data-src]');
    if (!link) { return; }
    var item = document.getElementById('src-' + link.getAttribute('data-src'));
    if (!item) { return; }
    event.preventDefault();
    body.innerHTML = item.innerHTML;
    panel.hidden = false;
    document.querySelectorAll('ol.sources li.lit').forEach(function (li) { li.classList.remove('lit'); });
    item.classList.add('lit');
    if (history.replaceState) { history.replaceState(null, '', '#src-' + link.getAttribute('data-src')); }
  });
  document.getElementById('panel-close').addEventListener('click', function () { panel.hidden = true; });
})();
"""


class _Sources:
    """Numbers every quoted sentence once, in the order the page first cites it."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Source, str]] = []
        self.index: dict[tuple, int] = {}

    def cite(self, where: str, source: Source) -> int:
        key = (source.doc_id, source.fact_id, source.quote)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append((where, source, ""))
        return self.index[key]

    def html(self) -> str:
        lines = []
        for i, (where, source, _) in enumerate(self.items):
            place = esc(source.path or source.doc_id or "?") + (f":{source.line}" if source.line else "")
            lines.append(f'<li id="src-{i}"><b>{esc(where)}</b> {esc(source.text)}<br>'
                         f'<q>{esc(source.quote)}</q> <span class="muted small">— {place}</span></li>')
        return '<ol class="sources">' + "".join(lines) + "</ol>"


def _tooltip(column: Column, cell: Cell) -> str:
    # The sentence itself is one click away (the panel), so the page does not repeat it per figure.
    return f"{column.label_zh}: {cell.text} ({QUALIFIER_WORDS.get(cell.qualifier, cell.qualifier)})"


def _matrix(comparison: Comparison, sources: _Sources) -> str:
    groups = comparison.groups()
    band = "".join(f'<th class="band" colspan="{len(cols)}" style="border-top: 3px solid {attr(cat.colour)}">'
                   f'{esc(cat.zh)} <span class="muted small">{esc(cat.id)}</span></th>' for cat, cols in groups)
    heads = "".join(f'<th title="{attr(c.label_en)}">{esc(c.label_zh)}<br><span class="muted small">'
                    f'{esc(c.indicator)}{" (" + esc(c.unit) + ")" if c.unit else ""}</span></th>'
                    for _cat, cols in groups for c in cols)
    body = []
    for r, row in enumerate(comparison.rows):
        tds = []
        for _cat, cols in groups:
            for column in cols:
                cell = comparison.cell(r, column.indicator)
                if cell is None:
                    tds.append('<td class="num"></td>')
                    continue
                links = []
                for source in cell.sources[: 1 if cell.status != "conflict" else None]:
                    n = sources.cite(f"{row.label} · {column.label_zh}", source)
                    links.append(f'<a class="fig{" rough" if cell.qualifier != "exact" else ""}" href="#src-{n}" '
                                 f'data-src="{n}" title="{attr(_tooltip(column, cell))}">'
                                 f'{esc(source.text if cell.status == "conflict" else cell.text)}</a>')
                shown = ("冲突 " + " / ".join(links)) if cell.status == "conflict" else links[0]
                subs = [f"每千人 {derived_text(cell, 'per_1000')}" if cell.per_1000 is not None else "",
                        f"每百户 {derived_text(cell, 'per_100_households')}"
                        if cell.per_100_households is not None else "",
                        f"第 {cell.rank}/{cell.ranked}" if cell.rank is not None and (cell.ranked or 0) > 1 else ""]
                sub = " · ".join(s for s in subs if s)
                klass = "num conflict" if cell.status == "conflict" else "num"
                tds.append(f'<td class="{klass}">{shown}{f"<span class=sub>{esc(sub)}</span>" if sub else ""}</td>')
        body.append(f'<tr id="row-{r}"><th>{esc(row.community)}</th><td>{esc(row.year or "")}</td>'
                    f'<td>{esc(row.period or "")}</td>{"".join(tds)}</tr>')
    return (f'<div class="scroll"><table class="matrix"><thead><tr><th rowspan="2">社区</th><th rowspan="2">年份</th>'
            f'<th rowspan="2">期间</th>{band}</tr><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def _charts(comparison: Comparison, sources: _Sources) -> str:
    figures = []
    for column in comparison.columns:
        colour = labels.category(column.category).colour
        bars, missing = [], []
        for r, row in enumerate(comparison.rows):
            cell = comparison.cell(r, column.indicator)
            if cell is None or (cell.number is None and (cell.low is None or cell.high is None)):
                missing.append(row.label)
                continue
            if cell.unit and not labels.same_unit(cell.unit, column.unit):
                missing.append(f"{row.label} ({cell.text}, 单位不同 other unit)")
                continue
            n = sources.cite(f"{row.label} · {column.label_zh}", cell.sources[0]) if cell.sources else None
            bars.append(Bar(row.label, cell.number, cell.low, cell.high, cell.text, cell.qualifier, cell.status, n,
                            _tooltip(column, cell)))
        if not bars:
            continue
        title = f"{column.label_zh} {column.indicator}" + (f" ({column.unit})" if column.unit else "")
        note = ""
        if len(bars) > MAX_BARS:  # a chart stays readable: the largest figures, the rest in the matrix
            note = (f'<p class="muted small">显示最大的 {MAX_BARS} 个, 另有 {len(bars) - MAX_BARS} 个见比较表 '
                    f'(the {MAX_BARS} largest; the other {len(bars) - MAX_BARS} are in the matrix)</p>')
            bars = sorted(bars, key=lambda b: -(b.number if b.number is not None else b.high or 0))[:MAX_BARS]
        figures.append(f'<figure class="chart" id="chart-{attr(column.indicator)}"><figcaption>{esc(title)}'
                       f'</figcaption>{bar_chart(title, bars, colour, missing)}{note}</figure>')
    return '<div class="charts">' + "".join(figures) + "</div>"


def _heat(comparison: Comparison) -> str:
    """Per row and category: how many of the category's indicators the row has a figure for,
    shaded against the most any row reports in that category."""
    groups = comparison.groups()
    counts = [[[c for c in cols if comparison.cell(r, c.indicator) is not None] for _cat, cols in groups]
              for r in range(len(comparison.rows))]
    most = [max((len(row[j]) for row in counts), default=0) for j in range(len(groups))]
    grid = []
    for r, row in enumerate(counts):
        line = []
        for j, (cat, _cols) in enumerate(groups):
            named = [f"{c.label_zh} {comparison.cell(r, c.indicator).text}" for c in row[j]]
            tip = f"{comparison.rows[r].label} · {cat.zh}: " + ("; ".join(named) if named else "无数据 no figures")
            line.append(HeatCell(len(row[j]) / most[j] if row[j] and most[j] else None, len(row[j]), tip))
        grid.append(line)
    return heat_map([r.label for r in comparison.rows], [cat.zh for cat, _ in groups], grid)


def _flags(comparison: Comparison) -> str:
    by_community: dict[str, list] = defaultdict(list)
    for flag in comparison.flags:
        by_community[flag.community].append(flag)
    if not by_community:
        return '<p class="muted">没有问题 no flags.</p>'
    out = []
    for community, flags in by_community.items():
        items = "".join(
            f'<li><span class="badge sev-{attr(f.severity)}">{esc(f.severity)}</span> '
            f'<code>{esc(f.path or "")}:{esc(f.line or "")}:{esc(f.col or "")}</code> <b>{esc(f.code)}</b> '
            f'{esc(f.message)} <span class="muted small">{esc(f.name)} · {esc(f.year or "")} {esc(f.period or "")}'
            f'</span></li>' for f in flags)
        out.append(f'<h3>{esc(community)} <span class="muted small">{len(flags)}</span></h3>'
                   f'<ul class="flags">{items}</ul>')
    return "".join(out)


def comparison_html(comparison: Comparison) -> str:
    sources = _Sources()
    matrix, charts = _matrix(comparison, sources), _charts(comparison, sources)
    legend = " ".join(f"<span>{esc(m or '(无)')} {esc(QUALIFIER_WORDS[q])}</span>"
                      for q, m in (("approx", "≈"), ("at_least", "≥"), ("at_most", "≤"), ("range", "3–4")))
    body = f"""<header class="top"><h1>社区工作数据比较 <small>Community comparison</small></h1>
<p>{esc(comparison.selection.describe())} · {len(comparison.rows)} 行 (社区 × 期间) · {len(comparison.columns)} 项指标</p>
<nav><a href="#matrix">比较表 matrix</a><a href="#charts">图表 charts</a><a href="#heat">热力图 heat map</a>
<a href="#flags">问题 flags</a><a href="#sources">出处 sources</a></nav></header>
<main>
<section id="matrix"><h2>比较表 Comparison matrix</h2>
<p class="legend small muted">{legend} <span>空白 = 未报告 (blank = not reported, never 0)</span>
<span>第 n/m = 同年同期排名 (rank among the same year and period, 1 = largest)</span></p>{matrix}</section>
<section id="charts"><h2>各指标对比 One chart per indicator</h2>
<p class="small muted">点击数字或柱形查看原文 (click a figure or bar to see its sentence); 虚线 = 约数/区间.</p>
{charts}</section>
<section id="heat"><h2>热力图 Categories by community</h2>
<p class="small muted">每格: 该类报告了数字的指标数, 颜色越深越多 (indicators of the category with a figure;
darker = more than the other communities). 悬停查看数值 (hover for the figures).</p>
{_heat(comparison)}</section>
<section id="flags"><h2>问题 Flags per community</h2>{_flags(comparison)}</section>
<section id="sources"><h2>出处 Sources</h2>{sources.html()}</section>
</main>
<aside id="panel" hidden><button id="panel-close" class="close" type="button" aria-label="close">×</button>
<div id="panel-body"></div></aside>"""
    return page("社区工作数据比较", body, CSS, SCRIPT)


def write_html(comparison: Comparison, path: Path) -> Path:
    Path(path).write_text(comparison_html(comparison), encoding="utf-8")
    return Path(path)
