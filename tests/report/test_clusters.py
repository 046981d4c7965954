"""Grouping similar questions: paraphrases meet, different topics stay apart."""

from __future__ import annotations

from bot.faq.matcher import FaqMatcher
from bot.faq.normalise import normalise_text
from bot.report.asked import AskedQuestion
from bot.report.clusters import cluster_questions, matcher_profile, similarity, word_profile


def asked(text: str, times: int = 1) -> AskedQuestion:
    return AskedQuestion(key=normalise_text(text), text=text, asked=times, fell_back=times)


def groups(clusters: list[tuple[AskedQuestion, ...]]) -> list[set[str]]:
    return [{q.text for q in cluster} for cluster in clusters]


def test_paraphrases_with_slang_meet_and_other_topics_stay_apart(matcher: FaqMatcher) -> None:
    seizures = {
        "seizures after stopping klonopin",
        "can stopping kpins cause seizures",
        "can stopping klonopin give you seizures",
    }
    sleep = {"does klonopin help with sleep", "can i take klonopin for sleep"}
    pregnant = {"can you take klonopin while pregnant"}
    questions = [asked(t) for t in sorted(seizures | sleep | pregnant)]

    found = groups(cluster_questions(questions, profile=matcher_profile(matcher)))

    assert sorted(found, key=len, reverse=True) == [seizures, sleep, pregnant]


def test_a_word_every_question_shares_does_not_make_them_similar(matcher: FaqMatcher) -> None:
    questions = [asked("klonopin?", 5), asked("will kpins make me fat"), asked("klonopin vs xanax")]

    found = groups(cluster_questions(questions, profile=matcher_profile(matcher)))

    assert len(found) == 3


def test_typos_of_words_the_faq_does_not_know_still_meet(matcher: FaqMatcher) -> None:
    questions = [asked("does klonopin cause hairloss", 2), asked("does klonopin cause hairlos")]

    found = cluster_questions(questions, profile=matcher_profile(matcher))

    assert groups(found) == [{"does klonopin cause hairloss", "does klonopin cause hairlos"}]


def test_biggest_group_first_and_most_asked_wording_leads(matcher: FaqMatcher) -> None:
    questions = [
        asked("can i drink alcohol on klonopin", 1),
        asked("is it ok to have a beer with kpins", 1),
        asked("can you mix klonopin and alcohol", 4),
        asked("will klonopin show up on a drug test", 3),
    ]

    found = cluster_questions(questions, profile=matcher_profile(matcher))

    assert found[0][0].text == "can you mix klonopin and alcohol"
    assert sum(q.asked for q in found[0]) == 6
    assert found[1][0].text == "will klonopin show up on a drug test"


def test_without_a_matcher_plain_words_are_compared() -> None:
    questions = [
        asked("how do i taper off my meds"),
        asked("how do i taper off meds"),
        asked("what is the bot for"),
    ]

    found = groups(cluster_questions(questions, profile=word_profile))

    assert {"how do i taper off my meds", "how do i taper off meds"} in found
    assert {"what is the bot for"} in found


def test_similarity_is_symmetric_and_weighted() -> None:
    rare = {"seizure": 2.0, "klonopin": 0.1}
    other = {"seizure": 2.0, "stop": 1.0, "klonopin": 0.1}
    assert similarity(rare, other) == similarity(other, rare)
    assert similarity(rare, other) > similarity({"klonopin": 0.1, "fat": 2.0}, other)
    assert similarity({}, {}) == 0.0
