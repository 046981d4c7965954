"""Phrases both report formats share, so the Markdown and the HTML say the same things."""

from __future__ import annotations

from bot.report.model import AliasPreview, QuestionCluster, Report

MAX_QUOTED = 160  # characters of a member's question shown in the report


def percent(share: float) -> str:
    """``0.137`` -> ``14%``."""
    return f"{share:.0%}"


def period(report: Report) -> str:
    """``2026-11-16 to 2026-11-23 (7 days)``."""
    first = report.since.date().isoformat()
    last = report.generated_at.date().isoformat()
    days = "1 day" if report.days == 1 else f"{report.days} days"
    return f"{first} to {last} ({days})"


def one_line(text: str, limit: int = MAX_QUOTED) -> str:
    """A member's text on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def summary(report: Report) -> str:
    """The headline figures in two sentences."""
    t = report.totals
    if not t.asked and not t.crisis:
        return "Nobody asked the bot anything in this period."

    def share(count: int) -> str:
        return f" ({percent(count / t.asked)})" if t.asked else ""

    return (
        f"{t.asked} questions: {t.answered} answered{share(t.answered)}; "
        f"{t.clarified} got 'did you mean'{share(t.clarified)}, after which {t.picked} "
        f"picked an entry and {t.none_of_these} pressed 'None of these'; "
        f"{t.fell_back} got no answer{share(t.fell_back)}. "
        f"{t.crisis} crisis messages got crisis resources (their text is never stored)."
    )


def outcome(cluster: QuestionCluster) -> str:
    """What happened to a cluster's questions, e.g. ``6 no answer, 4 did you mean (3 picked)``."""
    parts = []
    if cluster.fell_back:
        parts.append(f"{cluster.fell_back} no answer")
    if cluster.clarified:
        picked = f", {cluster.picked} picked" if cluster.picked else ""
        parts.append(f"{cluster.clarified} did you mean{picked}")
    if cluster.none_of_these:
        parts.append(f"{cluster.none_of_these} 'None of these'")
    return "; ".join(parts) or "-"


def lead(cluster: QuestionCluster) -> str:
    """Where a cluster points: an entry, a topic the FAQ does not cover, or nothing yet."""
    if cluster.not_covered:
        topics = ", ".join(cluster.not_covered)
        return f"not covered by the FAQ ({topics}): a new entry?"
    if cluster.likely_entry:
        return cluster.likely_entry
    return "no entry: a new entry?"


def preview_sentence(preview: AliasPreview) -> str:
    """What adding every suggestion would do, in one sentence."""
    if not preview.aliases:
        return "No aliases to suggest in this period."
    changed = len(preview.changed_answers)
    effect = (
        "no other question would get a different answer"
        if not changed
        else f"{changed} other question(s) would get a different answer (listed below)"
    )
    aliases = (
        "the suggested alias"
        if preview.aliases == 1
        else f"all {preview.aliases} suggested aliases"
    )
    return (
        f"Adding {aliases} would answer {preview.now_answered} of the {preview.questions} "
        f"near-miss wordings they cover with the suggested entry; {effect}."
    )
