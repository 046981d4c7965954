from __future__ import annotations

import re

import pytest

from bot.crisis.lexicon import fold_words
from bot.crisis.patterns import Phrase, PhraseCompiler, PhraseError, PhraseIndex

SLOTS = {"self": ["myself", "my self"], "pills": ["pills", "{drug}"], "drug": ["klonopin"]}


def compile_phrase(text: str) -> Phrase:
    compiler: PhraseCompiler

    def slot(name: str) -> list[tuple[str, ...]]:
        if name not in SLOTS:
            raise PhraseError(f"unknown slot '{name}'")
        return [alt for value in SLOTS[name] for alt in compiler.sequence(value)]  # type: ignore[misc]

    compiler = PhraseCompiler(fold_words, slot)
    return compiler.compile(text)


def matches(phrase: str, text: str) -> bool:
    compiled = compile_phrase(phrase)
    return bool(PhraseIndex([(compiled, 0)]).find(text.split()))


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("kill {self}", "i want to kill my self", True),
        ("kill {self}", "skill myself", False),
        ("took {number>=5} {pills}", "took 20 klonopin", True),
        ("took {number>=5} {pills}", "took 2 klonopin", False),
        ("took [like|about] {number>=5} {pills}", "took like 7 pills", True),
        ("took ... {pills}", "took all of my old pills", True),
        ("took ... {pills}", "took the dog out . pills", False),
        ("took ... {pills}", "took a a a a a pills", False),
        ("(on top of|after) {drug}", "on top of klonopin", True),
        ("cutting (again|$)", "cutting again", True),
        ("cutting (again|$)", "i am cutting , help", True),
        ("cutting (again|$)", "cutting my dose", False),
        ("end (it all|things $)", "end things", True),
        ("end (it all|things $)", "end things with him", False),
        ("^ suicidal", "suicidal", True),
        ("^ suicidal", "not suicidal", False),
        ("go to sleep and (never|not) wake up", "go to sleep and never wake up", True),
        ("can't breathe", "cant breathe", True),
    ],
)
def test_phrase_language(phrase: str, text: str, expected: bool) -> None:
    assert matches(phrase, text) is expected


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("... kill", "cannot start or end"),
        ("kill ...", "cannot start or end"),
        ("[kill]", "not optional"),
        ("kill (myself", "not closed"),
        ("kill myself)", "unmatched"),
        ("kill {nope}", "unknown slot"),
        ("kill $ now", "'$' can only end"),
        ("kill ^", "'^' can only start"),
        ("kill (a|)", "empty choice"),
    ],
)
def test_invalid_phrases_say_why(phrase: str, reason: str) -> None:
    with pytest.raises(PhraseError, match=re.escape(reason)):
        compile_phrase(phrase)


def test_match_reports_the_words_it_used_not_the_gap() -> None:
    compiled = compile_phrase("took ... {pills}")
    found = PhraseIndex([(compiled, 0)]).find(["i", "took", "all", "my", "pills"])
    assert [m.positions for _, _, m in found] == [(1, 4)]


def test_stray_symbols_are_errors_not_crashes() -> None:
    with pytest.raises(PhraseError, match="misplaced bracket"):
        compile_phrase("wish i (not|never)? wake up")


def test_alternatives_sharing_first_words_all_match() -> None:
    phrase = "(my mom|my mother|my dad|my stepdad) (is|was) here"
    assert matches(phrase, "my stepdad was here")
    assert matches(phrase, "my mom is here")
    assert not matches(phrase, "my cat is here")


def test_a_phrase_is_only_tried_when_its_rarest_word_is_present() -> None:
    common = {"my": 1000.0, "is": 1000.0, "are": 1000.0}
    phrase = compile_phrase("(my lips|my face) (are|is) blue")
    index = PhraseIndex([(phrase, 0)], lambda word: common.get(word, 1.0))
    assert not index.could_match(["my", "is", "are"])
    assert index.find(["my", "face", "is", "blue"])


FILLERS = frozenset({"really", "fucking", "seriously"})


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("thinking about hurting him", "thinking seriously about hurting him", True),
        ("thinking about hurting him", "thinking about really hurting him", True),
        ("kill {self}", "kill fucking myself", True),
        ("want to die", "want really fucking seriously to die", False),  # at most two
        ("want to die", "really want to die", True),  # before the phrase: just not part of it
        ("want to die", "want to live", False),
    ],
)
def test_filler_words_may_stand_inside_a_phrase(phrase: str, text: str, expected: bool) -> None:
    compiled = compile_phrase(phrase)
    index = PhraseIndex([(compiled, 0)], fillers=FILLERS)
    assert bool(index.find(text.split())) is expected


def test_a_match_never_starts_with_a_filler() -> None:
    compiled = compile_phrase("want to die")
    found = PhraseIndex([(compiled, 0)], fillers=FILLERS).find(["really", "want", "to", "die"])
    assert [match.start for _, _, match in found] == [1]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("(heart|pulse) [is|at] {number>=140}", "heart at 150", True),
        ("(heart|pulse) [is|at] {number>=140}", "pulse 95", False),
        ("(a|one) (six|{number}|24) pack", "a 24 pack", True),  # a number and a word alike
        ("(a|one) (six|{number}|24) pack", "a 12 pack", True),
        ("(a|one) (six|{number}|24) pack", "a big pack", False),
    ],
)
def test_numbers_inside_groups_match_like_words(phrase: str, text: str, expected: bool) -> None:
    assert matches(phrase, text) is expected
