"""The FAQ matcher, as a member or moderator would notice it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bot.faq.analysis import surface_words
from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher, decide
from bot.faq.models import FaqDocument, Scope, Thresholds
from bot.faq.outcome import Candidate, MatchOutcome
from bot.faq.regimen import asks_about_dose, regimen_words

FAQ_PATH = Path(__file__).parents[2] / "faq.yaml"


@pytest.fixture(scope="module")
def shipped() -> FaqMatcher:
    return FaqMatcher(load_faq(FAQ_PATH))


# Unrelated entries, so that terms shared by the entries under test are not everywhere.
OTHER_TOPICS = [
    ("rehab", "Where can I find a rehab?", ["treatment center near me"], ["rehab"]),
    ("xanax", "Is Xanax stronger?", ["xanax vs klonopin"], ["xanax"]),
    ("memory", "Does Klonopin affect memory?", ["brain fog"], ["memory"]),
]
SHIPPED_THRESHOLDS = {"answer": 55.0, "clarify": 40.0, "margin": 10.0}


def make_document(
    entries: list[tuple[str, str, list[str], list[str]]],
    *,
    synonyms: dict[str, list[str]] | None = None,
    thresholds: dict[str, float] | None = None,
) -> FaqDocument:
    """A small FAQ: (id, question, aliases, keywords) per entry, plus OTHER_TOPICS."""
    entries = [*entries, *OTHER_TOPICS]
    thresholds = SHIPPED_THRESHOLDS if thresholds is None else thresholds
    data: dict[str, Any] = {
        "synonyms": synonyms or {},
        "sources": {"src": {"title": "A source"}},
        "entries": [
            {
                "id": entry_id,
                "question": question,
                "aliases": aliases,
                "keywords": keywords,
                "answer": f"Answer for {entry_id}.",
                "sources": ["src"],
                "reviewed": dt.date(2026, 11, 23),
                "reviewed_by": "tests",
            }
            for entry_id, question, aliases, keywords in entries
        ],
    }
    data["thresholds"] = thresholds
    return FaqDocument.model_validate(data)


# -- the shipped FAQ: slang, synonyms and typos reach the right entry -------------------


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("do kpins get u high", "euphoria"),
        ("klonopin vs xans", "xanax-comparison"),
        ("is 2mg a lot", "dosage"),
        ("are k-pins benzos", "benzodiazepine-class"),
        ("zannies or klonnies which is stronger", "xanax-comparison"),
        ("can i quit clonazepam cold turkey", "withdrawal-detox"),
        ("whats the number for ardu", "get-help"),
        ("kpins make me run my mouth, why", "talkativeness"),
        ("i cant stop yapping on klonnies", "talkativeness"),
        ("i lose my train of thought on kpins", "iq-cognition"),
        ("how many hours does one kpin keep working", "what-is-klonopin"),
        ("how long does a klonopin last", "what-is-klonopin"),
        ("what does clonazepam do chemically", "how-it-works"),
        ("is ativan the same kind of drug as klonopin", "benzodiazepine-class"),
        ("what other benzos are there besides clonazepam", "benzodiazepine-class"),
        ("what percent of benzo abuse involves klonopin", "addiction-risk"),
        ("could i switch from kpins to lyrica", "alternatives"),
        ("been on kpins 6 yrs, how do i get off them", "withdrawal-detox"),
    ],
)
def test_slang_and_synonyms_reach_the_right_entry(
    shipped: FaqMatcher, question: str, entry_id: str
) -> None:
    outcome = shipped.match(question)
    assert outcome.kind == "answer"
    assert outcome.entry_id == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("klonopin withdrawl symptoms", "withdrawal-detox"),
        ("does clonazapam cause depresion", "depression"),
        ("is klonipin adictive", "addiction-risk"),
        ("how does klonopin wrok in the brian", "how-it-works"),
    ],
)
def test_typos_are_corrected(shipped: FaqMatcher, question: str, entry_id: str) -> None:
    assert shipped.match(question).entry_id == entry_id


def test_the_shipped_faq_answers_what_is_klonopin(shipped: FaqMatcher) -> None:
    for question in ("what is klonopin", "whats a kpin", "what even is clonazepam"):
        assert shipped.match(question).entry_id == "what-is-klonopin"


def test_a_per_cent_sign_reads_as_the_word(shipped: FaqMatcher) -> None:
    analyser = shipped.index.analyser
    assert analyser.terms("what % misuse it") == analyser.terms("what percent misuse it")


def test_a_word_is_not_read_as_a_synonym_sharing_only_its_stem(shipped: FaqMatcher) -> None:
    analyser = shipped.index.analyser
    # "stats" and "state" both stem to "stat"; only the first means statistics.
    assert analyser.terms("state") != analyser.terms("stats")
    assert analyser.terms("withdrawals") == analyser.terms("withdrawal")


def test_typo_correction_only_uses_the_faq_vocabulary(shipped: FaqMatcher) -> None:
    analyser = shipped.index.analyser
    assert analyser.speller.correct("withdrwal") == "withdrawal"
    assert analyser.terms("talkitave") == analyser.terms("talkative")
    assert analyser.terms("clonazepan") == analyser.terms("klonopin")
    # Real English words are never "corrected" into FAQ words.
    assert analyser.speller.correct("dogs") == "dogs"
    assert analyser.speller.correct("drive") == "drive"


@pytest.mark.parametrize(
    "message",
    [
        "hi",
        "thanks bot",
        "good morning everyone",
        "how do i get roles on this server",
        "where are the rules",
        "what is seroquel used for",
        "whats the max dose of gabapentin",
        "can i drive on klonopin",
        "is klonopin safe during pregnancy",
        "will klonopin show up on a drug test",
        "is klonopin safe for dogs",
        "what happens if i miss a dose of klonopin",
        "does klonopin cause weight gain",
        "how long does klonopin show up on a drug test",
        "should i take klonopin before bed",
        "what is gabapentin",
        "is gabapentin a benzo",
        "what time is it",
        "what",
        "is it normal",
        "klonopin",
        "",
        "???",
    ],
)
def test_out_of_scope_messages_are_not_answered(shipped: FaqMatcher, message: str) -> None:
    outcome = shipped.match(message)
    assert outcome.kind != "answer"
    assert outcome.entry_id is None


def test_clear_out_of_scope_messages_fall_back(shipped: FaqMatcher) -> None:
    for message in ("hello there", "recommend a good movie", "can i drive on klonopin"):
        assert shipped.match(message).kind == "fallback"


def test_candidates_are_ranked_and_bounded(shipped: FaqMatcher) -> None:
    outcome = shipped.match("does klonopin make you talkative or manic")
    scores = [candidate.score for candidate in outcome.candidates]
    assert 1 <= len(outcome.candidates) <= 3
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)
    assert {c.entry_id for c in outcome.candidates} >= {"talkativeness", "mania"}


def test_matched_names_the_text_that_matched(shipped: FaqMatcher) -> None:
    outcome = shipped.match("does klonopin get you high")
    entry = shipped.document.entry("euphoria")
    assert outcome.candidates[0].matched in {entry.question, *entry.aliases, *entry.keywords}


# -- clarify, thresholds and synonyms from the document ----------------------------------

WITHDRAWAL_PAIR = [
    ("withdrawal-length", "How long does Klonopin withdrawal last?", [], ["duration"]),
    ("withdrawal-symptoms", "What are the symptoms of Klonopin withdrawal?", [], ["symptoms"]),
]


def test_two_close_entries_ask_which() -> None:
    matcher = FaqMatcher(make_document(WITHDRAWAL_PAIR))
    outcome = matcher.match("klonopin withdrawal")
    assert outcome.kind == "clarify"
    assert {c.entry_id for c in outcome.candidates[:2]} == {
        "withdrawal-length",
        "withdrawal-symptoms",
    }
    assert outcome.entry_id is None


def test_a_clear_winner_is_answered_even_with_a_close_neighbour_topic() -> None:
    matcher = FaqMatcher(make_document(WITHDRAWAL_PAIR))
    outcome = matcher.match("what are the symptoms of withdrawal from klonopin")
    assert outcome.kind == "answer"
    assert outcome.entry_id == "withdrawal-symptoms"


def test_thresholds_come_from_the_document() -> None:
    entries = [
        ("dose", "What is a safe dose?", ["how much should i take"], ["dose"]),
        ("taper", "How do I taper?", ["how to taper off"], ["taper"]),
    ]
    question = "how much is a safe dose to take"
    lenient = FaqMatcher(make_document(entries, thresholds={"answer": 30, "clarify": 10}))
    strict = FaqMatcher(
        make_document(entries, thresholds={"answer": 100, "clarify": 99, "margin": 0})
    )
    assert lenient.match(question).kind == "answer"
    assert strict.match(question).kind == "fallback"
    # Same scores, different decisions: only the thresholds changed.
    assert lenient.match(question).candidates == strict.match(question).candidates


def test_a_wide_margin_turns_an_answer_into_a_question() -> None:
    entries = [
        ("dose", "What is a safe dose?", [], ["dose"]),
        ("taper", "How do I taper my dose?", [], ["taper"]),
    ]
    narrow = FaqMatcher(
        make_document(entries, thresholds={"answer": 40, "clarify": 20, "margin": 0})
    )
    wide = FaqMatcher(
        make_document(entries, thresholds={"answer": 40, "clarify": 20, "margin": 100})
    )
    assert narrow.match("dose").kind == "answer"
    assert wide.match("dose").kind == "clarify"


def test_synonyms_come_from_the_document() -> None:
    entries = [
        ("high", "Can Klonopin make you high?", [], ["high"]),
        ("dose", "What is a safe dose?", [], ["dose"]),
    ]
    without = FaqMatcher(make_document(entries))
    with_slang = FaqMatcher(make_document(entries, synonyms={"klonopin": ["kpin", "kpins"]}))
    assert with_slang.match("can kpins make you high").entry_id == "high"
    # Without the synonym "kpins" is an unknown word that counts against every entry.
    without_score = without.match("can kpins make you high").score
    assert with_slang.match("can kpins make you high").score > without_score


def test_multi_word_synonyms_are_matched_as_phrases() -> None:
    entries = [("quit", "How do I quit Klonopin?", [], ["quit"]), ("dose", "Dose?", [], ["dose"])]
    matcher = FaqMatcher(make_document(entries, synonyms={"quit": ["cold turkey", "come off"]}))
    assert matcher.match("can i go cold turkey").entry_id == "quit"
    assert matcher.match("how do i come off it").entry_id == "quit"


def test_phrases_match_with_intensifiers_in_between() -> None:
    entries = [("low", "Can Klonopin make you depressed?", [], ["depression"])]
    matcher = FaqMatcher(make_document(entries, synonyms={"depression": ["feel so low"]}))
    analyser = matcher.index.analyser
    assert analyser.terms("i feel so low") == analyser.terms("i feel low") == ("depression",)
    assert matcher.match("i feel really so low lately").entry_id == "low"


def test_alias_words_do_not_outweigh_another_entrys_keyword() -> None:
    entries = [
        (
            "help",
            "Where can I get help?",
            ["help for my benzo addiction", "benzo addiction rehab", "addiction treatment"],
            ["rehab"],
        ),
        ("risk", "Is it habit forming?", [], ["addiction"]),
    ]
    matcher = FaqMatcher(make_document(entries))
    # Three aliases of "help" mention addiction; only "risk" names it as its concept.
    outcome = matcher.match("addiction")
    assert outcome.entry_id == "risk"
    assert [c.entry_id for c in outcome.candidates[:2]] == ["risk", "help"]


def test_saying_the_same_thing_twice_is_more_evidence() -> None:
    entries = [("mania", "Can Klonopin cause mania?", [], ["mania"])]
    matcher = FaqMatcher(make_document(entries, synonyms={"mania": ["wired", "hyper"]}))
    once = matcher.match("so wired lately, strange").score
    twice = matcher.match("so wired and hyper lately, strange").score
    assert twice > once


def test_a_way_of_asking_alone_does_not_answer() -> None:
    entries = [("dose", "What is a safe dose?", ["how much should i take"], ["dose", "how much"])]
    matcher = FaqMatcher(make_document(entries, synonyms={"how much": ["how many"]}))
    # "how much" is a way of asking: next to an unknown word it says too little.
    assert matcher.match("how much is it at costco").kind != "answer"
    assert matcher.match("how much of a dose is safe").entry_id == "dose"
    assert matcher.match("how much").kind == "fallback"


def test_topics_named_only_in_synonyms_fall_back() -> None:
    entries = [("dose", "What is a safe dose of Klonopin?", [], ["dose", "safe"])]
    plain = FaqMatcher(make_document(entries))
    guarded = FaqMatcher(make_document(entries, synonyms={"pregnancy": ["pregnant"]}))
    question = "safe dose of klonopin when pregnant"
    assert plain.match(question).kind == "answer"
    assert guarded.match(question).kind != "answer"
    assert guarded.match(question).score < plain.match(question).score


def test_a_question_about_another_medicine_alone_is_not_answered() -> None:
    question = "How long does Klonopin last next to Ativan?"
    entries = [("duration", question, [], ["duration", "klonopin"])]
    synonyms = {"klonopin": ["kpin"], "ativan": ["lorazepam"], "duration": ["how long", "last"]}
    thresholds = {"answer": 40.0, "clarify": 30.0, "margin": 5.0}
    document = make_document(entries, synonyms=synonyms, thresholds=thresholds)
    scoped = document.model_copy(
        update={"scope": Scope(subject=["klonopin"], other_medicines=["ativan"])}
    )
    plain, guarded = FaqMatcher(document), FaqMatcher(scoped)
    assert plain.match("how long does lorazepam last").entry_id == "duration"
    assert guarded.match("how long does lorazepam last").kind == "clarify"
    # Naming the subject as well makes it a question the answers speak to again.
    assert guarded.match("how long does a kpin last compared to ativan").entry_id == "duration"


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        # Everyday words in a story are not the topics they can name elsewhere: a death in
        # the family is not an overdose question, dinner is not small talk, a white knuckle
        # is not a pill's colour.
        ("been on klonopin since my mom died 6 years ago, is taking it that long bad",
         "long-term-use"),
        ("wear off by dinner, how many hours does klonopin last", "what-is-klonopin"),
        ("waves are brutal, do detox places give meds or do u just white knuckle it",
         "withdrawal-detox"),
        # ...while the questions those topics are listed for still get no answer.
        ("can you die from taking too much klonopin", None),
        ("is the white pill klonopin", None),
    ],
)
def test_story_words_are_not_the_topics_they_can_name(
    shipped: FaqMatcher, message: str, answered: str | None
) -> None:
    assert_answered(shipped.match(message), answered)


def test_the_subject_counts_when_a_phrase_swallowed_it(shipped: FaqMatcher) -> None:
    # "klonnies are benzos" reads as one concept; Klonopin is still named, so naming Xanax
    # too ("bars") does not make it a question about Xanax alone.
    message = "wait so klonnies are benzos too?? thought that was just bars"
    assert shipped.match(message).entry_id == "benzodiazepine-class"
    assert shipped.match("so bars are benzos too??").kind != "answer"


def test_a_message_with_no_anchor_is_not_answered() -> None:
    entries = [("phone", "What is the number to call for help?", [], ["phone", "help"])]
    thresholds = {"answer": 40.0, "clarify": 30.0, "margin": 5.0}
    document = make_document(entries, synonyms={"klonopin": ["kpin"]}, thresholds=thresholds)
    anchored = document.model_copy(update={"scope": Scope(anchors=["klonopin", "it"])})
    plain, guarded = FaqMatcher(document), FaqMatcher(anchored)
    assert plain.match("what number do i call for help with my sink").entry_id == "phone"
    assert guarded.match("what number do i call for help with my sink").kind == "clarify"
    # A synonym of an anchor term, or an anchor word, ties the message to the FAQ.
    assert guarded.match("what number do i call for help with kpin").entry_id == "phone"
    assert guarded.match("what number do i call for help with it").entry_id == "phone"


@pytest.mark.parametrize(
    "message",
    ["who do i call to fix my sink", "how do i stop overthinking", "so drained from work"],
)
def test_the_shipped_faq_does_not_answer_everyday_chat(shipped: FaqMatcher, message: str) -> None:
    assert shipped.match(message).kind != "answer"


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        # Mentioned in a clause of its own while asking about Klonopin: an aside.
        ("already on lithium btw but can clonazepam flip someone into mania", "mania"),
        (
            "my doc is also lowering my zoloft but what does a klonopin detox involve",
            "withdrawal-detox",
        ),
        # The yardstick of a comparison ("than weed") asks about Klonopin...
        ("is klonopin more addictive than weed", "addiction-risk"),
        ("would coming off kpins be worse than coming off booze", "withdrawal-detox"),
        # ...but not when the other drug is what the question is about.
        ("is weed less addictive than klonopin", None),
        ("is it safer to drink than take klonopin", None),
        # In the same clause as the question, or a topic that changes every answer: blocks.
        ("can klonopin and lithium together cause mania", None),
        ("im pregnant but can klonopin cause mania", None),
    ],
)
def test_a_topic_mentioned_in_passing_does_not_block_the_answer(
    shipped: FaqMatcher, message: str, answered: str | None
) -> None:
    assert_answered(shipped.match(message), answered)


def assert_answered(outcome: MatchOutcome, answered: str | None) -> None:
    """``answered`` is the entry the bot must answer with, or None for no answer at all."""
    if answered is None:
        assert outcome.kind != "answer"
    else:
        assert outcome.entry_id == answered


def test_an_aside_needs_another_clause_naming_the_medicine() -> None:
    entries = [("mania", "Can Klonopin cause mania?", [], ["mania", "klonopin"])]
    synonyms = {"klonopin": ["kpin"], "other drug": ["lithium"]}
    thresholds = {"answer": 40.0, "clarify": 30.0, "margin": 5.0}
    document = make_document(entries, synonyms=synonyms, thresholds=thresholds)
    scoped = FaqMatcher(document.model_copy(update={"scope": Scope(subject=["klonopin"])}))
    assert scoped.match("on lithium btw. can a kpin cause mania").entry_id == "mania"
    assert scoped.match("can a kpin with lithium cause mania").kind != "answer"
    assert scoped.match("on lithium btw. can it cause mania").kind != "answer"
    pregnant = document.model_copy(
        update={"scope": Scope(subject=["klonopin"], never_in_passing=["other drug"])}
    )
    assert FaqMatcher(pregnant).match("on lithium btw. can a kpin cause mania").kind != "answer"


def test_what_follows_compared_to_is_only_the_yardstick() -> None:
    entries = [("addiction", "Is Klonopin addictive?", [], ["addictive", "klonopin"])]
    synonyms = {"klonopin": ["kpin"], "other drug": ["weed"]}
    thresholds = {"answer": 40.0, "clarify": 30.0, "margin": 5.0}
    document = make_document(entries, synonyms=synonyms, thresholds=thresholds)
    scoped = FaqMatcher(document.model_copy(update={"scope": Scope(subject=["klonopin"])}))
    assert scoped.match("how addictive is a kpin compared to weed").entry_id == "addiction"
    assert scoped.match("how addictive is a kpin compared with weed").entry_id == "addiction"
    # The other drug is what is asked about, or stays in the question: no answer.
    assert scoped.match("how addictive is weed compared to a kpin").kind != "answer"
    assert scoped.match("how addictive is a kpin like weed").kind != "answer"


def test_a_story_with_one_entrys_own_keyword_is_answered() -> None:
    entries = [
        ("mania", "Can Klonopin cause mania?", [], ["mania", "klonopin"]),
        ("depression", "Can Klonopin cause depression?", [], ["depression", "klonopin"]),
    ]
    synonyms = {"klonopin": ["kpin"], "ativan": ["lorazepam"], "pregnancy": ["pregnant"]}
    document = make_document(entries, synonyms=synonyms)
    scoped = document.model_copy(
        update={"scope": Scope(subject=["klonopin"], other_medicines=["ativan"])}
    )
    matcher = FaqMatcher(scoped)
    story = "so my sister moved in last winter and works nights at the bakery downtown"
    # Long enough that the story drowns the score, but "mania" belongs to one entry only.
    assert FaqMatcher(document).match(f"{story} and i take kpin, mania").kind != "answer"
    assert matcher.match(f"{story} and i take kpin, mania").entry_id == "mania"
    # Without the medicine named, with a topic the FAQ does not cover, or with a second
    # entry's own keyword, the story stays a "did you mean" at most.
    assert matcher.match(f"{story}, mania").kind != "answer"
    assert matcher.match(f"{story} and i take kpin, pregnant, mania").kind != "answer"
    assert matcher.match(f"{story} and i take kpin, mania or depression").kind != "answer"
    assert matcher.match(f"{story} and i take lorazepam, mania").kind != "answer"


def test_a_story_may_touch_another_entrys_keyword_when_its_own_outweigh_it(
    shipped: FaqMatcher,
) -> None:
    # "talks a mile a minute" is the talkativeness entry's; mania's own words weigh more.
    story = (
        "since my sister started clonazepam she stays up all night, spends her savings on "
        "schemes and talks a mile a minute, my mom says its just her but"
    )
    assert shipped.match(f"{story} could klonopin cause a manic episode").entry_id == "mania"
    # Two entries' keywords of equal weight are still a question for the member.
    assert shipped.match(f"{story} is it mania or depression from klonopin").kind != "answer"


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        ("saw on tiktok that clonazepam can make people manic, is that true", "mania"),
        ("someone on reddit said klonopin makes you chatty is that real", "talkativeness"),
        ("tiktok said klonopin makes you the life of the party is that true", "talkativeness"),
        ("whats your favourite tiktok account", None),
    ],
)
def test_where_a_claim_was_heard_is_framing_not_small_talk(
    shipped: FaqMatcher, message: str, answered: str | None
) -> None:
    assert_answered(shipped.match(message), answered)


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        ("is klonopin just a slower xanax", "xanax-comparison"),
        ("klonopin vs alprazolam which lasts longer", "xanax-comparison"),
        # Comparing, but not with the medicine the entry compares with: no Xanax answer.
        ("whats clonazapam? is it the same thing as klonopin?", None),
        ("dependence vs addiction with kpins, whats the difference", None),
    ],
)
def test_the_comparison_entry_needs_the_medicine_it_compares_with(
    shipped: FaqMatcher, message: str, answered: str | None
) -> None:
    assert_answered(shipped.match(message), answered)


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        ("been on 1mg twice a day for 4 years, does klonopin make you talkative", "talkativeness"),
        # Asking about the amount itself keeps the regimen as the question.
        ("i take 2mg a day, is that a lot", "dosage"),
    ],
)
def test_a_regimen_told_as_context_does_not_pull_towards_dosage(
    shipped: FaqMatcher, message: str, answered: str
) -> None:
    assert shipped.match(message).entry_id == answered


def test_regimen_words_are_found_only_where_an_amount_is_told() -> None:
    assert regimen_words(surface_words("4 years on 1mg daily")) == ["1", "mg", "daily"]
    assert regimen_words(surface_words("been on .5 twice a day")) == ["5", "twice", "a", "day"]
    assert regimen_words(surface_words("took 2 yesterday, is that bad")) == []
    assert asks_about_dose(surface_words("i take 1mg twice a day, is that a lot"))
    assert not asks_about_dose(surface_words("1mg a day, how does it work"))


def test_context_words_dilute_a_question_less_and_less() -> None:
    entries = [("mania", "Can Klonopin cause mania?", [], ["mania", "klonopin"])]
    matcher = FaqMatcher(make_document(entries, synonyms={"klonopin": ["kpin"]}))
    short = matcher.match("kpin mania vacation").score
    longer = matcher.match("kpin mania vacation beach sunshine").score
    longest = matcher.match("kpin mania vacation beach sunshine holiday family").score
    assert short > longer > longest
    # Each further unknown word costs less than the one before it.
    assert short - longer > longer - longest


def test_decide_applies_the_rule() -> None:
    thresholds = Thresholds(answer=70, clarify=50, margin=10)

    def ranked(*scores: float) -> list[Candidate]:
        return [Candidate(f"e{i}", score) for i, score in enumerate(scores)]

    assert decide(ranked(), thresholds).kind == "fallback"
    assert decide(ranked(49.9), thresholds).kind == "fallback"
    assert decide(ranked(60), thresholds).kind == "clarify"
    assert decide(ranked(80, 75), thresholds).kind == "clarify"
    assert decide(ranked(80, 65, 40), thresholds).kind == "answer"
    clarify = decide(ranked(80, 75, 40), thresholds)
    assert [c.entry_id for c in clarify.candidates] == ["e0", "e1"]
    # Near a perfect score a smaller lead is enough: both explain the question, one fully.
    assert decide(ranked(98, 95), thresholds).kind == "answer"
    assert decide(ranked(72, 65), thresholds).kind == "clarify"


# -- search: autocomplete and moderator tests --------------------------------------------


def test_empty_search_lists_entries_in_file_order(shipped: FaqMatcher) -> None:
    ids = [entry.id for entry in shipped.document.entries]
    assert [c.entry_id for c in shipped.search("")] == ids
    assert [c.entry_id for c in shipped.search("   ", limit=4)] == ids[:4]


def test_search_ranks_the_best_entry_first(shipped: FaqMatcher) -> None:
    assert shipped.search("xanax")[0].entry_id == "xanax-comparison"
    assert shipped.search("how much klonopin")[0].entry_id == "dosage"


def test_search_completes_the_word_being_typed(shipped: FaqMatcher) -> None:
    assert shipped.search("talkat")[0].entry_id == "talkativeness"
    assert shipped.search("withdr")[0].entry_id == "withdrawal-detox"


def test_search_respects_the_limit_and_skips_unrelated_entries(shipped: FaqMatcher) -> None:
    assert len(shipped.search("klonopin", limit=5)) <= 5
    assert shipped.search("klonopin", limit=0) == []
    assert shipped.search("sourdough bread recipe") == []


# -- scale -----------------------------------------------------------------------------


def test_the_right_entry_is_found_among_thousands() -> None:
    filler = [
        (
            f"topic-{n}",
            f"Question number {n} about subject{n}?",
            [f"subject{n} help"],
            [f"subject{n}"],
        )
        for n in range(3000)
    ]
    target = (
        "talk",
        "Can Klonopin make you more talkative?",
        ["why am i so chatty"],
        ["talkative"],
    )
    matcher = FaqMatcher(make_document([*filler, target], synonyms={"talkative": ["chatty"]}))
    outcome = matcher.match("why is klonopin making me so chatty")
    assert outcome.entry_id == "talk"
    assert matcher.match("subject2999").entry_id == "topic-2999"
