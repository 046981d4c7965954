"""The report as one self-contained HTML file: inline CSS and SVG charts, no script, no links out.

Everything that comes from a member or from the FAQ file goes through ``html.escape``
(``_e``), so a question like ``<script>...`` shows as text and never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from bot.report import wording
from bot.report.charts import Bar, SplitBar, bar_chart, line_chart, split_bar_chart
from bot.report.model import Asked, EntryNearMisses, Report

MAX_BARS = 15
MAX_LISTED = 10

_STYLE = """
body { font-family: system-ui, sans-serif; color: #222; max-width: 980px; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
h3 { margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #ddd; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; white-space: nowrap; }
code { background: #f4f4f4; padding: 0 .25em; border-radius: 3px; }
q { font-style: italic; } .muted { color: #666; } .warn { color: #8a4b00; }
.chart { overflow-x: auto; margin: .5em 0 1em; }
"""


def _e(text: object) -> str:
    """Escape anything for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def _q(text: str) -> str:
    """A member's question, one line, escaped."""
    return f"<q>{_e(wording.one_line(text))}</q>"


def render_html(report: Report) -> str:
    """The whole report as a standalone HTML page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>FAQ report: {_e(wording.period(report))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>FAQ report: {_e(wording.period(report))}</h1>",
        f"<p>{_e(wording.summary(report))}</p>",
    ]
    parts += _most_asked(report)
    parts += _per_day(report)
    parts += _helpfulness(report)
    parts += _clusters(report)
    parts += _near_misses(report)
    parts += _preview(report)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _chart(svg: str) -> list[str]:
    return [f'<div class="chart">{svg}</div>'] if svg else []


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: set[int]) -> list[str]:
    """A table; ``head`` is plain text, ``rows`` already escaped HTML."""
    out = ["<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead>"]
    out.append("<tbody>")
    for row in rows:
        cells = "".join(
            f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def _most_asked(report: Report) -> list[str]:
    parts = ["<h2>Most asked entries</h2>"]
    if not report.most_asked:
        return [*parts, "<p>No question was answered in this period.</p>"]
    bars = [Bar(item.entry_id, item.asked) for item in report.most_asked[:MAX_BARS]]
    parts += _chart(bar_chart(bars, title="Times each entry was the answer"))
    rows = [
        (str(rank), f"<code>{_e(i.entry_id)}</code>", _e(i.question), str(i.asked))
        for rank, i in enumerate(report.most_asked, 1)
    ]
    return parts + _table(("#", "entry", "question", "answered"), rows, {0, 3})


def _per_day(report: Report) -> list[str]:
    parts = [
        "<h2>Fallback rate per day</h2>",
        '<p class="muted">Share of questions the FAQ had no answer for, per UTC day.</p>',
    ]
    points = [Bar(day.day.strftime("%a %d"), day.rate) for day in report.per_day]
    parts += _chart(line_chart(points, title="Share of questions with no answer, per day"))
    rows = [
        (
            _e(d.day.isoformat()),
            str(d.asked),
            str(d.fell_back),
            _e(wording.percent(d.rate)),
            str(d.none_of_these),
        )
        for d in report.per_day
    ]
    return parts + _table(
        ("day", "questions", "no answer", "rate", "None of these"), rows, {1, 2, 3, 4}
    )


def _helpfulness(report: Report) -> list[str]:
    parts = ["<h2>Helpfulness per entry</h2>"]
    if not report.helpfulness:
        return [*parts, "<p>Nobody voted in this period.</p>"]
    bars = [SplitBar(h.entry_id, h.helpful, h.not_helpful) for h in report.helpfulness]
    parts += _chart(
        split_bar_chart(
            bars[:MAX_BARS],
            title="Helpful and Not helpful votes per entry",
            first="Helpful",
            second="Not helpful",
        )
    )
    rows = [
        (
            f"<code>{_e(h.entry_id)}</code>",
            str(h.helpful),
            str(h.not_helpful),
            _e(wording.percent(h.helpful_share)),
        )
        for h in report.helpfulness
    ]
    return parts + _table(("entry", "helpful", "not helpful", "helpful share"), rows, {1, 2, 3})


def _clusters(report: Report) -> list[str]:
    parts = ["<h2>Questions the FAQ could not answer directly</h2>"]
    if not report.clusters:
        return [*parts, "<p>Every question got a direct answer.</p>"]
    parts.append('<p class="muted">Similar questions grouped together, most asked first.</p>')
    rows = []
    for cluster in report.clusters:
        others = ", ".join(_q(example) for example in cluster.examples)
        shown = _q(cluster.representative) + (
            f'<br><span class="muted">also: {others}</span>' if others else ""
        )
        rows.append(
            (str(cluster.asked), shown, _e(wording.outcome(cluster)), _e(wording.lead(cluster)))
        )
    return parts + _table(("asked", "question", "what happened", "points at"), rows, {0})


def _near_misses(report: Report) -> list[str]:
    parts = ["<h2>Near misses per entry</h2>"]
    if not report.near_misses:
        return [*parts, "<p>Nothing to show in this period.</p>"]
    parts.append(
        '<p class="muted">Questions that nearly matched an entry, offered as aliases '
        "(<code>faq-bot suggest</code> prints them as YAML to paste), and questions its "
        "answer did not satisfy.</p>"
    )
    for entry in report.near_misses:
        parts += _entry(entry)
    return parts


def _entry(entry: EntryNearMisses) -> list[str]:
    parts = [f"<h3><code>{_e(entry.entry_id)}</code>: {_e(entry.question)}</h3>"]
    if entry.suggestions:
        parts.append("<p>Suggested aliases:</p><ul>")
        for s in entry.suggestions:
            covers = ""
            if s.variants:
                covers = "; also covers " + ", ".join(_q(v) for v in s.variants[:MAX_LISTED])
            parts.append(f"<li>{_q(s.text)}: {_e(s.note())}{covers}</li>")
        parts.append("</ul>")
    if entry.withheld:
        parts.append('<p class="warn">Not offered as aliases:</p><ul>')
        parts += [
            f"<li>{_q(w.text)} (asked {w.asked}×): {_e(w.reason)}</li>" for w in entry.withheld
        ]
        parts.append("</ul>")
    parts += _counted("Members pressed 'None of these' when it was offered:", entry.rejected)
    parts += _counted("Members voted its answer Not helpful after asking:", entry.not_helpful)
    return parts


def _counted(title: str, items: Sequence[Asked]) -> list[str]:
    if not items:
        return []
    parts = [f"<p>{_e(title)}</p><ul>"]
    parts += [f"<li>{_q(item.text)} ({item.count}×)</li>" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        parts.append(f"<li>…and {len(items) - MAX_LISTED} more</li>")
    return [*parts, "</ul>"]


def _preview(report: Report) -> list[str]:
    preview = report.preview
    parts = [
        "<h2>If you add every suggested alias</h2>",
        f"<p>{_e(wording.preview_sentence(preview))}</p>",
    ]
    if preview.still_not_answered:
        parts.append("<p>Still not answered with the suggested entry:</p><ul>")
        parts += [f"<li>{_q(text)}</li>" for text in preview.still_not_answered]
        parts.append("</ul>")
    if preview.changed_answers:
        parts.append('<p class="warn">Would get a different answer (check these first):</p><ul>')
        for change in preview.changed_answers:
            parts.append(
                f"<li>{_q(change.text)}: {_e(change.before or 'no answer')} → "
                f"{_e(change.after or 'no answer')}</li>"
            )
        parts.append("</ul>")
    return parts
