"""Run-time settings from the environment and ``.env``, built on demand by ``load_settings``.

The Discord token is a ``SecretStr``: it never appears in ``repr``, logs or error
messages. Anything missing or invalid becomes one ``SettingsError`` line naming the
variable, so start-up stops with a message an operator can act on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DiscordId = Annotated[int, Field(gt=0)]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

# Fields whose value must never be echoed back, even when it is invalid.
_SECRET_FIELDS = frozenset({"discord_token"})


class SettingsError(Exception):
    """A setting is missing or invalid; ``str()`` is one line naming the variable."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
    )

    discord_token: SecretStr | None = None
    staff_channel_id: DiscordId | None = None
    staff_role_id: DiscordId | None = None
    moderator_role_id: DiscordId | None = None
    mod_log_channel_id: DiscordId | None = None
    help_channel_ids: Annotated[list[DiscordId], NoDecode] = Field(default_factory=list)
    guild_id: DiscordId | None = None
    faq_path: Path = Path("faq.yaml")
    database_path: Path = Path("data/bot.sqlite3")
    crisis_lexicon_path: Path | None = None
    reping_minutes: int = Field(default=10, ge=1)
    crisis_reply_cooldown_minutes: int = Field(default=15, ge=0)
    faq_cooldown_seconds: int = Field(default=5, ge=0)
    store_message_text: bool = False
    retention_days: int = Field(default=90, ge=1)
    log_level: LogLevel = "INFO"

    @field_validator("help_channel_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """Accept ``123,456`` (spaces allowed, empty parts ignored) as well as a list."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        """Accept ``info`` as well as ``INFO``."""
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def has_token(self) -> bool:
        """True when a Discord token is configured."""
        return self.discord_token is not None and bool(
            self.discord_token.get_secret_value().strip()
        )


def load_settings(env_file: str | Path | None = ".env") -> Settings:
    """Read settings from the environment and ``env_file`` (None: environment only).

    Raises SettingsError with one line naming the first bad variable.
    """
    try:
        settings = Settings(_env_file=env_file)
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None
    if settings.has_token:
        for name in ("staff_channel_id", "staff_role_id"):
            if getattr(settings, name) is None:
                raise SettingsError(
                    f"{name.upper()} is required when DISCORD_TOKEN is set "
                    f"({_PURPOSE[name]}); see .env.example"
                )
    return settings


_PURPOSE = {
    "staff_channel_id": "the channel where crisis alerts are posted",
    "staff_role_id": "the role pinged on a crisis alert",
}


def _describe(error: ValidationError) -> str:
    """One line naming every bad variable, never echoing a secret."""
    parts = []
    for item in error.errors():
        loc = item["loc"]
        field = str(loc[0]) if loc else "settings"
        name = field.upper()
        if len(loc) > 1 and isinstance(loc[1], int):
            name = f"{name} (item {loc[1] + 1})"
        message = _plain_message(item["type"], item.get("ctx") or {}, item["msg"])
        if field not in _SECRET_FIELDS and "input" in item:
            message = f"{message}, got {item['input']!r}"
        parts.append(f"{name} {message}")
    noun = "setting" if len(parts) == 1 else "settings"
    return f"invalid {noun}: " + "; ".join(parts)


def _plain_message(kind: str, ctx: dict[str, Any], fallback: str) -> str:
    """Plain words for the mistakes people make in ``.env``."""
    if kind == "int_parsing":
        return "must be a whole number"
    if kind == "greater_than" and ctx.get("gt") == 0:
        return "must be a Discord id (a positive number)"
    if kind in ("greater_than", "greater_than_equal"):
        bound = ctx.get("gt", ctx.get("ge"))
        return f"must be at least {bound}" if kind == "greater_than_equal" else f"must be > {bound}"
    if kind == "bool_parsing":
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}"
    return f"is invalid: {fallback}"
