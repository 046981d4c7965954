"""Cutting text to Discord's limits: never over, never a broken mention, link or code block."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.text_limits import ELLIPSIS, clean_user_text, discord_length, one_line, truncate


@given(st.text(), st.integers(min_value=0, max_value=300))
def test_a_cut_never_exceeds_the_limit_as_discord_counts_it(text: str, limit: int) -> None:
    assert discord_length(truncate(text, limit)) <= limit


@given(st.text(max_size=50))
def test_text_that_fits_is_returned_unchanged(text: str) -> None:
    assert truncate(text, discord_length(text)) == text


def test_emoji_count_twice_like_discord_counts_them() -> None:
    assert discord_length("💊") == 2
    assert truncate("💊" * 10, 5) == "💊💊" + ELLIPSIS


def test_a_cut_prefers_a_word_boundary() -> None:
    assert truncate("talk to your healthcare provider first", 30) == "talk to your healthcare…"


def test_a_cut_never_leaves_half_a_mention_or_link() -> None:
    assert truncate("ask <@123456789012345678> now", 15) == "ask…"
    assert truncate("see [StatPearls](https://example.org/a/long/path)", 30) == "see…"


def test_a_cut_inside_a_code_block_drops_the_open_fence() -> None:
    assert "```" not in truncate("before ```code that goes on and on```", 20)


def test_user_text_loses_control_and_bidi_characters_but_keeps_lines() -> None:
    assert clean_user_text("a\u202eb\x00c\nd") == "abc\nd"


def test_one_line_collapses_whitespace_and_cuts() -> None:
    assert one_line("  what\n is\tklonopin  ", 100) == "what is klonopin"
    assert discord_length(one_line("word " * 100, 80)) <= 80
