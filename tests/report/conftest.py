"""Shared fixtures: the shipped FAQ, the real pipeline and a simulated week in SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.pipeline import Pipeline
from bot.report.simulate import Simulation, simulate_traffic
from bot.store.stores import Stores
from bot.wiring import matcher_for, pipeline_for

SHIPPED_FAQ = Path(__file__).resolve().parents[2] / "faq.yaml"
# The simulated week ends late on a Monday, so its seven days are whole UTC days.
END = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def shipped_faq() -> FaqDocument:
    return load_faq(SHIPPED_FAQ)


@pytest.fixture(scope="session")
def matcher(shipped_faq: FaqDocument) -> FaqMatcher:
    return matcher_for(shipped_faq)


@pytest.fixture(scope="session")
def pipeline(shipped_faq: FaqDocument) -> Pipeline:
    return pipeline_for(shipped_faq)


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Stores]:
    opened = Stores.open(tmp_path / "data" / "bot.sqlite3")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> tuple[Path, Simulation]:
    """A database holding one simulated week, shared by a module's read-only tests."""
    path = tmp_path_factory.mktemp("week") / "bot.sqlite3"
    opened = Stores.open(path)
    simulation = simulate_traffic(opened, pipeline, end=END)
    opened.close()
    return path, simulation
