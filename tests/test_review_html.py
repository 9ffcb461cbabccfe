"""The review page of one document: every fact marked where its offsets say, everything escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from conftest import fixture_text
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from nlp.output.review_html import fact_title, marked_text, review_html
from nlp.pipeline import parse_text
from nlp.records import (
    Activity,
    ActivityKind,
    DocMeta,
    DocType,
    Fact,
    Flag,
    Parse,
    Qualifier,
    Section,
    Severity,
)

# An invented report whose text carries markup, as a copied web page can.
HOSTILE = """河湾社区2024年上半年工作总结
一、党建工作
社区现有党员52名，其中女党员20名。<script>alert("x")</script>开展主题党日活动4次。
二、民政工作
辖区低保户12户，<b>走访</b>慰问困难家庭30余户，发放慰问金xx元。
三、下半年计划
力争居民满意率达到98%。
"""


class _Marks(HTMLParser):
    """Collects the text inside each data-fact mark, and the page's text without tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.facts: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("data-fact")))

    def handle_endtag(self, tag):
        opened, _fact = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>: the marks do not nest"

    def handle_data(self, data):
        self.text.append(data)
        for _tag, fact in self.stack:
            if fact is not None:
                self.facts[fact] = self.facts.get(fact, "") + data


@pytest.fixture(scope="module", params=["hostile", "fenglin"])
def result(request):
    return parse_text(HOSTILE if request.param == "hostile" else fixture_text())


def test_marks_cover_exactly_each_facts_text(result):
    reader = _Marks()
    reader.feed(marked_text(result))
    assert result.facts
    assert {int(k): v for k, v in reader.facts.items()} == {f.id: f.text for f in result.facts}


def test_without_tags_the_text_is_the_original(result):
    reader = _Marks()
    reader.feed(marked_text(result))
    assert "".join(reader.text).replace("⚠", "") == result.original


def test_document_markup_is_shown_as_text():
    page = review_html(parse_text(HOSTILE))
    assert page.count("<script>") == 1  # the page's own code, nothing from the document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page or "&lt;script&gt;alert(\"x\")" in page
    # the closing tag is escaped too; an activity mark may sit between it and 走访, so it is
    # looked for on its own
    assert "<b>" not in page and "</b>" not in page and "&lt;b&gt;" in page and "&lt;/b&gt;" in page


def test_outline_flags_and_activities_are_linked(result):
    page = review_html(result)
    for section in result.sections:
        assert f'id="sec-{section.id}"' in page and f'href="#sec-{section.id}"' in page
    for i, flag in enumerate(result.flags):
        assert f'id="flag-{i}"' in page and f'href="#flag-{i}"' in page
        assert html.escape(flag.message, quote=True) in page
    assert page.count('class="act"') >= len(result.activities)


def test_flags_are_underlined_with_their_message():
    result = parse_text(HOSTILE)
    masked = [f for f in result.flags if f.name == "masked_figure"]
    assert masked, "xx元 is a masked figure"
    page = review_html(result)
    assert re.search(r'<span class="flag sev-warning" id="flag-\d+" title="ZJ\d+ masked_figure', page)


def test_hover_names_value_unit_qualifier_subject_indicator_breakdown():
    fact = SimpleNamespace(text="女党员20名", value=20.0, low=None, high=None, unit="名", qualifier="exact",
                           subject="女党员", indicator="party_members", breakdown={"sex": "女"}, scope="unit",
                           category="party_building", planned=False)
    title = fact_title(fact)
    for words in ("数值 value: 20 名", "qualifier: 确数 exact", "subject: 女党员", "indicator: 党员 (party_members)",
                  'breakdown: {"sex": "女"}', "scope: unit", "党的建设", "planned: 否"):
        assert words in title


def test_fact_without_breakdown_field_reads_the_defaults():
    result = parse_text(HOSTILE)
    title = fact_title(result.facts[0])
    assert "breakdown: " in title and "scope: " in title


def test_parse_html_option_writes_the_page(tmp_path):
    document = tmp_path / "hewan.txt"
    document.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["parse", str(document), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "outline:" in result.stdout  # the usual output still goes to stdout
    page = out.read_text(encoding="utf-8")
    assert "河湾社区2024年上半年工作总结" in page and 'data-fact="0"' in page


# --- any spans, any text: the marks always nest and always hold the original -------------------

@st.composite
def _documents(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("党员名户<>&\"'\n 12")), min_size=1, max_size=40))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    facts = tuple(Fact(i, None, a, max(b, a + 1) if a < len(text) else a, text[a:max(b, a + 1)], "1", 1.0, None,
                       None, "名", Qualifier.EXACT, None, None)
                  for i, (a, b) in enumerate(draw(st.lists(spans, max_size=4))) if a < len(text))
    activities = tuple(Activity(i, None, a, b, text[a:b], None, text[a:b], ActivityKind.OTHER)
                       for i, (a, b) in enumerate(draw(st.lists(spans, max_size=3))))
    flags = tuple(Flag("masked_figure", "ZJ402", Severity.WARNING, a, b, 1, 1, "<b>msg</b>")
                  for a, b in draw(st.lists(spans, max_size=3)))
    sections = tuple(Section(i, None, 1, "一、", "x", a, b) for i, (a, b) in enumerate(draw(st.lists(spans, max_size=2))))
    meta = DocMeta("id", None, None, None, None, None, None, None, DocType.SUMMARY, len(text))
    return Parse(meta, text, sections, facts, activities, flags)


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_marks_nest_and_keep_the_text_for_any_spans(result):
    reader = _Marks()
    reader.feed(marked_text(result))
    reader.close()
    assert reader.stack == []
    assert "".join(reader.text).replace("⚠", "") == result.original
    assert {int(k): v for k, v in reader.facts.items()} == {f.id: f.text for f in result.facts if f.text}
