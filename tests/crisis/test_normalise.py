from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.crisis.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｋｉｌｌ", "kill"),  # NFKC: full-width letters
        ("ki\u200bll my\u00adself", "kill myself"),  # zero-width space, soft hyphen
        ("kill\u202e myself\ufe0f", "kill myself"),  # bidi control, variation selector
        ("KILL Myself", "kill myself"),  # case
        ("z\u0337\u0322a\u0338l\u0334g\u0336o\u0335", "zalgo"),  # combining marks (Zalgo)
        ("naïve café", "naive cafe"),  # accents
        ("і wаnt tо dіе", "i want to die"),  # Cyrillic look-alikes
        ("ονerdοse", "overdose"),  # Greek look-alikes
        ("i’m can't", "im cant"),  # apostrophes dropped
        ("k1ll mys3lf", "kill myself"),  # leetspeak inside words
        ("d!e $uicide 0verdose", "die suicide overdose"),
        ("k.i.l.l s-u-i-c-i-d-e c_u_t", "kill suicide cut"),  # separators between letters
        ("diiiie tooook", "diie took"),  # 3+ repeats collapse to 2
        ("k i l l", "kill"),  # spaced-out letters joined
        ("s e i z u r e  after", "seizure after"),  # double spaces between letters
        ("s\u200bei\u200bzures", "seizures"),  # zero-width characters splitting a word
        ("k!ll mys\u20aclf", "kill myself"),  # currency sign as a letter inside a word
        ("a\u00a3one", "alone"),
        ("costs \u20ac20 or \u00a35", "costs 20 or 5"),  # prices keep their number
        ("took 25 💊", "took 25 pill"),  # emoji
        ("🔫 🔪", "gun knife"),
        ("lmao 💀", "lmao"),  # the skull is laughter, not death
        ("💊💊💊💊 all of them", "many pills all of them"),  # a row of pills is many
        ("💊 💊 💊", "many pills"),
        ("💊💊 refill", "pill pill refill"),  # two are just pills
        ("bye 🪦 ⚰️", "bye grave coffin"),  # headstone and coffin
        ("gonna kill him 😂", "gonna kill him lol"),  # tears of joy mark a joke
        ("kpins + wine & beer", "kpins and wine and beer"),  # joining signs between words
        ("1+1 and 10+ pills", "1 1 and 10 pills"),  # but not between digits
        ("relapsed on s/h", "relapsed on sh"),  # a two-letter slash abbreviation
        ("4ll of it 4n hour ag0", "all of it an hour ago"),  # leading 4 in short words
        ("took 4mg at 4pm", "took 4 mg at 4 pm"),  # but units keep their 4
        ("ran 10 kms, then 5kms more", "ran 10 km , then 5 km more"),  # kms after a number
    ],
)
def test_each_rule(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("took 800mg", "took 800 mg"),
        ("0.5mg twice", "0.5 mg twice"),
        ("1,000 pills", "1000 pills"),
        ("took 20kpins", "took 20 kpins"),
        ("b12 and mp3", "b 12 and mpe"),
    ],
)
def test_numbers_keep_their_digits(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_clause_marks_survive_once() -> None:
    assert normalise("I took 10... will I be ok?!") == "i took 10 . will i be ok ?"


def test_a_few_single_letters_are_left_alone() -> None:
    assert normalise("i want a pill") == "i want a pill"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normalising_twice_equals_once(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=4000))
def test_output_is_plain_ascii_tokens(text: str) -> None:
    out = normalise(text)
    assert out.isascii()
    assert "  " not in out
    assert out == out.strip()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u029c\u1d07\u029f\u1d18 \u026a \u1d0f\u1d20\u1d07\u0280\u1d05\u1d0f\ua731\u1d07\u1d05",
         "help i overdosed"),  # small capitals, which NFKC keeps
        ("\u0585verd\u0585se", "overdose"),  # Armenian look-alikes
        ("gonna 0d t0night", "gonna od tonight"),  # a leading 0 in a short word
        ("took 0.5mg", "took 0.5 mg"),  # but never in a number
    ],
)
def test_more_disguises_are_undone(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
