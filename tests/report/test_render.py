"""The report as moderators read it: Markdown in the terminal, HTML with charts."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from bot.faq.models import FaqDocument
from bot.report.build import build_report
from bot.report.charts import Bar, bar_chart
from bot.report.html import render_html
from bot.report.markdown import render_markdown
from bot.report.model import Report
from bot.report.simulate import Simulation
from bot.store.stores import Stores
from tests.report.conftest import END
from tests.report.helpers import NOW, clarify_then_pick, fallback

NASTY = "<script>alert('pwned')</script> is | klonopin **bold** [x](http://evil.example)?"


@pytest.fixture(scope="module")
def week_report(week: tuple[Path, Simulation], shipped_faq: FaqDocument) -> Report:
    path, _ = week
    stores = Stores.open(path)
    try:
        return build_report(stores, shipped_faq, now=END)
    finally:
        stores.close()


@pytest.fixture
def nasty_report(stores: Stores, shipped_faq: FaqDocument) -> Report:
    for minutes in (50, 40):
        fallback(stores, NASTY, "what-is-klonopin", 30.0, minutes_ago=minutes)
    clarify_then_pick(stores, NASTY + " again", ["mania"], "dosage")
    stores.feedback.record_vote("dosage", False, question=NASTY)
    return build_report(stores, shipped_faq, now=NOW)


def test_markdown_has_every_section_and_the_figures(week_report: Report) -> None:
    text = render_markdown(week_report)
    for heading in (
        "# FAQ report: 2026-11-17 to 2026-11-23 (7 days)",
        "## Most asked entries",
        "## Fallback rate per day",
        "## Helpfulness per entry",
        "## Questions the FAQ could not answer directly",
        "## Near misses per entry",
        "## If you add every suggested alias",
    ):
        assert heading in text.splitlines()
    totals = week_report.totals
    assert f"{totals.asked} questions: {totals.answered} answered" in text
    top = week_report.most_asked[0]
    assert f"| 1 | `{top.entry_id}` |" in text
    day_rows = [line for line in text.splitlines() if re.match(r"\| 2026-11-\d\d \|", line)]
    assert len(day_rows) == 7
    biggest = week_report.clusters[0]
    assert f'| {biggest.asked} | "{biggest.representative}"' in text


def test_markdown_escapes_member_text_so_tables_keep_their_columns(nasty_report: Report) -> None:
    text = render_markdown(nasty_report)
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert "\\[x\\]" in text  # no clickable link
    cluster_rows = [line for line in text.splitlines() if "alert" in line and line.startswith("|")]
    assert cluster_rows
    for row in cluster_rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four columns


def test_html_escapes_member_text(nasty_report: Report) -> None:
    page = render_html(nasty_report)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page
    assert 'href="http://evil' not in page


def test_html_is_one_self_contained_page_with_three_charts(week_report: Report) -> None:
    page = render_html(week_report)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"\b(src|href)=", page)
    assert "<script" not in page.lower()
    charts = re.findall(r"<svg.*?</svg>", page, re.DOTALL)
    assert len(charts) == 3
    for chart in charts:
        ElementTree.fromstring(chart)  # well-formed SVG
    assert 'aria-label="Share of questions with no answer, per day"' in page


def test_html_chart_lists_the_most_asked_entries(week_report: Report) -> None:
    page = render_html(week_report)
    chart = re.findall(r"<svg.*?</svg>", page, re.DOTALL)[0]
    labels = re.findall(r">([a-z-]+)</text>", chart)
    assert labels == [e.entry_id for e in week_report.most_asked[: len(labels)]]


def test_bar_lengths_follow_the_values() -> None:
    svg = bar_chart([Bar("a", 10), Bar("b", 5), Bar("c", 0)], title="t")
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])
    assert widths[2] == 0


def test_an_empty_period_still_renders(stores: Stores, shipped_faq: FaqDocument) -> None:
    report = build_report(stores, shipped_faq, now=NOW)
    assert "Nobody asked the bot anything" in render_markdown(report)
    page = render_html(report)
    assert "Nobody asked the bot anything" in page
    assert len(re.findall(r"<svg", page)) == 1  # only the (flat) fallback-rate line
