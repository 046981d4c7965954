"""Synthetic FAQs and chat messages for the benchmarks (deterministic for a given seed).

A generated FAQ keeps the shipped file's synonyms, thresholds, sources and entries, and
adds entries until it has ``size`` of them. Each added entry is one (topic, situation)
pair, e.g. ("night sweats", "during a taper"), asked with a question template and 5-12
aliases written the way people type in chat: other templates, slang names for the drug
(taken from the shipped synonyms table), synonyms of the topic, chat filler, and now and
then a typo. Topics mix the article's own themes (withdrawal, tolerance, memory, mania,
...) with everyday medical and life topics, so the generated entries compete with the
shipped ones the way a large real FAQ would. Every question and alias is distinct once
normalised, so the files pass the real loader's validation.

The answers are placeholders: these files exist only to measure speed and memory and are
never shipped or shown to anyone.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.faq.normalise import normalise_text

# (slug, ways to say it): the first is used in the entry's question.
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # themes of the article
    ("withdrawal", ("withdrawal symptoms", "withdrawals", "wds", "withdrawl")),
    ("tolerance", ("tolerance", "needing a higher dose", "it not working as well")),
    ("dependence", ("dependence", "being dependent", "relying on it")),
    ("taper", ("tapering", "a slow taper", "cutting my dose", "weaning off")),
    ("detox", ("detox", "medical detox", "detoxing")),
    ("rebound-anxiety", ("rebound anxiety", "anxiety coming back", "worse anxiety")),
    ("panic", ("panic attacks", "panic", "feeling panicky")),
    ("seizures", ("seizures", "seizure risk", "fits")),
    ("memory", ("memory problems", "forgetting things", "memory loss", "bad memory")),
    ("focus", ("trouble focusing", "concentration", "brain fog", "focus")),
    ("mood", ("low mood", "feeling down", "mood changes", "sadness")),
    ("euphoria", ("feeling high", "euphoria", "a buzz")),
    ("talkative", ("being talkative", "chattiness", "talking a lot")),
    ("mania", ("manic symptoms", "racing thoughts", "mania")),
    ("reaction-time", ("slow reaction time", "slowed reactions", "reflexes")),
    ("rem-sleep", ("rem sleep behavior disorder", "acting out dreams", "rbd")),
    ("gaba", ("gaba receptors", "gaba", "receptor changes")),
    ("cravings", ("cravings", "craving more", "urges to take more")),
    ("relapse", ("relapse", "relapsing", "going back on it")),
    ("aftercare", ("aftercare", "support after rehab", "aftercare plans")),
    # body
    ("headaches", ("headaches", "head pain", "migraines", "my head hurting")),
    ("nausea", ("nausea", "feeling sick", "queasiness", "upset stomach")),
    ("insomnia", ("insomnia", "not sleeping", "trouble sleeping", "cant sleep")),
    ("nightmares", ("nightmares", "vivid dreams", "bad dreams")),
    ("tinnitus", ("tinnitus", "ringing ears", "ears ringing")),
    ("dizziness", ("dizziness", "feeling dizzy", "lightheadedness")),
    ("vertigo", ("vertigo", "room spinning", "spinning feeling")),
    ("sweating", ("sweating", "sweats", "sweaty hands")),
    ("night-sweats", ("night sweats", "sweating at night", "waking up soaked")),
    ("tremors", ("tremors", "shaky hands", "shaking", "the shakes")),
    ("twitches", ("muscle twitches", "twitching", "eye twitching")),
    ("jaw", ("jaw clenching", "teeth grinding", "bruxism")),
    ("appetite", ("appetite changes", "no appetite", "eating more")),
    ("dry-mouth", ("dry mouth", "cottonmouth", "thirst")),
    ("vision", ("blurry vision", "blurred vision", "eye problems")),
    ("palpitations", ("heart palpitations", "racing heart", "pounding heart")),
    ("breathing", ("shortness of breath", "breathing problems", "tight chest")),
    ("sleep-apnea", ("sleep apnea", "snoring", "apnea")),
    ("restless-legs", ("restless legs", "rls", "jumpy legs")),
    ("muscle-pain", ("muscle pain", "sore muscles", "muscle aches")),
    ("back-pain", ("back pain", "sore back", "lower back pain")),
    ("stomach", ("stomach pain", "stomach cramps", "belly pain")),
    ("reflux", ("acid reflux", "heartburn", "gerd")),
    ("constipation", ("constipation", "being constipated", "bowel problems")),
    ("bladder", ("bladder problems", "peeing a lot", "urination")),
    ("chills", ("chills", "feeling cold", "shivering")),
    ("fatigue", ("fatigue", "tiredness", "low energy", "exhaustion")),
    ("skin", ("skin problems", "itchy skin", "acne")),
    ("tingling", ("tingling", "pins and needles", "numbness in hands")),
    ("balance", ("balance problems", "clumsiness", "falling over")),
    ("light-sensitivity", ("light sensitivity", "bright lights bothering me", "photophobia")),
    ("noise-sensitivity", ("noise sensitivity", "loud sounds", "hyperacusis")),
    ("brain-zaps", ("brain zaps", "head zaps", "electric shocks in my head")),
    ("derealization", ("derealization", "feeling unreal", "dpdr")),
    ("irritability", ("irritability", "being irritable", "short temper", "anger")),
    ("crying", ("crying spells", "crying a lot", "tearfulness")),
    ("social-anxiety", ("social anxiety", "fear of people", "being around people")),
    ("health-anxiety", ("health anxiety", "worrying about symptoms", "hypochondria")),
    ("motivation", ("motivation", "no drive", "apathy")),
    ("libido", ("low libido", "sex drive", "libido")),
    ("weight", ("weight changes", "putting on weight", "losing weight")),
    ("hair", ("hair thinning", "hair shedding", "hair loss")),
    ("teeth", ("tooth pain", "dental problems", "gum pain")),
    ("hangover", ("next day grogginess", "morning grogginess", "benzo hangover")),
    ("yawning", ("yawning", "constant yawning", "sleepiness")),
    ("hiccups", ("hiccups", "constant hiccups", "hiccuping")),
    ("cold-hands", ("cold hands", "cold feet", "poor circulation")),
    ("hot-flashes", ("hot flashes", "feeling hot", "flushing")),
    ("nerve-pain", ("nerve pain", "burning skin", "neuropathy")),
    ("joint-pain", ("joint pain", "stiff joints", "achy joints")),
    ("speech", ("slurred speech", "slurring words", "mumbling")),
    ("coordination", ("poor coordination", "being uncoordinated", "dropping things")),
    ("thirst", ("excessive thirst", "always thirsty", "dehydration")),
    ("heat", ("heat intolerance", "overheating", "hot weather")),
    ("immune", ("getting sick often", "weak immune system", "colds")),
    ("blood-pressure", ("blood pressure", "high blood pressure", "low blood pressure")),
    ("blood-sugar", ("blood sugar", "sugar crashes", "hypoglycemia")),
    ("liver", ("liver health", "liver enzymes", "liver")),
    ("kidneys", ("kidney health", "kidneys", "kidney function")),
    ("thyroid", ("thyroid", "thyroid levels", "hypothyroidism")),
    ("menstrual", ("period changes", "pms", "menstrual cycle")),
    ("menopause", ("menopause", "perimenopause", "hormone changes")),
    ("migraine-meds", ("migraine medication", "triptans", "migraine pills")),
    ("allergy-meds", ("allergy pills", "antihistamines", "hay fever meds")),
    ("painkillers", ("painkillers", "pain relievers", "pain medicine")),
    ("antibiotics", ("antibiotics", "amoxicillin", "antibiotic course")),
    ("sleep-aids", ("sleep aids", "sleeping pills", "sleep supplements")),
    ("magnesium", ("magnesium", "magnesium glycinate", "mag supplements")),
    ("vitamins", ("vitamins", "vitamin d", "b12")),
    ("herbal", ("herbal remedies", "chamomile", "valerian root")),
    ("grapefruit", ("grapefruit", "grapefruit juice", "citrus")),
    ("energy-drinks", ("energy drinks", "red bull", "monster energy")),
    ("coffee", ("coffee", "espresso", "cold brew")),
    # life
    ("exercise", ("exercise", "working out", "the gym", "running")),
    ("yoga", ("yoga", "stretching", "pilates")),
    ("meditation", ("meditation", "mindfulness", "breathing exercises")),
    ("therapy", ("therapy", "cbt", "counseling")),
    ("support-groups", ("support groups", "group meetings", "peer support")),
    ("work", ("work performance", "my job", "work stress")),
    ("school", ("studying", "school", "exams")),
    ("relationships", ("relationships", "my partner", "dating")),
    ("parenting", ("parenting", "looking after kids", "being a parent")),
    ("flying", ("flying", "plane trips", "fear of flying")),
    ("jet-lag", ("jet lag", "time zones", "long trips")),
    ("night-shifts", ("night shifts", "shift work", "working nights")),
    ("surgery", ("surgery", "an operation", "anesthesia")),
    ("dentist", ("dentist visits", "dental work", "the dentist")),
    ("mri", ("mri scans", "an mri", "scans")),
    ("blood-tests", ("blood tests", "bloodwork", "lab tests")),
    ("public-speaking", ("public speaking", "presentations", "giving a talk")),
    ("holidays", ("the holidays", "family gatherings", "christmas")),
    ("fasting", ("fasting", "intermittent fasting", "skipping meals")),
    ("diet", ("diet", "eating healthy", "nutrition")),
    ("hydration", ("drinking water", "hydration", "electrolytes")),
    ("sunlight", ("sunlight", "getting outside", "daylight")),
    ("screens", ("screen time", "phone use", "gaming late")),
    ("journaling", ("journaling", "writing things down", "mood diary")),
)

# (slug, ways to say it): when, for whom or in what situation.
SITUATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("older-adults", ("in older adults", "in the elderly", "for seniors")),
    ("teens", ("in teenagers", "for teens", "in young people")),
    ("women", ("in women", "for women", "for females")),
    ("men", ("in men", "for men", "for guys")),
    ("first-week", ("in the first week", "in week one", "at the very start")),
    ("first-month", ("in the first month", "during month one", "early on")),
    ("six-months", ("after six months", "after 6 months", "half a year in")),
    ("one-year", ("after a year", "after 1 year", "a year in")),
    ("five-years", ("after five years", "after 5 years", "years later")),
    ("ten-years", ("after ten years", "after a decade", "10 years in")),
    ("morning", ("in the morning", "when i wake up", "first thing in the morning")),
    ("evening", ("in the evening", "at night", "before bed")),
    ("afternoon", ("in the afternoon", "mid afternoon", "after lunch")),
    ("taper-start", ("at the start of a taper", "when starting a taper", "first cut")),
    ("taper-end", ("at the end of a taper", "on the last dose", "final cut")),
    ("after-quitting", ("after quitting", "after stopping", "once i quit")),
    ("months-off", ("months after quitting", "months off", "long after stopping")),
    ("cold-turkey", ("after stopping cold turkey", "going cold turkey", "quitting suddenly")),
    ("low-dose", ("at a low dose", "on 0.25 mg", "on a small dose")),
    ("half-mg", ("at 0.5 mg", "on half a milligram", "on 0.5mg")),
    ("one-mg", ("at 1 mg", "on 1mg", "on one milligram")),
    ("two-mg", ("at 2 mg", "on 2mg", "on two milligrams")),
    ("high-dose", ("at a high dose", "on a big dose", "on high doses")),
    ("as-needed", ("when taken as needed", "taking it prn", "only when needed")),
    ("daily-use", ("with daily use", "taking it every day", "daily dosing")),
    ("twice-daily", ("when taken twice a day", "with two doses a day", "twice daily")),
    ("ssri", ("with an ssri", "alongside antidepressants", "with ssris")),
    ("adhd", ("for people with adhd", "with adhd", "with adhd meds")),
    ("bipolar", ("with bipolar disorder", "for bipolar people", "in bipolar")),
    ("ptsd", ("with ptsd", "for ptsd", "for trauma")),
    ("ocd", ("with ocd", "for ocd", "for intrusive thoughts")),
    ("epilepsy", ("with epilepsy", "for epileptics", "with a seizure disorder")),
    ("autism", ("for autistic people", "with autism", "on the spectrum")),
    ("chronic-pain", ("with chronic pain", "for fibromyalgia", "with pain conditions")),
    ("asthma", ("with asthma", "for asthmatics", "with lung problems")),
    ("diabetes", ("with diabetes", "for diabetics", "with type 2 diabetes")),
    ("heart-condition", ("with a heart condition", "with heart disease", "with arrhythmia")),
    ("long-covid", ("with long covid", "after covid", "post covid")),
    ("the-flu", ("when i have the flu", "while sick", "during a cold")),
    ("after-surgery", ("after surgery", "post op", "while recovering from surgery")),
    ("empty-stomach", ("on an empty stomach", "without food", "before eating")),
    ("with-food", ("with food", "after a meal", "with breakfast")),
    ("hot-weather", ("in hot weather", "in summer", "during a heatwave")),
    ("cold-weather", ("in cold weather", "in winter", "when its freezing")),
    ("high-altitude", ("at high altitude", "in the mountains", "when hiking high")),
    ("travelling", ("when travelling", "on vacation", "on a trip")),
    ("at-work", ("at work", "during work hours", "on the job")),
    ("in-college", ("in college", "at university", "during finals")),
    ("new-job", ("when starting a new job", "at a new job", "during onboarding")),
    ("stressful-week", ("during a stressful week", "under stress", "when stressed out")),
    ("grief", ("while grieving", "after a loss", "during grief")),
    ("breakup", ("after a breakup", "during a breakup", "after a divorce")),
    ("new-parent", ("as a new parent", "with a newborn", "with a baby at home")),
    ("caregiver", ("as a caregiver", "while caring for family", "as a carer")),
    ("remote-work", ("when working from home", "working remotely", "wfh")),
    ("long-drive", ("on long car rides", "as a passenger", "on road trips")),
    ("after-rehab", ("after rehab", "after treatment", "after leaving detox")),
    ("in-detox", ("during detox", "in medical detox", "while detoxing")),
    ("outpatient", ("in outpatient treatment", "in iop", "in an outpatient program")),
    ("relapse-risk", ("if i relapsed before", "after a relapse", "with past relapses")),
    ("switched-from-xanax", ("after switching from xanax", "coming from xanax", "after xanax")),
    ("switched-to-valium", ("after switching to valium", "on a valium crossover", "on valium")),
    ("missed-dose", ("after a missed dose", "if i skip a dose", "after skipping one")),
    ("late-dose", ("when a dose is late", "if i take it late", "with a late dose")),
    ("split-dose", ("with a split dose", "splitting the dose", "with divided doses")),
    ("generic", ("on the generic", "with generic clonazepam", "on a different generic")),
    ("brand", ("on brand klonopin", "with the brand name", "on brand name")),
    ("dissolving", ("with dissolving tablets", "with odt tablets", "with wafers")),
    ("liquid", ("with a liquid taper", "using liquid titration", "with a compounded liquid")),
    ("micro-taper", ("on a micro taper", "with micro cuts", "with daily tiny cuts")),
    ("holding", ("while holding a dose", "during a hold", "when holding steady")),
    ("updose", ("after an updose", "after going back up", "after reinstating")),
    ("weekend", ("on weekends", "on saturdays", "on days off")),
    ("daily-routine", ("as part of a routine", "with a fixed schedule", "on a schedule")),
    ("pets", ("around my pets", "with a dog at home", "with a cat")),
    ("gaming", ("while gaming", "during long gaming sessions", "when playing games")),
    ("driving-lessons", ("during driving lessons", "while learning to drive", "at lessons")),
    ("sports", ("for athletes", "in competitive sports", "during training")),
    ("musicians", ("for musicians", "before a gig", "before performing")),
    ("students", ("for students", "in high school", "during exam season")),
    ("nurses", ("for nurses", "for healthcare workers", "on hospital shifts")),
    ("veterans", ("for veterans", "for ex military", "after deployment")),
    ("lgbt", ("in lgbtq people", "for queer folks", "in trans people")),
    ("rural", ("in rural areas", "far from a clinic", "out in the country")),
    ("low-income", ("on a tight budget", "without much money", "on low income")),
    ("insurance-change", ("after an insurance change", "when changing insurance", "uninsured")),
    ("new-doctor", ("with a new doctor", "when changing doctors", "with a new prescriber")),
    ("telehealth", ("with telehealth", "with online doctors", "via telemedicine")),
    ("pharmacy-switch", ("after a pharmacy switch", "at a new pharmacy", "with a new pharmacy")),
    ("daylight-saving", ("around daylight saving", "when clocks change", "after the time change")),
    ("full-moon", ("during a full moon", "on full moon nights", "around the full moon")),
    ("anniversary", ("on hard anniversaries", "on anniversaries", "on tough dates")),
    ("long-weekend", ("on long weekends", "over a long weekend", "on bank holidays")),
    ("after-coffee", ("after coffee", "with caffeine", "after an espresso")),
    ("after-gym", ("after the gym", "post workout", "after a run")),
    ("in-winter-dark", ("in the dark months", "with seasonal depression", "in sad season")),
    ("spring", ("in spring", "in allergy season", "during pollen season")),
    ("late-night", ("late at night", "at 3am", "in the middle of the night")),
    ("crowds", ("in crowds", "at concerts", "in busy places")),
    ("alone", ("when living alone", "when home alone", "on my own")),
    ("new-city", ("after moving cities", "after a move", "in a new city")),
)

DRUG_QUESTION = ("Klonopin", "clonazepam")
REVIEWED = dt.date(2026, 1, 15)
# Names people type: read from the shipped synonyms table (see ``_drug_names``).
EXTRA_DRUG_NAMES = ("benzos", "my benzo", "my meds", "this med")

QUESTION_TEMPLATES = (
    "Can {drug} cause {topic} {when}?",
    "Does {drug} affect {topic} {when}?",
    "Is {topic} {when} linked to {drug}?",
    "How does {drug} change {topic} {when}?",
    "What helps with {topic} {when} while taking {drug}?",
    "Is {topic} {when} normal on {drug}?",
    "Should I worry about {topic} {when} on {drug}?",
    "Why do I get {topic} {when} on {drug}?",
)
ALIAS_TEMPLATES = (
    "can {drug} cause {topic} {when}",
    "does {drug} give you {topic} {when}",
    "{topic} {when} from {drug}",
    "{drug} and {topic} {when}",
    "is {topic} {when} a side effect of {drug}",
    "why do i have {topic} {when} on {drug}",
    "anyone else get {topic} {when} on {drug}",
    "is it normal to have {topic} {when} with {drug}",
    "{topic} {when} {drug} related",
    "does {drug} make {topic} worse {when}",
    "how to deal with {topic} {when} on {drug}",
    "{drug} {topic} {when}",
    "could my {topic} {when} be the {drug}",
    "getting {topic} {when} since starting {drug}",
    "will {topic} {when} go away on {drug}",
)
PREFIXES = (
    "",
    "",
    "",
    "",
    "quick q ",
    "ngl ",
    "been on {drug} a while ",
    "hey all ",
    "serious question ",
    "my doc put me on {drug} ",
    "so ",
    "idk if this is normal but ",
)
SUFFIXES = ("", "", "", "", " rn", " lol", " tbh", " pls help", " anyone", " is that normal")

ANSWER = (
    "Placeholder answer generated for the benchmark about {topic} {when} and {drug}. "
    "It is roughly as long as a real answer so that loading and validation do the same "
    "amount of work: a few short paragraphs, a list of points, and a closing line.\n\n"
    "- first point of the placeholder list\n- second point of the placeholder list\n"
    "- third point of the placeholder list\n\n"
    "For questions about your own prescription, talk to your healthcare provider."
)


def _drug_names(synonyms: dict[str, list[str]]) -> tuple[str, ...]:
    """Drug names people type, from the shipped synonyms table when it has them."""
    names = [name for name in synonyms.get("klonopin", []) if len(name) > 1][:16]
    return ("klonopin", "clonazepam", *names, *EXTRA_DRUG_NAMES)


def _typo(text: str, rng: random.Random) -> str:
    """One keyboard slip in one longer word: a swap, a drop or a double letter."""
    words = text.split()
    long_words = [i for i, word in enumerate(words) if len(word) >= 5 and word.isalpha()]
    if not long_words:
        return text
    index = rng.choice(long_words)
    word = words[index]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif kind == 1:
        word = word[:at] + word[at + 1 :]
    else:
        word = word[:at] + word[at] + word[at:]
    words[index] = word
    return " ".join(words)


def _pairs(rng: random.Random) -> list[tuple[int, int]]:
    pairs = [(t, s) for t in range(len(TOPICS)) for s in range(len(SITUATIONS))]
    rng.shuffle(pairs)
    return pairs


def max_generated_entries() -> int:
    """How many distinct entries the vocabulary can make."""
    return len(TOPICS) * len(SITUATIONS)


def generate_faq(shipped: dict[str, Any], size: int, seed: int = 20240601) -> dict[str, Any]:
    """A copy of the raw ``shipped`` FAQ mapping grown to ``size`` entries."""
    data = copy.deepcopy(shipped)
    entries: list[dict[str, Any]] = data["entries"]
    missing = size - len(entries)
    if missing <= 0:
        data["entries"] = entries[:size]
        return data
    if missing > max_generated_entries():
        raise ValueError(f"can generate at most {max_generated_entries()} entries")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    drugs = _drug_names(data.get("synonyms", {}))
    source_keys = sorted(data["sources"])
    seen = {
        normalise_text(text)
        for entry in entries
        for text in (entry["question"], *entry.get("aliases", []))
    }
    added: list[dict[str, Any]] = []
    for topic_index, situation_index in _pairs(rng)[:missing]:
        added.append(_entry(topic_index, situation_index, drugs, source_keys, seen, rng))
    ids = [entry["id"] for entry in added]
    for entry in added:
        entry["related"] = [i for i in rng.sample(ids, 2) if i != entry["id"]][:1]
    entries.extend(added)
    return data


def _entry(
    topic_index: int,
    situation_index: int,
    drugs: Sequence[str],
    source_keys: Sequence[str],
    seen: set[str],
    rng: random.Random,
) -> dict[str, Any]:
    topic_slug, topics = TOPICS[topic_index]
    situation_slug, situations = SITUATIONS[situation_index]
    drug = rng.choice(DRUG_QUESTION)
    question = rng.choice(QUESTION_TEMPLATES).format(drug=drug, topic=topics[0], when=situations[0])
    seen.add(normalise_text(question))
    aliases: list[str] = []
    wanted = rng.randint(5, 12)
    for _ in range(wanted * 4):
        if len(aliases) >= wanted:
            break
        name = rng.choice(drugs)
        text = rng.choice(ALIAS_TEMPLATES).format(
            drug=name, topic=rng.choice(topics), when=rng.choice(situations)
        )
        text = rng.choice(PREFIXES).format(drug=rng.choice(drugs)) + text + rng.choice(SUFFIXES)
        if rng.random() < 0.15:
            text = _typo(text, rng)
        folded = normalise_text(text)
        if folded and folded not in seen:
            seen.add(folded)
            aliases.append(text)
    return {
        "id": f"{topic_slug}-{situation_slug}",
        "question": question,
        "aliases": aliases,
        "keywords": [topics[0], situations[0].split(" ", 1)[-1]],
        "answer": ANSWER.format(topic=topics[0], when=situations[0], drug=drug),
        "sources": rng.sample(source_keys, rng.randint(1, 2)),
        "reviewed": REVIEWED,
        "reviewed_by": "benchmark generator",
    }


class _FaqDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes answers as literal blocks (``|``), the way moderators write them; no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never write ``&id001`` anchors: moderators' files do not use them."""
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_FaqDumper.add_representer(str, _represent_text)


