"""The loop issue 5 asks for, end to end through the real stores, pipeline and matcher.

A simulated week of traffic goes into SQLite; the report shows the clusters of questions
the FAQ missed; the aliases ``faq-bot suggest`` prints are pasted into a copy of faq.yaml;
the rebuilt matcher now answers those questions with the entry the askers meant, and no
other answer changes for the worse.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml

from bot.faq.lint import lint_file
from bot.faq.loader import load_faq, validate_faq
from bot.faq.models import FaqDocument
from bot.pipeline import Pipeline
from bot.report.alias_yaml import CONFIRMED, render_alias_yaml
from bot.report.build import build_report
from bot.report.html import render_html
from bot.report.simulate import simulate_traffic
from bot.store.stores import Stores
from bot.wiring import matcher_for
from tests.report.conftest import END, SHIPPED_FAQ

UPDATE_HINT = "the shipped FAQ now answers these paraphrases; add fresh ones to traffic_week.py"


def paste_aliases(faq_text: str, aliases: dict[str, list[str]]) -> str:
    """Put each entry's new aliases at the top of its ``aliases:`` list, as a moderator would."""
    pending = {entry_id: list(items) for entry_id, items in aliases.items()}
    out: list[str] = []
    current = None
    for line in faq_text.splitlines(keepends=True):
        out.append(line)
        found = re.match(r"  - id: (\S+)", line)
        if found:
            current = found.group(1)
        elif current in pending and line.strip() == "aliases:":
            indent = " " * (line.index("aliases:") + 2)
            out += [f"{indent}- {json.dumps(alias)}\n" for alias in pending.pop(current)]
    assert not pending, f"no aliases: list for {sorted(pending)}"
    return "".join(out)


def test_suggested_aliases_make_the_missed_questions_match(
    stores: Stores, pipeline: Pipeline, shipped_faq: FaqDocument, tmp_path: Path
) -> None:
    simulation = simulate_traffic(stores, pipeline, end=END)
    before = matcher_for(shipped_faq)
    missed = {
        q.text: q.intended
        for q in simulation.questions
        if q.intended is not None and q.kind in ("clarify", "fallback")
    }
    assert len(set(missed.values())) >= 2, UPDATE_HINT

    report = build_report(
        stores,
        shipped_faq,
        now=END,
        is_crisis=lambda text: pipeline.detector.assess(text).crisis is not None,
    )

    # The report shows every missed wording, grouped with the others of its topic.
    shown = {t for c in report.clusters for t in (c.representative, *c.examples)}
    assert set(missed) <= shown
    page = render_html(report)
    assert all(f"<q>{html.escape(text)}</q>" in page for text in missed)

    # What `faq-bot suggest` prints, pasted into a copy of faq.yaml.
    pasted = yaml.safe_load(render_alias_yaml(report.near_misses))
    assert pasted, UPDATE_HINT
    for entry_id, aliases in pasted.items():
        for alias in aliases:
            assert simulation.intended(alias) == entry_id, alias
    copy = tmp_path / "faq.yaml"
    copy.write_text(paste_aliases(SHIPPED_FAQ.read_text(encoding="utf-8"), pasted))
    assert validate_faq(copy).errors == ()
    new_aliases = {alias for aliases in pasted.values() for alias in aliases}
    lint = [p.message for p in lint_file(copy)]
    assert not [m for m in lint if any(f"'{alias}'" in m for alias in new_aliases)]

    after = matcher_for(load_faq(copy))
    # Every wording the confirmed suggestions cover now gets the entry its askers meant.
    confirmed = [s for s in report.suggestions if s.basis in CONFIRMED]
    fixed = [(t, s.entry_id) for s in confirmed for t in (s.text, *s.variants)]
    assert fixed
    for text, entry_id in fixed:
        assert before.match(text).entry_id != entry_id
        assert after.match(text).entry_id == entry_id, text
    # Nothing that was answered changes its answer, and nothing gets a wrong new answer.
    for question in simulation.questions:
        if question.kind == "answer":
            assert after.match(question.text).entry_id == question.entry_id, question.text
        elif question.kind != "crisis":
            assert after.match(question.text).entry_id in (None, question.intended), question.text


def test_the_simulation_logs_like_the_bot(stores: Stores, pipeline: Pipeline) -> None:
    simulation = simulate_traffic(stores, pipeline, end=END, days=2, seed=11)
    rows = stores.questions.list_questions()
    crisis = [r for r in rows if r.kind == "crisis"]
    assert all(r.query is None and r.entry_id is None for r in crisis)
    assert len(crisis) == sum(q.kind == "crisis" for q in simulation.questions)
    assert all(END.date().toordinal() - r.asked_at.date().toordinal() <= 2 for r in rows)
    clarified = {q.text for q in simulation.questions if q.kind == "clarify"}
    picks = [r for r in rows if r.kind == "answer" and r.score == 100.0 and r.query in clarified]
    assert all(simulation.intended(r.query or "") == r.entry_id for r in picks)
