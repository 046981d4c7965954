"""Shared fixtures: a small valid FAQ file and an environment free of the developer's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

# Every line number in tests/faq/test_loader.py counts from this layout.
VALID_FAQ = """\
# yaml-language-server: $schema=faq.schema.json
synonyms:
  klonopin: [clonazepam, kpin, kpins]
thresholds:
  answer: 70
  clarify: 55
  margin: 8
sources:
  statpearls:
    title: Clonazepam
    authors: Basit, H., & Kahwaji, C. I.
    year: 2023
    journal: StatPearls
    url: https://www.ncbi.nlm.nih.gov/books/NBK556010/
  maust:
    title: Benzodiazepine Use and Misuse Among Adults in the United States
    authors: Maust, D. T., Lin, L. A., & Blow, F. C.
    year: 2019
    journal: Psychiatric Services
    doi: 10.1176/appi.ps.201800321
entries:
  - id: what-is-klonopin
    question: What is Klonopin?
    aliases: [what is clonazepam, what are kpins]
    answer: Klonopin is the brand name of clonazepam, a benzodiazepine.
    sources: [statpearls]
    related: [misuse]
    reviewed: 2025-01-15
    reviewed_by: Test Team
  - id: misuse
    question: How many people misuse benzodiazepines?
    aliases: [how common is benzo misuse]
    answer: A 2019 study estimated about 5.3 million American adults misused benzodiazepines.
    sources: [maust]
    related: [what-is-klonopin]
    reviewed: 2025-01-15
    reviewed_by: Test Team
"""

SETTING_NAMES = (
    "DISCORD_TOKEN",
    "STAFF_CHANNEL_ID",
    "STAFF_ROLE_ID",
    "MODERATOR_ROLE_ID",
    "MOD_LOG_CHANNEL_ID",
    "HELP_CHANNEL_IDS",
    "GUILD_ID",
    "FAQ_PATH",
    "DATABASE_PATH",
    "CRISIS_LEXICON_PATH",
    "REPING_MINUTES",
    "CRISIS_REPLY_COOLDOWN_MINUTES",
    "FAQ_COOLDOWN_SECONDS",
    "STORE_MESSAGE_TEXT",
    "RETENTION_DAYS",
    "LOG_LEVEL",
)


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run in an empty temporary folder with no setting in the environment; returns it."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def faq_file(tmp_path: Path) -> Path:
    """A small valid FAQ file with two entries and two sources."""
    path = tmp_path / "faq.yaml"
    path.write_text(VALID_FAQ, encoding="utf-8")
    return path
