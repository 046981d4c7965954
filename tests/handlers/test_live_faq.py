"""Reloading the FAQ the bot answers from: swapped whole when valid, kept when not."""

from __future__ import annotations

from pathlib import Path

from bot.crisis.result import Assessment
from bot.faq.matcher import FaqMatcher
from bot.live_faq import LiveFaq
from tests.conftest import VALID_FAQ


class NoCrisis:
    def assess(self, text: str) -> Assessment:
        return Assessment()


def live(faq_file: Path) -> LiveFaq:
    return LiveFaq.from_file(faq_file, NoCrisis())


def test_a_valid_edit_reports_added_removed_and_edited_ids(faq_file: Path) -> None:
    faq = live(faq_file)
    edited = (
        VALID_FAQ.replace("5.3 million", "five million")
        .replace("  - id: what-is-klonopin", "  - id: what-is-clonazepam")
        .replace("related: [what-is-klonopin]", "related: []")
        .replace("related: [misuse]", "related: []")
    )
    faq_file.write_text(edited, encoding="utf-8")

    outcome = faq.reload(trigger="command")

    assert outcome.ok
    assert outcome.changes.added == ("what-is-clonazepam",)
    assert outcome.changes.removed == ("what-is-klonopin",)
    assert outcome.changes.edited == ("misuse",)
    assert faq.pipeline.respond("how common is benzo misuse").entry_id == "misuse"
    assert [entry.id for entry in faq.document.entries] == ["what-is-clonazepam", "misuse"]


def test_a_broken_edit_keeps_answering_from_the_last_good_version(faq_file: Path) -> None:
    faq = live(faq_file)
    before = faq.snapshot
    faq_file.write_text(VALID_FAQ.replace("sources: [maust]", "sources: [nowhere]"), "utf-8")

    outcome = faq.reload()

    assert not outcome.ok
    assert faq.snapshot is before
    assert any("nowhere" in str(problem) for problem in outcome.problems)
    assert all(problem.line is not None for problem in outcome.problems)
    assert outcome.summary().startswith("refused: 1 error in faq.yaml")


def test_reload_if_changed_tries_each_version_once(faq_file: Path) -> None:
    faq = live(faq_file)
    assert faq.reload_if_changed() is None

    faq_file.write_text("entries: [", encoding="utf-8")
    first = faq.reload_if_changed()
    assert first is not None
    assert not first.ok
    assert faq.reload_if_changed() is None  # same broken bytes: reported once

    faq_file.write_text(VALID_FAQ, encoding="utf-8")
    fixed = faq.reload_if_changed()
    assert fixed is not None
    assert fixed.ok
    assert fixed.file_hash == faq.snapshot.file_hash


def test_a_matcher_that_cannot_be_built_keeps_the_old_one(faq_file: Path) -> None:
    calls = []

    def fragile(document: object) -> object:
        calls.append(document)
        if len(calls) > 1:
            raise RuntimeError("boom")
        return FaqMatcher(document)  # type: ignore[arg-type]

    faq = LiveFaq.from_file(faq_file, NoCrisis(), matcher_factory=fragile)  # type: ignore[arg-type]
    before = faq.snapshot

    outcome = faq.reload()

    assert not outcome.ok
    assert "could not build the matcher" in str(outcome.problems[0])
    assert faq.snapshot is before


def test_a_valid_edit_that_adds_a_weak_alias_reloads_with_a_lint_warning(faq_file: Path) -> None:
    faq = live(faq_file)
    # An alias that the matcher sends to the other entry: a warning, never a refusal.
    edited = VALID_FAQ.replace(
        "aliases: [what is clonazepam, what are kpins]",
        "aliases: [what is clonazepam, what are kpins, how many people misuse benzos]",
    )
    assert edited != VALID_FAQ
    faq_file.write_text(edited, encoding="utf-8")

    outcome = faq.reload(trigger="watcher")

    assert outcome.ok
    assert outcome.changes.edited == ("what-is-klonopin",)
    alias_warnings = [w for w in outcome.warnings if "how many people misuse benzos" in w.message]
    assert alias_warnings, [str(w) for w in outcome.warnings]
    assert alias_warnings[0].line is not None
    assert "warning" in outcome.summary()
