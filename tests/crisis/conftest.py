from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector, load_detector


@pytest.fixture(scope="session")
def detector() -> CrisisDetector:
    built = load_detector()
    built.warm_up()
    return built
