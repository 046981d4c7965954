"""What the crisis tests compare: the category a message escalates in, or None."""

from __future__ import annotations

from bot.crisis.detector import CrisisDetector


def category(detector: CrisisDetector, text: str) -> str | None:
    """The category ``text`` escalates in, or None when it does not escalate."""
    result = detector.assess(text).crisis
    return result.category.value if result is not None else None
