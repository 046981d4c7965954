"""faq.yaml validation: every kind of mistake, reported at once, at its exact line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq.loader import check_faq, load_faq, validate_faq
from bot.render import sources_field
from bot.yamlsource import DataFileError
from tests.conftest import VALID_FAQ


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "faq.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _edited(old: str, new: str) -> str:
    assert VALID_FAQ.count(old) == 1, f"{old!r} must occur once in VALID_FAQ"
    return VALID_FAQ.replace(old, new)


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = _write(tmp_path, text)
    return [str(problem).removeprefix(f"{path}:") for problem in check_faq(path)]


def _errors(tmp_path: Path, text: str) -> list[str]:
    return [p for p in _problems(tmp_path, text) if ": warning: " not in p]


def test_valid_file_loads_with_no_problems(faq_file: Path) -> None:
    assert check_faq(faq_file) == []
    document = load_faq(faq_file)
    assert [entry.id for entry in document.entries] == ["what-is-klonopin", "misuse"]
    assert document.sources["maust"].link() == "https://doi.org/10.1176/appi.ps.201800321"


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    # A colon followed by a space inside an unquoted question is the classic mistake.
    text = _edited("    question: What is Klonopin?\n", "    question: Klonopin: what is it?\n")
    assert _errors(tmp_path, text) == [
        "23: YAML syntax error: mapping values are not allowed here "
        "(put text that contains ': ' or ends with '?' inside [ ] in quotes)"
    ]


def test_unquoted_question_mark_at_the_end_of_a_list_item_reads_as_meant(tmp_path: Path) -> None:
    # libyaml (the fast path) accepts "[... misuse?]" and keeps the question mark.
    text = _edited("[how common is benzo misuse]", "[how common is benzo misuse?]")
    path = tmp_path / "faq.yaml"
    path.write_text(text, encoding="utf-8")
    document = load_faq(path)
    assert document.entry("misuse").aliases == ["how common is benzo misuse?"]


def test_unknown_field_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = _edited(
        "    reviewed_by: Test Team\n  - id: misuse",
        ("    reviewed_by: Test Team\n    colour: blue\n  - id: misuse"),
    )
    assert _errors(tmp_path, text) == ["30: entries[what-is-klonopin]: unknown field 'colour'"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    reviewed: 2025-01-15\n    reviewed_by: Test Team\n  - id: misuse",
            "    reviewd: 2025-01-15\n    reviewed_by: Test Team\n  - id: misuse",
            "28: entries[what-is-klonopin]: unknown field 'reviewd'; did you mean 'reviewed'?",
        ),
        ("  margin: 8\n", "  margins: 8\n", "7: thresholds: unknown field 'margins'; did you mean"),
        (
            "    doi: 10.1176",
            "    dio: 10.1176",
            "20: sources.maust: unknown field 'dio'; did you mean",
        ),
        ("synonyms:", "synonym:", "2: (top level): unknown field 'synonym'; did you mean"),
    ],
)
def test_misspelt_field_suggests_the_real_name(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    problems = _errors(tmp_path, _edited(old, new))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_missing_field_is_reported_at_the_entry(tmp_path: Path) -> None:
    text = _edited("    reviewed_by: Test Team\n  - id: misuse", "  - id: misuse")
    assert _errors(tmp_path, text) == [
        "22: entries[what-is-klonopin]: missing required field 'reviewed_by'"
    ]


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    text = _edited("    year: 2023\n", "    year: soon\n")
    [problem] = _errors(tmp_path, text)
    assert problem.startswith("12: sources.statpearls.year: ")
    assert "integer" in problem


def test_bad_date_says_how_to_write_one(tmp_path: Path) -> None:
    text = _edited(
        "    reviewed: 2025-01-15\n    reviewed_by: Test Team\n  - id: misuse",
        ("    reviewed: last week\n    reviewed_by: Test Team\n  - id: misuse"),
    )
    assert _errors(tmp_path, text) == [
        "28: entries[what-is-klonopin].reviewed: reviewed must be a date written like "
        "2025-01-31, not 'last week'"
    ]


def test_impossible_date_is_reported_at_its_line(tmp_path: Path) -> None:
    text = _edited(
        "    reviewed: 2025-01-15\n    reviewed_by: Test Team\n  - id: misuse",
        ("    reviewed: 2025-13-15\n    reviewed_by: Test Team\n  - id: misuse"),
    )
    assert _errors(tmp_path, text) == [
        "28: cannot read the value '2025-13-15': month must be in 1..12"
    ]


def test_yaml_tag_that_cannot_be_built_is_reported_at_its_line(tmp_path: Path) -> None:
    text = _edited(
        "    reviewed_by: Test Team\n  - id: misuse",
        ("    reviewed_by: !!python/object:os.system Test Team\n  - id: misuse"),
    )
    [problem] = _errors(tmp_path, text)
    assert problem.startswith("29: YAML error: could not determine a constructor")


def test_duplicate_mapping_key_is_reported(tmp_path: Path) -> None:
    text = _edited("    sources: [maust]\n", "    sources: [maust]\n    sources: [maust]\n")
    assert _errors(tmp_path, text) == ["35: entries[misuse]: key 'sources' appears twice"]


def test_duplicate_entry_id_points_at_the_first_one(tmp_path: Path) -> None:
    text = _edited("  - id: misuse\n", "  - id: what-is-klonopin\n")
    problems = _errors(tmp_path, text)
    assert (
        "30: entries[what-is-klonopin].id: id 'what-is-klonopin' is already used by the entry "
        "at line 22"
    ) in problems


def test_alias_equal_to_another_entrys_question_after_normalising(tmp_path: Path) -> None:
    text = _edited("[how common is benzo misuse]", "[how common is benzo misuse, WHAT is klonopin]")
    assert _errors(tmp_path, text) == [
        "32: entries[misuse].aliases[2]: alias 'WHAT is klonopin' is the same as the question "
        "of entry 'what-is-klonopin' at line 23 once normalised ('what is klonopin'); "
        "remove one of them"
    ]


def test_alias_equal_to_another_entrys_alias(tmp_path: Path) -> None:
    text = _edited("[how common is benzo misuse]", "['What are K-pins?']")
    # "K-pins" folds to "k pins", which differs from "kpins": no clash there.
    assert _errors(tmp_path, text) == []
    text = _edited("[how common is benzo misuse]", "['What are kpins?']")
    assert _errors(tmp_path, text) == [
        "32: entries[misuse].aliases[1]: alias 'What are kpins?' is the same as alias 2 of entry "
        "'what-is-klonopin' at line 24 once normalised ('what are kpins'); remove one of them"
    ]


def test_alias_repeating_its_own_entry_says_which(tmp_path: Path) -> None:
    text = _edited(
        "[what is clonazepam, what are kpins]",
        "[what is clonazepam, what are kpins, whats Klonopin, 'what is Clonazepam?']",
    )
    problems = _errors(tmp_path, text)
    assert problems == [
        "24: entries[what-is-klonopin].aliases[4]: alias 'what is Clonazepam?' is the same as "
        "alias 1 of this entry once normalised ('what is clonazepam'); remove one of them"
    ]
    text = _edited("[what is clonazepam, what are kpins]", "[what is klonopin]")
    [problem] = _errors(tmp_path, text)
    assert "is the same as the question of this entry" in problem


def test_alias_with_no_words_is_reported(tmp_path: Path) -> None:
    text = _edited("[how common is benzo misuse]", "['???']")
    assert _errors(tmp_path, text) == [
        "32: entries[misuse].aliases[1]: alias '???' has no letters or digits to match"
    ]


def test_unknown_source_key_lists_the_known_ones(tmp_path: Path) -> None:
    text = _edited("    sources: [statpearls]\n", "    sources: [statpearls, nejm]\n")
    assert _errors(tmp_path, text) == [
        "26: entries[what-is-klonopin].sources[2]: unknown source 'nejm'; "
        "the sources table has: statpearls, maust"
    ]


def test_unknown_and_self_related_ids(tmp_path: Path) -> None:
    text = _edited("    related: [misuse]\n", "    related: [misuse, dosage, what-is-klonopin]\n")
    assert _errors(tmp_path, text) == [
        "27: entries[what-is-klonopin].related[2]: unknown entry id 'dosage' in related",
        "27: entries[what-is-klonopin].related[3]: an entry cannot be related to itself",
    ]


def test_repeated_source_in_one_entry(tmp_path: Path) -> None:
    text = _edited("    sources: [maust]\n", "    sources: [maust, maust]\n")
    assert _errors(tmp_path, text) == [
        "34: entries[misuse].sources[2]: source 'maust' is listed twice"
    ]


@pytest.mark.parametrize("empty", ['""', "'   '", ""])
def test_empty_answer(tmp_path: Path, empty: str) -> None:
    old = "    answer: Klonopin is the brand name of clonazepam, a benzodiazepine.\n"
    text = _edited(old, f"    answer: {empty}\n")
    assert _errors(tmp_path, text) == ["25: entries[what-is-klonopin].answer: answer is empty"]


def test_question_longer_than_an_embed_title(tmp_path: Path) -> None:
    long_question = "Is " + "very " * 60 + "long?"
    text = _edited("    question: What is Klonopin?\n", f"    question: {long_question}\n")
    assert _errors(tmp_path, text) == [
        f"23: entries[what-is-klonopin].question: question is {len(long_question)} characters; "
        "a Discord embed title allows at most 256"
    ]


def test_answer_longer_than_an_embed_description(tmp_path: Path) -> None:
    old = "    answer: Klonopin is the brand name of clonazepam, a benzodiazepine.\n"
    text = _edited(old, "    answer: " + "word " * 820 + "\n")
    assert _errors(tmp_path, text) == [
        "25: entries[what-is-klonopin].answer: answer is 4099 characters; a Discord embed "
        "description allows at most 4096"
    ]


def test_sources_field_and_whole_embed_over_discords_limits(tmp_path: Path) -> None:
    long_title = "Title " * 350
    old_answer = "    answer: Klonopin is the brand name of clonazepam, a benzodiazepine.\n"
    text = _edited("    title: Clonazepam\n", f"    title: {long_title}\n").replace(
        old_answer, "    answer: " + "word " * 815 + "\n"
    )
    total_problem, field_problem = _errors(tmp_path, text)
    assert total_problem.startswith("22: entries[what-is-klonopin]: the answer embed would be ")
    assert total_problem.endswith(
        " characters; Discord allows at most 6000 in one embed (shorten the answer)"
    )
    assert int(total_problem.split("would be ")[1].split()[0]) > 6000
    assert field_problem.startswith(
        "26: entries[what-is-klonopin].sources: the numbered sources field would be "
    )
    assert field_problem.endswith("a Discord embed field allows at most 1024 (cite fewer sources)")


def test_sources_field_length_is_what_discord_would_get(faq_file: Path) -> None:
    document = load_faq(faq_file)
    field = sources_field(document.entry("misuse"), document.sources)
    assert field == (
        "1. [Benzodiazepine Use and Misuse Among Adults in the United States]"
        "(https://doi.org/10.1176/appi.ps.201800321) - Maust, D. T., Lin, L. A., & Blow, F. C. "
        "(2019)"
    )


def test_thresholds_must_keep_clarify_below_answer(tmp_path: Path) -> None:
    text = _edited("  clarify: 55\n", "  clarify: 75\n")
    assert _errors(tmp_path, text) == [
        "6: thresholds.clarify: clarify (75) must not be above answer (70)"
    ]


def test_a_synonym_under_two_canonical_terms(tmp_path: Path) -> None:
    text = _edited(
        "  klonopin: [clonazepam, kpin, kpins]\n",
        ("  klonopin: [clonazepam, kpin, kpins]\n  xanax: [alprazolam, KPIN]\n"),
    )
    assert _errors(tmp_path, text) == [
        "4: synonyms.xanax[2]: 'KPIN' is also listed under 'klonopin'; keep it in one place"
    ]


def test_scope_terms_must_be_canonical_synonym_terms(tmp_path: Path) -> None:
    scope = "scope:\n  subject: [klonopin]\n  other_medicines: [ativan]\n"
    text = _edited("sources:\n", scope + "sources:\n")
    assert _errors(tmp_path, text) == [
        "10: scope.other_medicines[1]: 'ativan' is not a canonical term of the synonyms table "
        "(use the name on the left of a synonyms list)"
    ]


def test_uncited_source_is_a_warning_not_an_error(tmp_path: Path) -> None:
    text = _edited("sources:\n", "sources:\n  spare:\n    title: Not cited anywhere\n")
    path = _write(tmp_path, text)
    result = validate_faq(path)
    assert result.errors == ()
    assert [str(w) for w in result.warnings] == [
        f"{path}:9: warning: sources.spare: source 'spare' is not cited by any entry"
    ]
    assert len(load_faq(path).entries) == 2


def test_every_problem_is_reported_at_once_in_line_order(tmp_path: Path) -> None:
    text = (
        _edited("    year: 2023\n", "    year: soon\n")
        .replace("    sources: [statpearls]\n", "    sources: [nejm]\n")
        .replace("  - id: misuse\n", "  - id: what-is-klonopin\n")
        .replace("    related: [what-is-klonopin]\n", "    related: [ghost]\n")
    )
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_faq(path)
    lines = [problem.line for problem in caught.value.problems]
    assert lines == [12, 26, 27, 30, 35]
    assert all(str(p).startswith(f"{path}:") for p in caught.value.problems)
    assert str(caught.value).count("\n") == 4


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert [str(p) for p in check_faq(path)] == [f"{path}: file not found"]
    with pytest.raises(DataFileError, match="file not found"):
        load_faq(path)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert [str(p) for p in check_faq(tmp_path)] == [f"{tmp_path}: is a directory, not a file"]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    assert _problems(tmp_path, text) == [
        " the file is empty; expected a mapping with 'sources:' and 'entries:'"
    ]


def test_top_level_list_is_not_a_mapping(tmp_path: Path) -> None:
    assert _problems(tmp_path, "- id: a\n- id: b\n") == [
        "1: expected a mapping with 'sources:' and 'entries:' at the top, found a list"
    ]


def test_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "faq.yaml"
    path.write_bytes(b"sources: {}\nentries:\n  - question: caf\xe9\n")
    assert [str(p) for p in check_faq(path)] == [
        f"{path}:3: the file is not UTF-8 text; save it as UTF-8"
    ]
