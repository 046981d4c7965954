from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector, load_detector
from bot.crisis.lexicon import load_lexicon


@pytest.fixture(scope="session")
def detector() -> CrisisDetector:
    built = load_detector()
    built.warm_up()
    return built


@pytest.fixture(scope="session")
def rules_detector() -> CrisisDetector:
    """The lexicon's rules alone, without the statistical second opinion."""
    built = CrisisDetector(load_lexicon())
    built.warm_up()
    return built
