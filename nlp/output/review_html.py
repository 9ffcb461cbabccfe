"""``zongjie parse FILE --html OUT.html``: one document to review, every figure marked.

The original text with each fact highlighted in its category's colour (hover or click: value, unit,
qualifier, subject, indicator, breakdown, scope), activities underlined, flags wavy-underlined with
their message, and an outline to jump through. Offsets are the SPEC ones (code points into the
decoded original), so what is marked is exactly what the record says. All document text is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.compare.cells import QUALIFIER_WORDS, format_number
from nlp.output import labels
from nlp.output.html_page import attr, esc, page
from nlp.records import Activity, Fact, Flag, Parse

CSS = """
.layout { display: grid; grid-template-columns: 300px 1fr; gap: 16px; align-items: start; }
.side { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; }
.side ul { list-style: none; padding-left: 12px; margin: 4px 0; }
.side > section > ul { padding-left: 0; }
.side li { margin: 2px 0; }
.doc { white-space: pre-wrap; font-size: 15px; line-height: 2; word-break: break-all; }
mark.fact { border-radius: 3px; padding: 1px 0; color: inherit; cursor: pointer; }
mark.fact.planned { outline: 1px dashed #52606d; background-image: none; }
mark.fact.chosen { outline: 2px solid #f0b429; }
span.act { border-bottom: 2px solid #7b8794; }
span.flag { text-decoration: underline wavy; text-decoration-skip-ink: none; color: inherit; }
span.heading { font-weight: bold; }
span.flag.sev-error { text-decoration-color: var(--err); }
span.flag.sev-warning { text-decoration-color: var(--warn); }
span.flag.sev-info { text-decoration-color: var(--info); }
span.flag-point { color: var(--err); font-weight: bold; }
a.anchor { scroll-margin-top: 12px; }
.legend span { display: inline-block; margin: 2px 6px 2px 0; padding: 0 4px; border-radius: 3px; font-size: 12px; }
#panel-body { white-space: pre-line; }
dl.meta { display: grid; grid-template-columns: auto 1fr; gap: 0 10px; margin: 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
"""

SCRIPT = """
(function () {
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  var lit = [];
  document.addEventListener('click', function (event) {
    var mark = event.target.closest('[data-fact]');
    if (!mark) { return; }
    lit.forEach(function (m) { m.classList.remove('chosen'); });
    lit = Array.prototype.slice.call(document.querySelectorAll('[data-fact="' + mark.getAttribute('data-fact') + '"]'));
    lit.forEach(function (m) { m.classList.add('chosen'); });
    body.textContent = mark.getAttribute('title');
    panel.hidden = false;
  });
  document.getElementById('panel-close').addEventListener('click', function () { panel.hidden = true; });
})();
"""


def _tint(colour: str, keep: float = 0.28) -> str:
    """A light version of a #rrggbb colour, for a highlight behind text.

    >>> _tint("#000000", 0.5)
    '#808080'
    """
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in rgb)


def _category_css() -> str:
    return "".join(f"mark.cat-{c.id} {{ background: {_tint(c.colour)}; }}\n.legend .cat-{c.id} "
                   f"{{ background: {_tint(c.colour)}; }}\n" for c in labels.category_labels().values())


def _number(value: float | None) -> str:
    return "—" if value is None else format_number(value)


def fact_title(fact: Fact) -> str:
    """What hovering over a fact says: every field a reviewer checks."""
    breakdown = getattr(fact, "breakdown", None)
    scope = getattr(fact, "scope", "unit")
    qualifier = getattr(fact.qualifier, "value", fact.qualifier)
    category = labels.category(getattr(fact.category, "value", fact.category))
    indicator = labels.indicator(fact.indicator).zh + f" ({fact.indicator})" if fact.indicator else "—"
    value = _number(fact.value) if fact.value is not None or fact.low is None else (
        f"{_number(fact.low)}–{_number(fact.high)}")
    return "\n".join((
        f"{fact.text}",
        f"数值 value: {value} {fact.unit}",
        f"限定 qualifier: {QUALIFIER_WORDS.get(qualifier, qualifier)}",
        f"主体 subject: {fact.subject or '—'}",
        f"指标 indicator: {indicator}",
        f"细分 breakdown: {json.dumps(breakdown, ensure_ascii=False) if breakdown else '—'}",
        f"范围 scope: {scope}",
        f"类别 category: {category.zh} ({category.id})",
        f"计划 planned: {'是 yes' if fact.planned else '否 no'}",
    ))


def _activity_title(activity: Activity) -> str:
    kind = getattr(activity.kind, "value", activity.kind)
    category = labels.category(getattr(activity.category, "value", activity.category))
    return (f"活动 activity: {activity.name}\n动词 verb: {activity.verb or '—'}\n类型 kind: {kind}\n"
            f"类别 category: {category.zh}" + ("\n计划 planned" if activity.planned else ""))


def _flag_title(flag: Flag) -> str:
    severity = getattr(flag.severity, "value", flag.severity)
    return f"{flag.code} {flag.name} ({severity}): {flag.message}"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: int  # 0 heading (outermost), 1 flag, 2 activity, 3 fact (innermost)
    key: str
    tag: str
    klass: str
    attrs: str  # further attributes, already escaped

    def open(self, with_id: bool) -> str:
        ident = f' id="{self.key}"' if with_id else ""
        return f'<{self.tag} class="{attr(self.klass)}"{ident}{" " + self.attrs if self.attrs else ""}>'


def _spans(result: Parse, length: int) -> list[_Span]:
    spans = []
    for section in result.sections:
        line_end = result.original.find("\n", section.start)
        heading_end = section.start + len(section.label) + len(section.heading)  # an inline heading ends early
        end = min(line_end if line_end >= 0 else length, section.end, heading_end)
        spans.append(_Span(section.start, end, 0, f"head-{section.id}", "span", "heading", ""))
    for i, flag in enumerate(result.flags):
        severity = getattr(flag.severity, "value", flag.severity)
        spans.append(_Span(flag.start, flag.end, 1, f"flag-{i}", "span", f"flag sev-{severity}",
                           f'title="{attr(_flag_title(flag))}"'))
    for activity in result.activities:
        spans.append(_Span(activity.start, activity.end, 2, f"act-{activity.id}", "span", "act",
                           f'title="{attr(_activity_title(activity))}"'))
    for fact in result.facts:
        category = getattr(fact.category, "value", fact.category)
        klass = f"fact cat-{category}" + (" planned" if fact.planned else "")
        spans.append(_Span(fact.start, fact.end, 3, f"fact-{fact.id}", "mark", klass,
                           f'data-fact="{fact.id}" title="{attr(fact_title(fact))}"'))
    return [s for s in spans if 0 <= s.start <= s.end <= length]


def marked_text(result: Parse) -> str:
    """The original text as HTML, with every fact, activity and flag marked and sections anchored."""
    text = result.original
    spans = _spans(result, len(text))
    anchors: dict[int, list[str]] = {}
    for section in result.sections:
        anchors.setdefault(max(0, min(section.start, len(text))), []).append(f"sec-{section.id}")
    points: dict[int, list[_Span]] = {}
    for span in spans:
        if span.start == span.end and span.layer == 1:  # a flag about something missing: a marker there
            points.setdefault(span.start, []).append(span)
    cuts = sorted({0, len(text), *anchors, *(s.start for s in spans), *(s.end for s in spans)})
    out, started = [], set()
    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        out += [f'<a class="anchor" id="{name}"></a>' for name in anchors.get(a, ())]
        out += [span.open(True).replace(f'class="{attr(span.klass)}"', f'class="{attr(span.klass)} flag-point"', 1)
                + "⚠</span>" for span in points.get(a, ())]
        if b is None:
            break
        covering = sorted((s for s in spans if s.start <= a and b <= s.end and s.start < s.end),
                          key=lambda s: (s.layer, s.start, -s.end))
        for span in covering:
            out.append(span.open(span.key not in started))
            started.add(span.key)
        out.append(esc(text[a:b]))
        out += [f"</{span.tag}>" for span in reversed(covering)]
    return "".join(out)


def _outline(result: Parse) -> str:
    children: dict[int | None, list] = {}
    for section in result.sections:
        children.setdefault(section.parent, []).append(section)

    def items(parent: int | None) -> str:
        rendered = []
        for section in children.get(parent, ()):
            mark = ' <span class="muted small">(计划)</span>' if section.planned else ""
            rendered.append(f'<li><a href="#sec-{section.id}">{esc(section.label)}{esc(section.heading)}</a>'
                            f'{mark}{items(section.id)}</li>')
        return f"<ul>{''.join(rendered)}</ul>" if rendered else ""

    return items(None) or '<p class="muted small">没有标题 no headings</p>'


def _flag_list(flags: Iterable[Flag]) -> str:
    items = []
    for i, flag in enumerate(flags):
        severity = getattr(flag.severity, "value", flag.severity)
        items.append(f'<li><a href="#flag-{i}"><span class="badge sev-{attr(severity)}">{esc(flag.code)}</span> '
                     f'{flag.line}:{flag.col}</a> {esc(flag.message)}</li>')
    return f"<ul>{''.join(items)}</ul>" if items else '<p class="muted small">没有问题 no flags</p>'


def _meta(result: Parse) -> str:
    doc = result.doc
    rows: list[tuple[str, Any]] = [("标题 title", doc.title), ("社区 community", doc.community),
                                   ("街道 street", doc.street), ("年份 year", doc.year), ("期间 period", doc.period),
                                   ("类型 type", getattr(doc.doc_type, "value", doc.doc_type)),
                                   ("数字 facts", len(result.facts)), ("活动 activities", len(result.activities)),
                                   ("问题 flags", len(result.flags))]
    return '<dl class="meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v if v is not None else '—')}</dd>"
                                         for k, v in rows) + "</dl>"


def review_html(result: Parse) -> str:
    """The review page of one parsed document, as one self-contained HTML string."""
    doc = result.doc
    legend = "".join(f'<span class="cat-{c.id}">{esc(c.zh)}</span>' for c in labels.category_labels().values())
    title = doc.title or doc.path or "document"
    body = f"""<header class="top"><h1>{esc(title)}</h1>
<p>{esc(" · ".join(str(p) for p in (doc.path, doc.encoding, f"{doc.chars} 字") if p))}</p></header>
<main class="layout">
<div class="side">
<section id="about"><h2>文档 Document</h2>{_meta(result)}</section>
<section id="outline"><h2>目录 Outline</h2>{_outline(result)}</section>
<section id="flags"><h2>问题 Flags</h2>{_flag_list(result.flags)}</section>
<section id="legend"><h2>图例 Legend</h2><p class="legend">{legend}</p>
<p class="small muted">虚线框 = 计划 planned · 下划线 = 活动 activity · 波浪线 = 问题 flag</p></section>
</div>
<section><div class="doc" id="text">{marked_text(result)}</div></section>
</main>
<aside id="panel" hidden><button id="panel-close" class="close" type="button" aria-label="close">×</button>
<div id="panel-body"></div></aside>"""
    return page(f"审阅 {title}", body, CSS + _category_css(), SCRIPT)


def write_review(result: Parse, path: Path) -> Path:
    Path(path).write_text(review_html(result), encoding="utf-8")
    return Path(path)
