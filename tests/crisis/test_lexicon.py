from __future__ import annotations

from pathlib import Path

import pytest

from bot.crisis.detector import CrisisDetector
from bot.crisis.lexicon import check_lexicon, default_lexicon_path, load_lexicon, parse_lexicon
from bot.yamlsource import DataFileError

MINIMAL = """\
version: 1
priority: [combination, overdose, withdrawal, third-party, harm-to-others, suicide, self-harm]
slots:
  self: [myself, my self]
rules:
  - id: suicide-words
    category: suicide
    level: 2
    phrases:
      - kill {self}
negation:
  cues: [not]
  between: [going, to]
history:
  cues: [used to]
questions:
  starters: [can]
subjects:
  writer: [i]
  others: [he]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        parse_lexicon(text, "lexicon.yaml")
    return [str(p) for p in caught.value.problems]


def test_packaged_lexicon_is_valid() -> None:
    assert check_lexicon() == []
    assert check_lexicon(default_lexicon_path()) == []


def test_minimal_lexicon_loads_and_detects() -> None:
    detector = CrisisDetector(parse_lexicon(MINIMAL))
    assert detector.assess("i want to kill my self").crisis is not None
    assert detector.assess("i am not going to kill myself").crisis is None


def test_unknown_category_is_reported_on_its_line() -> None:
    found = problems(MINIMAL.replace("category: suicide", "category: sadness"))
    assert any(p.startswith("lexicon.yaml:7:") and "category" in p for p in found)


def test_unknown_field_is_reported_on_its_line() -> None:
    found = problems(MINIMAL.replace("    level: 2\n", "    level: 2\n    colour: red\n"))
    assert any(p.startswith("lexicon.yaml:9:") and "unknown field 'colour'" in p for p in found)


def test_bad_phrase_is_reported_on_its_line() -> None:
    found = problems(MINIMAL.replace("      - kill {self}", "      - kill [{self}"))
    assert found == ["lexicon.yaml:10: rules[1].phrases[1]: phrase 'kill [{self}': "
                     "a '[' or '(' is not closed"]


def test_unknown_slot_is_reported_on_its_line() -> None:
    found = problems(MINIMAL.replace("kill {self}", "kill {selves}"))
    assert len(found) == 1
    assert found[0].startswith("lexicon.yaml:10:")
    assert "unknown slot '{selves}'" in found[0]


def test_unknown_context_and_duplicate_phrase_are_reported() -> None:
    text = MINIMAL.replace(
        "      - kill {self}", "      - kill {self}\n      - kill  {self}"
    ).replace("    level: 2\n", "    level: 2\n    needs: [drunk]\n")
    found = problems(text)
    assert any(p.startswith("lexicon.yaml:9:") and "unknown context 'drunk'" in p for p in found)
    assert any(p.startswith("lexicon.yaml:12:") and "listed twice" in p for p in found)


def test_duplicate_keys_are_reported() -> None:
    found = problems(MINIMAL.replace("version: 1\n", "version: 1\nversion: 1\n"))
    assert any(p.startswith("lexicon.yaml:2:") and "appears twice" in p for p in found)


def test_yaml_syntax_error_has_a_line() -> None:
    found = problems(MINIMAL.replace("  self: [myself, my self]", "  self: [myself, my self"))
    assert found[0].startswith("lexicon.yaml:")
    assert "YAML syntax error" in found[0]


def test_subject_words_must_be_single_words() -> None:
    found = problems(MINIMAL.replace("  others: [he]", "  others: [he, my friend]"))
    assert any("'my friend' must be exactly one word" in p for p in found)


def test_check_lexicon_reports_instead_of_raising(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(MINIMAL.replace("level: 2", "level: 5"), encoding="utf-8")
    found = check_lexicon(path)
    assert len(found) == 1
    assert str(found[0]).startswith(f"{path}:8:")
    with pytest.raises(DataFileError):
        load_lexicon(path)


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    found = check_lexicon(tmp_path / "nope.yaml")
    assert len(found) == 1
    assert "cannot read" in found[0].message


def test_unknown_context_in_unless_is_reported() -> None:
    text = MINIMAL.replace("    level: 2\n", "    level: 2\n    unless: [joking]\n")
    found = problems(text)
    assert any("unless" in p and "unknown context 'joking'" in p for p in found)


def test_a_category_combined_with_itself_is_reported() -> None:
    found = problems(MINIMAL.replace("slots:\n", "combined:\n  overdose: overdose\nslots:\n"))
    assert any(p.startswith("lexicon.yaml:4:") and "combined with itself" in p for p in found)


def test_unless_context_cancels_a_rule() -> None:
    text = MINIMAL.replace("    level: 2\n", "    level: 2\n    unless: [joking]\n").replace(
        "rules:\n", "contexts:\n  joking: [lol]\nrules:\n"
    )
    detector = CrisisDetector(parse_lexicon(text))
    assert detector.assess("i want to kill myself").crisis is not None
    assert detector.assess("i want to kill myself lol").crisis is None


def test_fillers_let_intensifiers_stand_inside_phrases() -> None:
    detector = CrisisDetector(parse_lexicon(MINIMAL + "fillers: [fucking, really]\n"))
    assert detector.assess("i want to kill fucking myself").crisis is not None
    assert detector.assess("i am not really going to kill myself").crisis is None


def test_fillers_and_question_tags_must_be_single_words() -> None:
    found = problems(MINIMAL + "fillers: [really, kind of]\n")
    line = MINIMAL.count("\n") + 1
    assert found == [f"lexicon.yaml:{line}: fillers: 'kind of' must be exactly one word"]
    found = problems(MINIMAL.replace("  starters: [can]", "  starters: [can]\n  tags: [isnt it]"))
    assert any("questions.tags" in p and "must be exactly one word" in p for p in found)
