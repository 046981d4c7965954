"""The four checks every class-probe file runs over its own tables of fresh messages.

A probe file lists ``RULES_CRISIS`` (message, category), ``RULES_CALM`` and ``FULL_CALM``
and binds the checks to module names pytest collects:

    (test_rules_escalate_class, test_rules_let_look_alike_pass,
     test_full_detector_lets_look_alike_pass, test_full_detector_escalates_class,
     ) = class_probe_tests(RULES_CRISIS, RULES_CALM, FULL_CALM)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category

Check = Callable[..., None]


def class_probe_tests(
    rules_crisis: Sequence[tuple[str, str]],
    rules_calm: Sequence[str],
    full_calm: Sequence[str] = (),
) -> tuple[Check, Check, Check, Check]:
    """The rules and the full detector, each held to the crisis and the calm probes."""

    @pytest.mark.parametrize(("text", "expected"), rules_crisis)
    def rules_escalate(rules_detector: CrisisDetector, text: str, expected: str) -> None:
        """The rules alone escalate each crisis version, in its category."""
        assert category(rules_detector, text) == expected

    @pytest.mark.parametrize("text", rules_calm)
    def rules_calm_pass(rules_detector: CrisisDetector, text: str) -> None:
        """The rules alone do not escalate the look-alikes."""
        assert rules_detector.assess(text).crisis is None

    @pytest.mark.parametrize("text", [*rules_calm, *full_calm])
    def full_calm_pass(detector: CrisisDetector, text: str) -> None:
        """The full detector, with its statistical second opinion, does not escalate them."""
        assert detector.assess(text).crisis is None

    @pytest.mark.parametrize(("text", "expected"), rules_crisis)
    def full_escalates(detector: CrisisDetector, text: str, expected: str) -> None:
        """The full detector escalates each crisis version too."""
        assert category(detector, text) == expected

    return rules_escalate, rules_calm_pass, full_calm_pass, full_escalates
