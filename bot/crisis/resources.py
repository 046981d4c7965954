"""Crisis resources (numbers, what each is for, when it was last verified) from YAML."""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.yamlsource import (
    DataFileError,
    Problem,
    duplicate_key_problems,
    load_located_yaml,
    validation_problems,
)

#: Resources every crisis reply may name; the file must define each of them.
REQUIRED = ("emergency", "lifeline", "crisis_text_line", "poison_help", "center", "samhsa")


class Resource(BaseModel):
    """One service a person in crisis can contact."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, description="Name as shown to the person.")
    how: str = Field(
        min_length=3, description="What to do, following 'please': call, text HOME to..."
    )
    number: str = Field(pattern=r"^[0-9][0-9-]*[0-9]$", description="What to dial or text.")
    for_: str = Field(alias="for", min_length=3, description="What it is for.")
    last_verified: dt.date = Field(description="When the number was last checked.")

    @property
    def contact(self) -> str:
        """How to reach it, e.g. 'call or text 988'."""
        return f"{self.how} {self.number}"


class ResourceFile(BaseModel):
    """The whole resources file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    resources: dict[str, Resource]


def default_resources_path() -> Path:
    """The resources file packaged with the bot."""
    return Path(str(package_files.files("bot.crisis") / "resources.yaml"))


def parse_resources(text: str, path: str = "resources.yaml") -> dict[str, Resource]:
    """Validate resources text; raise DataFileError with line-numbered problems."""
    located = load_located_yaml(text, path)
    problems = duplicate_key_problems(located, path)
    data: Any = located.data
    try:
        parsed = ResourceFile.model_validate(data)
    except ValidationError as exc:
        raise DataFileError([*problems, *validation_problems(exc, located, path)]) from None
    for key in REQUIRED:
        if key not in parsed.resources:
            line = located.line_of(("resources",))
            problems.append(Problem(path, line, f"resources: '{key}' is missing"))
    if problems:
        raise DataFileError(problems)
    return dict(parsed.resources)


def load_resources(path: Path | None = None) -> dict[str, Resource]:
    """Load resources from ``path`` (None: the packaged file)."""
    path = path or default_resources_path()
    return parse_resources(path.read_text(encoding="utf-8"), str(path))


@cache
def packaged_resources() -> dict[str, Resource]:
    """The packaged resources, loaded once."""
    return load_resources()
