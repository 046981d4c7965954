"""A realistic week of questions for the simulated-traffic demo and the report's tests.

Each topic is something members ask about, the entry that really answers it (None when
the FAQ does not cover it), how many times a day it comes up, and the wordings people
use. Written for this simulation, not taken from the evaluation sets. The wordings mix
questions the FAQ answers today with paraphrases it misses (they fall back or get "did
you mean"), topics it does not cover, and a few crisis messages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topic:
    """One thing members ask about, in their own words."""

    name: str
    entry_id: str | None  # the entry that answers it; None: not in the FAQ
    per_day: float
    wordings: tuple[str, ...]
    crisis: bool = False


WEEK: tuple[Topic, ...] = (
    # --- answered today ------------------------------------------------------------------
    Topic(
        "dose",
        "dosage",
        8,
        (
            "is 1mg of klonopin a lot",
            "what is the max dose of klonopin",
            "whats a normal dose of kpins",
            "how much klonopin is normal",
            "how many mg of klonopin is too much",
        ),
    ),
    Topic(
        "withdrawal",
        "withdrawal-detox",
        8,
        (
            "how long do klonopin withdrawals last",
            "how do i taper off kpins",
            "klonopin withdrawal symptoms",
            "can i quit klonopin cold turkey",
        ),
    ),
    Topic(
        "addictive",
        "addiction-risk",
        6,
        ("is klonopin addictive", "how addictive are kpins", "is klonopin habit forming"),
    ),
    Topic(
        "high",
        "euphoria",
        5,
        (
            "can klonopin make you feel high",
            "do people get high off kpins",
            "does clonazepam get you stoned",
        ),
    ),
    Topic(
        "what is it",
        "what-is-klonopin",
        4,
        ("what is klonopin used for", "what is klonopin even for", "what are kpins"),
    ),
    Topic(
        "xanax",
        "xanax-comparison",
        4,
        (
            "is klonopin the same as xanax",
            "whats the difference between kpins and xans",
            "klonopin vs xanax",
        ),
    ),
    Topic(
        "help",
        "get-help",
        3,
        (
            "where can i get help quitting klonopin",
            "rehab for klonopin near me",
            "is there a hotline for benzo addiction",
        ),
    ),
    Topic(
        "how it works",
        "how-it-works",
        3,
        ("how does klonopin work", "how long does klonopin last", "does klonopin make you sleepy"),
    ),
    Topic(
        "chatty",
        "talkativeness",
        2,
        ("why does klonopin make me chatty", "is it normal to be talkative on klonopin"),
    ),
    Topic(
        "memory",
        "iq-cognition",
        2,
        ("does klonopin mess with your iq", "can klonopin cause memory loss"),
    ),
    Topic(
        "depressed",
        "depression",
        2,
        ("can klonopin make you depressed", "does clonazepam help depression"),
    ),
    Topic("manic", "mania", 1, ("can klonopin cause mania", "can clonazepam make you manic")),
    Topic(
        "years",
        "long-term-use",
        2,
        (
            "is klonopin safe to take for years",
            "what happens if you take klonopin for a long time",
        ),
    ),
    Topic(
        "instead",
        "alternatives",
        2,
        (
            "what can i use instead of kpins for panic",
            "what are some other options besides klonopin",
        ),
    ),
    Topic(
        "benzo",
        "benzodiazepine-class",
        1.5,
        ("is klonopin a benzo", "what drug class is clonazepam"),
    ),
    # --- covered by an entry, but worded in ways the FAQ misses -----------------------------
    Topic(
        "withdrawal seizures",
        "withdrawal-detox",
        3,
        (
            "can stopping kpins cause seizures",
            "seizures after stopping klonopin",
            "can stopping klonopin give you seizures",
        ),
    ),
    Topic(
        "stopping suddenly",
        "withdrawal-detox",
        2,
        (
            "is it risky to just stop my clonazepam",
            "is it dangerous to quit klonopin without tapering",
        ),
    ),
    Topic(
        "cutting down",
        "withdrawal-detox",
        2,
        (
            "my hands shake since i cut down my kpins is that normal",
            "does cutting back on klonopin make anxiety come back",
            "i feel awful since i cut my klonopin dose",
            "shaky since i lowered my klonopin",
        ),
    ),
    Topic(
        "addicted on prescription",
        "addiction-risk",
        2,
        (
            "can i get addicted if i take it like my doctor says",
            "can you get addicted taking klonopin the way your doctor tells you",
            "can you get hooked on kpins even with a prescription",
        ),
    ),
    Topic(
        "who to call",
        "get-help",
        1.5,
        ("what number do i call for klonopin help", "who can i phone about getting off kpins"),
    ),
    Topic("rush", "euphoria", 1, ("does klonopin give you a rush", "do kpins give u a rush")),
    Topic(
        "stopped working",
        "addiction-risk",
        1.5,
        (
            "does klonopin lose its effect over time",
            "why doesnt my klonopin work anymore",
            "my klonopin stopped working",
        ),
    ),
    Topic(
        "withdrawal deadly",
        "withdrawal-detox",
        2,
        (
            "is klonopin withdrawal deadly",
            "can u die from kpin withdrawal",
            "withdrawal from klonopin fatal?",
        ),
    ),
    Topic("blunted", "depression", 1.5, ("does klonopin blunt your emotions",)),
    Topic(
        "head over the years",
        "long-term-use",
        1.5,
        ("does klonopin mess with your head over the years",),
    ),
    Topic(
        "zombie upstairs",
        "iq-cognition",
        1.5,
        ("will kpins turn me into a zombie upstairs", "klonopin zombie brain"),
    ),
    # --- not in the FAQ ----------------------------------------------------------------------
    Topic(
        "weight",
        None,
        2,
        (
            "does clonazepam cause weight gain",
            "will kpins make me fat",
            "can klonopin make you put on weight",
        ),
    ),
    Topic(
        "alcohol",
        None,
        1.5,
        (
            "can i drink alcohol on klonopin",
            "is it ok to have a beer with kpins",
            "can you mix klonopin and alcohol",
        ),
    ),
    Topic(
        "drug test",
        None,
        1,
        ("will klonopin show up on a drug test", "does clonazepam show on a urine test"),
    ),
    Topic("pregnancy", None, 0.5, ("can you take klonopin while pregnant",)),
    Topic("sleep", None, 1, ("does klonopin help with sleep", "can i take klonopin for sleep")),
    Topic(
        "odds and ends",
        None,
        1,
        (
            "how much does klonopin cost",
            "what does a kpin look like",
            "is klonopin legal in mexico",
            "<script>alert('hi')</script> what is the bot",
        ),
    ),
    # --- crisis messages: replied to and escalated, their text never stored --------------------
    Topic(
        "crisis",
        None,
        0.5,
        (
            "i took 10 kpins and cant breathe",
            "i want to die",
            "my friend took a whole bottle of kpins and wont wake up",
        ),
        crisis=True,
    ),
)
