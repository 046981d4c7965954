"""``faq-bot suggest`` output: YAML a moderator can paste, confirmed aliases only by default."""

from __future__ import annotations

import yaml

from bot.report.alias_yaml import render_alias_yaml
from bot.report.model import AliasSuggestion, Basis, EntryNearMisses


def near_misses(entry_id: str, *suggestions: tuple[str, Basis, int]) -> EntryNearMisses:
    return EntryNearMisses(
        entry_id=entry_id,
        question=f"Question of {entry_id}?",
        suggestions=tuple(
            AliasSuggestion(entry_id, text, asked, basis, 33.0)
            for text, basis, asked in suggestions
        ),
        withheld=(),
        rejected=(),
        not_helpful=(),
    )


def test_confirmed_suggestions_parse_as_aliases_per_entry() -> None:
    text = render_alias_yaml(
        [
            near_misses(
                "withdrawal-detox",
                ("seizures after stopping klonopin", "picked", 12),
                ("is it risky to just stop my clonazepam", "similar-picked", 3),
            ),
            near_misses("get-help", ("what number do i call for klonopin help", "picked", 4)),
        ]
    )
    assert yaml.safe_load(text) == {
        "withdrawal-detox": [
            "seizures after stopping klonopin",
            "is it risky to just stop my clonazepam",
        ],
        "get-help": ["what number do i call for klonopin help"],
    }
    assert '"seizures after stopping klonopin"  # asked 12×; the asker picked' in text


def test_unconfirmed_guesses_are_shown_but_commented_out() -> None:
    text = render_alias_yaml(
        [
            near_misses(
                "dosage",
                ("how much is too much kpins", "picked", 2),
                ("can i take klonopin for sleep", "best-guess", 3),
            ),
            near_misses("mania", ("kpins made me wired", "best-guess", 1)),
        ]
    )
    assert yaml.safe_load(text) == {"dosage": ["how much is too much kpins"]}
    assert '  # - "can i take klonopin for sleep"  # asked 3×' in text
    assert "# mania:" in text
    uncommented = text.replace("# mania:", "mania:").replace("  # - ", "  - ")
    parsed = yaml.safe_load(uncommented)
    assert parsed["mania"] == ["kpins made me wired"]
    assert parsed["dosage"] == ["how much is too much kpins", "can i take klonopin for sleep"]


def test_any_wording_survives_the_yaml_exactly() -> None:
    tricky = [
        "klonopin: is 2mg a lot? # really",
        '"quoted" and \\backslash\\',
        "- starts like a list item",
        "ünïcödé klonopín",
        "yes",
        "null",
        "{curly} [square] &anchor *alias !tag",
    ]
    text = render_alias_yaml([near_misses("dosage", *((t, "picked", 1) for t in tricky))])
    assert yaml.safe_load(text) == {"dosage": tricky}


def test_nothing_to_suggest_is_still_valid_yaml() -> None:
    assert yaml.safe_load(render_alias_yaml([])) == {}
    only_guesses = render_alias_yaml([near_misses("dosage", ("a guess", "best-guess", 1))])
    assert yaml.safe_load(only_guesses) == {}
    assert "a guess" in only_guesses
