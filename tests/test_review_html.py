"""The review page of one document: every fact marked where its offsets say, everything escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from conftest import fixture_text
from typer.testing import CliRunner

from cli import app
from nlp.output.review_html import fact_title, marked_text, review_html
from nlp.pipeline import parse

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
        self.stack: list[str | None] = []
        self.facts: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("data-fact"))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for fact in self.stack:
            if fact is not None:
                self.facts[fact] = self.facts.get(fact, "") + data


@pytest.fixture(scope="module", params=["hostile", "fenglin"])
def result(request):
    return parse(HOSTILE if request.param == "hostile" else fixture_text())


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
    page = review_html(parse(HOSTILE))
    assert page.count("<script>") == 1  # the page's own code, nothing from the document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page or "&lt;script&gt;alert(\"x\")" in page
    assert "<b>" not in page and "&lt;b&gt;" in page and "走访&lt;/b&gt;" in page


def test_outline_flags_and_activities_are_linked(result):
    page = review_html(result)
    for section in result.sections:
        assert f'id="sec-{section.id}"' in page and f'href="#sec-{section.id}"' in page
    for i, flag in enumerate(result.flags):
        assert f'id="flag-{i}"' in page and f'href="#flag-{i}"' in page
        assert html.escape(flag.message, quote=True) in page
    assert page.count('class="act"') >= len(result.activities)


def test_flags_are_underlined_with_their_message():
    result = parse(HOSTILE)
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
    result = parse(HOSTILE)
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
