"""Reply texts for crisis messages: brief, warm, the right first number for each category.

Every crisis reply puts the category's first action first (911 for medical emergencies,
988 for suicidal thoughts and self-harm), names the center's line, and says plainly that
it is automated and that staff have been told. Replies never quote the message, name a
method, give dosing advice or promise confidentiality. Numbers come from
``resources.yaml`` so they live in one place with their "last verified" date.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.crisis.resources import Resource, packaged_resources
from bot.crisis.result import Category, CrisisResult

Resources = Mapping[str, Resource]

AUTOMATED_NOTE = (
    "This is an automated message. Our staff have been told and a person will follow up."
)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_lines(category: Category, r: Resources) -> list[str]:
    """The category's opening lines, most urgent action first."""
    emergency = r["emergency"].contact
    poison = (
        f"If the person is awake and breathing, {r['poison_help'].name} can say what to do "
        f"next: {r['poison_help'].contact}."
    )
    support = (
        f"**Please {r['lifeline'].contact}** ({r['lifeline'].name}), any time, "
        f"or {r['crisis_text_line'].contact} ({r['crisis_text_line'].name})."
    )
    if category is Category.OVERDOSE:
        return [
            f"**Please {emergency} now.** If you have taken too much, don't wait to see how "
            "it goes.",
            poison,
        ]
    if category is Category.COMBINATION:
        return [
            f"**Please {emergency} now** if breathing is slow or hard, or if anyone can't "
            "stay awake.",
            poison,
        ]
    if category is Category.WITHDRAWAL:
        return [
            f"**Please {emergency} now.** A seizure, seeing or hearing things, or sudden "
            "confusion needs emergency care. Please don't stay alone.",
        ]
    if category is Category.THIRD_PARTY:
        return [
            f"**Please {emergency} now** if they are not breathing, won't wake up or are in "
            "danger, and stay with them.",
            poison,
            f"If they are talking about suicide: {r['lifeline'].contact} ({r['lifeline'].name}).",
        ]
    if category is Category.HARM_TO_OTHERS:
        return [
            f"**Please {emergency} now** if anyone is in danger.",
            f"If you feel overwhelmed or out of control, you can talk to someone right now: "
            f"{r['lifeline'].contact} ({r['lifeline'].name}).",
        ]
    if category is Category.SUICIDE:
        return [
            "I'm really glad you said something. You don't have to go through this alone.",
            support,
            f"If you are in immediate danger, {emergency}.",
        ]
    return [
        "Thank you for telling us. You deserve support right now.",
        support,
        f"If you are hurt or in danger, {emergency}.",
    ]


def crisis_reply(result: CrisisResult, resources: Resources | None = None) -> str:
    """Full reply for a crisis message of ``result``'s category."""
    r = resources or packaged_resources()
    center = r["center"]
    lines = [
        *_first_lines(result.category, r),
        f"{center.name}: {center.number}.",
        AUTOMATED_NOTE,
    ]
    return "\n".join(lines)


def crisis_reminder(result: CrisisResult, resources: Resources | None = None) -> str:
    """Short reminder for a repeat within the cooldown: first action and the center's line."""
    r = resources or packaged_resources()
    if result.category in (Category.SUICIDE, Category.SELF_HARM):
        first = f"{r['lifeline'].contact} or {r['crisis_text_line'].contact}"
    else:
        first = f"{r['emergency'].contact} now"
    center = r["center"]
    return (
        f"Help is still here: please {first}. {center.name}: {center.number}. "
        "(Automated reminder; our staff already know.)"
    )


def safety_line(resources: Resources | None = None) -> str:
    """Short safety line added to FAQ answers that touch overdose, withdrawal or mixing."""
    r = resources or packaged_resources()
    poison = r["poison_help"]
    return _sentence(
        f"if you or someone else has taken too much, can't be woken or is in danger, "
        f"{r['emergency'].contact} now. If they are awake and breathing, {poison.name}: "
        f"{poison.contact}. Thoughts of suicide: {r['lifeline'].contact}."
    )
