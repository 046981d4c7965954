"""The report as Markdown, for the terminal and as a file moderators can open anywhere.

Members' questions are quoted on one line, cut to a readable length, with every character
that Markdown or a table would act on escaped, so a question can neither break a table
nor inject HTML or links where the file is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.report import wording
from bot.report.model import Asked, EntryNearMisses, Report

MAX_CLUSTERS = 15
MAX_EXAMPLES = 3
MAX_LISTED = 5
BAR_WIDTH = 20

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def quote(text: str) -> str:
    """A member's text, one line, escaped for Markdown, in quotes."""
    escaped = _SPECIAL.sub(r"\\\1", wording.one_line(text))
    return f'"{escaped}"'


def _bar(share: float) -> str:
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    lines = [
        f"# FAQ report: {wording.period(report)}",
        "",
        wording.summary(report),
        "",
    ]
    lines += _most_asked(report)
    lines += _per_day(report)
    lines += _helpfulness(report)
    lines += _clusters(report)
    lines += _near_misses(report)
    lines += _preview(report)
    return "\n".join(lines).rstrip() + "\n"


def _most_asked(report: Report) -> list[str]:
    lines = ["## Most asked entries", ""]
    if not report.most_asked:
        return [*lines, "No question was answered in this period.", ""]
    lines += ["| # | entry | question | answered |", "|---:|---|---|---:|"]
    for rank, item in enumerate(report.most_asked, 1):
        lines.append(f"| {rank} | `{item.entry_id}` | {_cell(item.question)} | {item.asked} |")
    return [*lines, ""]


def _per_day(report: Report) -> list[str]:
    lines = [
        "## Fallback rate per day",
        "",
        "Share of questions the FAQ had no answer for (UTC days).",
        "",
        "| day | questions | no answer | rate | | None of these |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for day in report.per_day:
        lines.append(
            f"| {day.day.isoformat()} | {day.asked} | {day.fell_back} | "
            f"{wording.percent(day.rate)} | `{_bar(day.rate)}` | {day.none_of_these} |"
        )
    return [*lines, ""]


def _helpfulness(report: Report) -> list[str]:
    lines = ["## Helpfulness per entry", ""]
    if not report.helpfulness:
        return [*lines, "Nobody voted in this period.", ""]
    lines += [
        "Least helpful first.",
        "",
        "| entry | helpful | not helpful | helpful share |",
        "|---|---:|---:|---:|",
    ]
    for item in report.helpfulness:
        lines.append(
            f"| `{item.entry_id}` | {item.helpful} | {item.not_helpful} | "
            f"{wording.percent(item.helpful_share)} |"
        )
    return [*lines, ""]


def _clusters(report: Report) -> list[str]:
    lines = ["## Questions the FAQ could not answer directly", ""]
    if not report.clusters:
        return [*lines, "Every question got a direct answer.", ""]
    lines += [
        "Similar questions grouped together, most asked first.",
        "",
        "| asked | question (other wordings) | what happened | points at |",
        "|---:|---|---|---|",
    ]
    for cluster in report.clusters[:MAX_CLUSTERS]:
        others = ", ".join(quote(e) for e in cluster.examples[:MAX_EXAMPLES])
        more = len(cluster.examples) - MAX_EXAMPLES
        if more > 0:
            others += f" and {more} more"
        shown = quote(cluster.representative) + (f" (also {others})" if others else "")
        lines.append(
            f"| {cluster.asked} | {shown} | {wording.outcome(cluster)} | "
            f"{_cell(wording.lead(cluster))} |"
        )
    hidden = len(report.clusters) - MAX_CLUSTERS
    if hidden > 0:
        lines += ["", f"…and {hidden} smaller groups (see the HTML report for all)."]
    return [*lines, ""]


def _near_misses(report: Report) -> list[str]:
    lines = ["## Near misses per entry", ""]
    if not report.near_misses:
        return [*lines, "Nothing to show in this period.", ""]
    lines += [
        "Questions that nearly matched an entry, offered as aliases "
        "(`faq-bot suggest` prints them as YAML to paste), and questions its answer "
        "did not satisfy.",
        "",
    ]
    for entry in report.near_misses:
        lines += _entry(entry)
    return lines


def _entry(entry: EntryNearMisses) -> list[str]:
    lines = [f"### `{entry.entry_id}`: {_cell(entry.question)}", ""]
    if entry.suggestions:
        lines.append("Suggested aliases:")
        for s in entry.suggestions:
            covers = ""
            if s.variants:
                covers = f"; also covers {', '.join(quote(v) for v in s.variants[:MAX_LISTED])}"
            lines.append(f"- {quote(s.text)}: {s.note()}{covers}")
        lines.append("")
    if entry.withheld:
        lines.append("Not offered as aliases:")
        lines += [f"- {quote(w.text)} (asked {w.asked}×): {w.reason}" for w in entry.withheld]
        lines.append("")
    lines += _counted("Members pressed 'None of these' when it was offered:", entry.rejected)
    lines += _counted("Members voted its answer Not helpful after asking:", entry.not_helpful)
    return lines


def _counted(title: str, items: Sequence[Asked]) -> list[str]:
    if not items:
        return []
    lines = [title]
    lines += [f"- {quote(item.text)} ({item.count}×)" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        lines.append(f"- …and {len(items) - MAX_LISTED} more")
    return [*lines, ""]


def _preview(report: Report) -> list[str]:
    preview = report.preview
    lines = ["## If you add every suggested alias", "", wording.preview_sentence(preview), ""]
    if preview.still_not_answered:
        lines.append("Still not answered with the suggested entry:")
        lines += [f"- {quote(text)}" for text in preview.still_not_answered]
        lines.append("")
    if preview.changed_answers:
        lines.append("Would get a different answer (check these before adding):")
        for change in preview.changed_answers:
            lines.append(
                f"- {quote(change.text)}: {change.before or 'no answer'} → "
                f"{change.after or 'no answer'}"
            )
        lines.append("")
    return lines


def _cell(text: str) -> str:
    """FAQ text (not members') inside a table cell: one line, pipes escaped."""
    return wording.one_line(text).replace("|", "\\|")
