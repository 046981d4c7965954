"""Settings from the environment and .env: defaults, parsing, one clear line per mistake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings
from tests.conftest import SETTING_NAMES

pytestmark = pytest.mark.usefixtures("isolated_env")

TOKEN = "MTIzNDU2Nzg5.secret-token-value.abcdef"  # made up for the tests


def test_defaults_without_any_setting() -> None:
    settings = load_settings(None)
    assert settings.discord_token is None
    assert not settings.has_token
    assert settings.faq_path == Path("faq.yaml")
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.crisis_lexicon_path is None
    assert settings.help_channel_ids == []
    assert (settings.reping_minutes, settings.crisis_reply_cooldown_minutes) == (10, 15)
    assert (settings.faq_cooldown_seconds, settings.retention_days) == (5, 90)
    assert settings.store_message_text is False
    assert settings.log_level == "INFO"


def test_values_come_from_the_env_file_and_the_environment_wins(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (isolated_env / ".env").write_text(
        "FAQ_PATH=kb/faq.yaml\nHELP_CHANNEL_IDS= 11, 22 ,33,\nREPING_MINUTES=3\n"
        "STORE_MESSAGE_TEXT=true\nlog_level=debug\nSOMETHING_ELSE=ignored\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("REPING_MINUTES", "7")
    settings = load_settings()
    assert settings.faq_path == Path("kb/faq.yaml")
    assert settings.help_channel_ids == [11, 22, 33]
    assert settings.reping_minutes == 7
    assert settings.store_message_text is True
    assert settings.log_level == "DEBUG"


def test_empty_values_from_a_copied_example_mean_not_set(
    isolated_env: Path,
) -> None:
    example = Path(__file__).resolve().parents[1] / ".env.example"
    (isolated_env / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    settings = load_settings()
    assert not settings.has_token
    assert settings.staff_channel_id is None
    assert settings.help_channel_ids == []
    assert settings.faq_path == Path("faq.yaml")


def test_env_example_lists_every_setting_with_a_comment() -> None:
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    lines = example.splitlines()
    names = [line.split("=", 1)[0] for line in lines if re.match(r"^[A-Z_]+=", line)]
    assert sorted(names) == sorted(SETTING_NAMES)
    assert sorted(name.lower() for name in names) == sorted(Settings.model_fields)
    for index, line in enumerate(lines):
        if re.match(r"^[A-Z_]+=", line):
            assert lines[index - 1].startswith("# "), f"{line} has no comment above it"


def test_token_requires_the_staff_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("STAFF_ROLE_ID", "42")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("STAFF_CHANNEL_ID is required when DISCORD_TOKEN is set")
    assert TOKEN not in message


def test_token_requires_the_staff_role(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("STAFF_CHANNEL_ID", "41")
    with pytest.raises(SettingsError, match=r"^STAFF_ROLE_ID is required"):
        load_settings(None)


def test_staff_ids_are_optional_without_a_token() -> None:
    assert load_settings(None).staff_channel_id is None


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("STAFF_CHANNEL_ID", "general", "STAFF_CHANNEL_ID must be a whole number, got 'general'"),
        ("GUILD_ID", "-5", "GUILD_ID must be a Discord id (a positive number), got '-5'"),
        ("HELP_CHANNEL_IDS", "1,two", "HELP_CHANNEL_IDS (item 2) must be a whole number"),
        ("REPING_MINUTES", "0", "REPING_MINUTES must be at least 1, got '0'"),
        ("STORE_MESSAGE_TEXT", "maybe", "STORE_MESSAGE_TEXT must be true or false"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL must be one of 'DEBUG', 'INFO'"),
    ],
)
def test_invalid_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("invalid setting: ")
    assert expected in message


def test_several_mistakes_are_named_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_ROLE_ID", "x")
    monkeypatch.setenv("RETENTION_DAYS", "0")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert "\n" not in message
    assert "STAFF_ROLE_ID" in message
    assert "RETENTION_DAYS" in message


def test_token_never_appears_in_repr_str_or_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("STAFF_CHANNEL_ID", "41")
    monkeypatch.setenv("STAFF_ROLE_ID", "42")
    settings = load_settings(None)
    assert settings.has_token
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN
    for shown in (repr(settings), str(settings), str(settings.model_dump())):
        assert TOKEN not in shown
        assert "**********" in shown


def test_token_never_appears_in_errors_about_other_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("STAFF_CHANNEL_ID", "not-a-number")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert TOKEN not in str(caught.value)
    assert TOKEN not in repr(caught.value)
    assert caught.value.__cause__ is None


def test_blank_token_counts_as_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "   ")
    assert not load_settings(None).has_token