def write_faq(data: dict[str, Any], path: Path) -> Path:
    """Write a raw FAQ mapping as YAML that the real loader reads."""
    text = yaml.dump(
        data,
        Dumper=_FaqDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    path.write_text(text, encoding="utf-8")
    return path


# --- chat messages -------------------------------------------------------------------------

CHATTER = (
    "good morning everyone",
    "morning all, hope everyone slept ok",
    "day {n} off {drug} and feeling pretty good today",
    "day {n} of my taper, hanging in there",
    "anyone else up this late",
    "thanks for the help yesterday, really appreciated it",
    "lol same here",
    "my cat just knocked my coffee off the desk",
    "went for a walk by the river, it helped a bit",
    "did anyone watch the game last night",
    "just got back from my appointment, it went ok",
    "sending good vibes to everyone struggling today",
    "{n} days clean today!!",
    "this server has been a lifesaver honestly",
    "raining again here, perfect day for tea and a movie",
    "finally got 7 hours of sleep",
    "welcome to the new folks",
    "haha that meme is so true",
    "work was rough today but i made it through",
    "anyone have good podcast recommendations",
    "made soup for the first time in months",
    "my therapist said i'm making progress",
    "grateful for this group tbh",
    "brb making dinner",
    "hows everyone doing tonight",
    "just wanted to say hi, been lurking for a while",
    "the weather is so nice today",
    "i have a dentist appointment tomorrow ugh",
    "ok going to bed, night all",
    "that's awesome, congrats on {n} days",
)
LONG_PIECES = (
    "so i wanted to share an update on how things have been going since i last posted here",
    "my doctor and i agreed on a slower schedule and honestly that made a big difference",
    "some days are still hard, especially in the evenings when the house gets quiet",
    "i started walking every morning and keeping a little journal of how i feel",
    "my sleep is not perfect but it is better than it was a couple of months ago",
    "i know everyone's journey is different so take this with a grain of salt",
    "the support from people here kept me going when i wanted to give up on the taper",
    "i also told my family what i'm going through and they have been understanding",
    "work is still stressful but i'm learning to take breaks and breathe",
    "anyway thanks for reading this far, i just needed to get it off my chest",
)


def chat_messages(count: int, seed: int = 7, drugs: Sequence[str] = ("kpins",)) -> list[str]:
    """Short everyday chat messages (about 40-60 characters), deterministic for ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    return [
        rng.choice(CHATTER).format(n=rng.randint(2, 400), drug=rng.choice(drugs))
        for _ in range(count)
    ]


def long_messages(count: int, seed: int = 11) -> list[str]:
    """Long posts (roughly 400-900 characters) made of several chat sentences."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    return [". ".join(rng.sample(LONG_PIECES, rng.randint(5, 10))) for _ in range(count)]
