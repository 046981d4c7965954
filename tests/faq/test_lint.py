"""faq.yaml lint: warnings a moderator can act on, each at its line, never blocking."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.faq.lint import lint_faq, lint_file
from bot.faq.loader import load_faq, validate_faq
from bot.yamlsource import Problem, load_located_yaml

TODAY = dt.date(2026, 11, 23)
SHIPPED_FAQ = Path(__file__).resolve().parents[2] / "faq.yaml"

# Line numbers in the tests below count from this layout.
LINT_FAQ = """\
synonyms:
  klonopin: [clonazepam, kpins]
thresholds:
  answer: 55
  clarify: 40
  margin: 10
sources:
  statpearls:
    title: Clonazepam
  maust:
    title: Benzodiazepine use and misuse
  never-cited:
    title: A source nobody cites
entries:
  - id: dosage
    question: What is a safe dose of Klonopin?
    aliases:
      - how much klonopin should i take
      - what is a safe dose of clonazepam
      - how much klonopin should i takee
      - does klonopin make you talkative
    keywords: [dose, mg]
    answer: Doses differ from person to person.
    sources: [statpearls]
    reviewed: 2024-01-15
    reviewed_by: Test Team
  - id: talkativeness
    question: Can Klonopin make you more talkative?
    aliases:
      - why am i so chatty on kpins
    keywords: [talkative, chatty]
    answer: Some people feel more sociable.
    sources: [statpearls]
    reviewed: 2027-01-01
    reviewed_by: Test Team
  - id: misuse
    question: How many people misuse benzodiazepines?
    aliases:
      - how common is benzo misuse
      - how many
    answer: About 5.3 million American adults misused benzodiazepines in 2018.
    sources: [maust]
    reviewed: 2026-11-01
    reviewed_by: Test Team
  - id: overview
    question: What is Klonopin?
    answer: See the other entries.
    sources: [maust]
    reviewed: 2026-11-01
    reviewed_by: Test Team
"""


@pytest.fixture
def lint_path(tmp_path: Path) -> Path:
    path = tmp_path / "faq.yaml"
    path.write_text(LINT_FAQ, encoding="utf-8")
    return path


@pytest.fixture
def warnings(lint_path: Path) -> list[Problem]:
    return lint_file(lint_path, today=TODAY)


def at_line(problems: list[Problem], line: int) -> list[str]:
    return [p.message for p in problems if p.line == line]


def test_every_lint_finding_is_a_warning_with_the_file_and_line(
    warnings: list[Problem], lint_path: Path
) -> None:
    assert warnings
    assert {p.severity for p in warnings} == {"warning"}
    assert all(p.path == str(lint_path) and p.line is not None for p in warnings)
    assert all(str(p).startswith(f"{lint_path}:{p.line}: warning: ") for p in warnings)


def test_warnings_do_not_stop_the_file_from_loading(lint_path: Path) -> None:
    assert validate_faq(lint_path).errors == ()
    assert [e.id for e in load_faq(lint_path).entries] == [
        "dosage",
        "talkativeness",
        "misuse",
        "overview",
    ]


def test_alias_that_matches_another_entry_better(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 21)
    assert message.startswith(
        "entries[dosage].aliases[4]: alias 'does klonopin make you talkative'"
    )
    assert "matches entry 'talkativeness'" in message
    assert "better than its own" in message


def test_alias_that_its_own_entry_matches_too_weakly_to_answer(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 40)
    assert message.startswith("entries[misuse].aliases[2]: alias 'how many' gets no answer")
    assert "do not get this answer" in message


def test_entry_whose_own_question_does_not_come_back(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 46)
    assert message.startswith("entries[overview]: its own question 'What is Klonopin?'")
    assert "did you mean" in message


def test_alias_equal_to_the_question_once_synonyms_apply(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 19)
    assert "alias 'what is a safe dose of clonazepam' adds nothing" in message
    assert "the question 'What is a safe dose of Klonopin?' (line 16)" in message


def test_alias_nearly_identical_to_another_alias(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 20)
    assert "alias 'how much klonopin should i takee' adds nothing" in message
    assert "nearly the same as alias 1 'how much klonopin should i take' (line 18)" in message


def test_reviewed_date_older_than_allowed(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 25)
    assert message.startswith("entries[dosage]: last reviewed 2024-01-15, 1043 days ago")


def test_reviewed_date_in_the_future(warnings: list[Problem]) -> None:
    (message,) = at_line(warnings, 34)
    assert "reviewed date 2027-01-01 is in the future" in message


def test_review_age_is_configurable(lint_path: Path) -> None:
    lenient = lint_file(lint_path, today=TODAY, max_review_age_days=2000)
    strict = lint_file(lint_path, today=TODAY, max_review_age_days=10)
    assert not any("last reviewed" in p.message for p in lenient)
    # 2026-11-01 is 22 days before TODAY: too old at 10 days, for misuse and overview.
    assert {p.line for p in strict if "last reviewed" in p.message} == {25, 43, 49}


def test_source_no_entry_cites_is_reported_once(warnings: list[Problem]) -> None:
    # The loader warns about it too; lint_file merges the two identical warnings.
    assert at_line(warnings, 12) == [
        "sources.never-cited: source 'never-cited' is not cited by any entry"
    ]


def test_clean_texts_get_no_warning(warnings: list[Problem]) -> None:
    flagged = {p.line for p in warnings}
    # the question and alias 1 of dosage, talkativeness' question and alias, misuse.
    assert flagged.isdisjoint({16, 18, 28, 30, 37, 39})


def test_lint_faq_without_the_yaml_has_no_lines(lint_path: Path) -> None:
    document = load_faq(lint_path)
    problems = lint_faq(document, path="faq.yaml", today=TODAY)
    assert problems
    assert all(p.line is None for p in problems)
    with_lines = lint_faq(
        document,
        path="faq.yaml",
        located=load_located_yaml(LINT_FAQ, "faq.yaml"),
        today=TODAY,
    )
    # The same findings; only the pointers to other lines are missing.
    unlined = sorted(re.sub(r" \(line \d+\)", "", p.message) for p in with_lines)
    assert sorted(p.message for p in problems) == unlined


def test_a_file_with_errors_is_reported_by_the_loader_and_not_linted(tmp_path: Path) -> None:
    path = tmp_path / "faq.yaml"
    path.write_text(LINT_FAQ.replace("    reviewed: 2024-01-15\n", ""), encoding="utf-8")
    problems = lint_file(path, today=TODAY)
    assert [p.severity for p in problems] == ["warning", "error"]  # unused source, then the error
    assert "missing required field 'reviewed'" in problems[1].message


def test_the_shipped_faq_lints_without_errors() -> None:
    problems = lint_file(SHIPPED_FAQ)
    assert [p for p in problems if p.severity == "error"] == []


def test_lint_can_be_limited_to_some_entries(lint_path: Path) -> None:
    document = load_faq(lint_path)
    only = lint_faq(document, path="faq.yaml", today=TODAY, entry_ids={"talkativeness"})
    assert sorted(p.message.split(":")[0] for p in only) == [
        "entries[talkativeness]",
        "sources.never-cited",
    ]
