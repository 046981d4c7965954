"""The FAQ model: a second opinion that turns "did you mean" into an answer, and no more."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.model import NONE, FaqModel, ModelFileError, load_model, read_model, save_model
from bot.faq.models import FaqDocument
from bot.faq.opinion import Offer, Opinion, Trust, second_opinion
from bot.faq.train import Example, Reading, choose_trust, classes_of, train
from bot.wiring import matcher_for

FAQ_PATH = Path(__file__).resolve().parents[2] / "faq.yaml"
# Spanish and English: the matcher alone ranks the euphoria entry first but too low to answer.
STORY = "se siente uno high con el klonopin? mi amigo dice que si"


@pytest.fixture(scope="module")
def document() -> FaqDocument:
    return load_faq(FAQ_PATH)


def _model(entry_id: str, threshold: float = 0.8, **levels: float) -> FaqModel:
    """A hand-made model that reads "amigo" as a question about ``entry_id``."""
    classes = (NONE, "euphoria", "dosage", "mania")
    row = [6.0 if name == entry_id else 0.0 for name in classes]
    return FaqModel(classes, [1.0, 0.0, 0.0, 0.0], {"w:amigo": row}, Trust(threshold, **levels))


def test_the_model_answers_what_the_matcher_only_offered(document: FaqDocument) -> None:
    alone = FaqMatcher(document).match(STORY)
    assert alone.kind != "answer"
    assert alone.candidates[0].entry_id == "euphoria"
    assert FaqMatcher(document, _model("euphoria")).match(STORY).entry_id == "euphoria"


def test_the_model_settles_only_between_entries_the_matcher_offered(
    document: FaqDocument,
) -> None:
    offered = [c.entry_id for c in FaqMatcher(document).match(STORY).candidates]
    assert offered[:2] == ["euphoria", "dosage"]
    assert "mania" not in offered
    # Reading the runner-up: answered only when picking is allowed and the model sure.
    assert FaqMatcher(document, _model("dosage")).match(STORY).kind != "answer"
    picked = FaqMatcher(document, _model("dosage", pick=0.9)).match(STORY)
    assert picked.entry_id == "dosage"
    assert picked.candidates[0].entry_id == "dosage"  # the answer goes first
    # An entry the matcher never offered is never answered, however sure the model.
    unoffered = FaqMatcher(document, _model("mania", pick=0.5))
    assert unoffered.match(STORY).kind != "answer"
    unsure = FaqMatcher(document, _model("euphoria", threshold=0.9999))
    assert unsure.match(STORY).kind != "answer"


def test_a_dissenting_model_turns_an_answer_into_did_you_mean(document: FaqDocument) -> None:
    question = "amigo, is 2mg of klonopin a lot, will it get me high"
    alone = FaqMatcher(document).match(question)
    assert alone.entry_id == "dosage"
    assert "euphoria" in [c.entry_id for c in alone.candidates]
    dissent = FaqMatcher(document, _model("euphoria", dissent=0.9)).match(question)
    assert dissent.kind == "clarify"
    assert [c.entry_id for c in dissent.candidates] == ["dosage", "euphoria"]
    # Agreeing, or not sure enough to dissent: the answer stands.
    assert FaqMatcher(document, _model("dosage", dissent=0.9)).match(question) == alone
    assert FaqMatcher(document, _model("euphoria")).match(question) == alone


def test_a_question_written_into_the_faq_keeps_its_answer(document: FaqDocument) -> None:
    # A moderator's alias of the dosage entry, word for word: the model may not overrule it,
    # however sure, until it is retrained; a paraphrase of it may still be questioned.
    alias = "is my dose of clonazepam high"
    sure = FaqModel(
        (NONE, "euphoria", "dosage"), [0.0, 9.0, 0.0], {}, Trust(0.8, dissent=0.5)
    )
    matcher = FaqMatcher(document, sure)
    assert "euphoria" in [c.entry_id for c in matcher.consult(alias).outcome.candidates]
    assert matcher.match(alias).entry_id == "dosage"
    assert matcher.match("is my dose of clonazepam high, be honest").kind == "clarify"


def test_the_model_never_widens_the_faq(document: FaqDocument) -> None:
    matcher = FaqMatcher(document, _model("euphoria"))
    # A topic the answers do not cover (pregnancy) still gets no answer.
    covered_not = "amigo, does klonopin get you high when you are pregnant"
    assert FaqMatcher(document).match(covered_not).candidates[0].entry_id == "euphoria"
    assert matcher.match(covered_not).kind != "answer"
    # Nor does a message with nothing tying it to the medicine.
    unanchored = "se siente uno high con el vino? mi amigo dice que si"
    assert FaqMatcher(document).match(unanchored).candidates[0].entry_id == "euphoria"
    assert matcher.match(unanchored).kind != "answer"


def test_the_packaged_model_is_used_and_answers_what_the_matcher_alone_does_not(
    document: FaqDocument,
) -> None:
    # A phrasing in no evaluation set: the model generalises from words, not from texts.
    question = "ey does clonazepam give u a lil buzz or nah, mi amigo swears it does"
    shipped = matcher_for(document)
    assert shipped.model is not None
    assert FaqMatcher(document).match(question).kind != "answer"
    assert shipped.match(question).entry_id == "euphoria"


def test_training_is_deterministic_and_learns_the_entries(
    document: FaqDocument, tmp_path: Path
) -> None:
    matcher = FaqMatcher(document)
    texts = {
        "euphoria": ["does it make you feel good", "feeling happy on it", "nice warm feeling"],
        "dosage": ["how many milligrams a day", "what amount is usual", "biggest amount a day"],
        NONE: ["who are the mods here", "how do i change my nickname", "good morning all"],
    }
    examples = [
        Example(text, tuple(matcher.features(text)), label, "set")
        for label, group in texts.items()
        for text in group * 10
    ]
    first = train(examples, classes_of(matcher))
    second = train(examples, classes_of(matcher))
    assert first.to_json() == second.to_json()
    assert first.reading(matcher.features("feeling good and warm"))[0] == "euphoria"
    assert first.reading(matcher.features("what amount a day"))[0] == "dosage"
    path, again = tmp_path / "m.json.gz", tmp_path / "again.json.gz"
    save_model(first, path)
    save_model(second, again)
    assert path.read_bytes() == again.read_bytes()
    loaded = read_model(path)
    assert loaded is not None
    assert loaded.to_json() == first.to_json()


def test_a_missing_or_broken_model_leaves_the_matcher_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert load_model(tmp_path / "missing.json.gz") is None
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(ModelFileError, match="not a usable FAQ model"):
        read_model(broken)
    with caplog.at_level(logging.WARNING):
        assert load_model(broken) is None
    assert "the matcher works alone" in caplog.text


def test_the_rule_of_the_second_opinion() -> None:
    trust = Trust(confirm=0.6, pick=0.8, dissent=0.9)
    open_ = Offer(False, ("a", "b", "c"), frozenset({"a", "b"}))
    assert second_opinion(open_, "a", 0.6, trust) == Opinion("answer", "a")
    assert second_opinion(open_, "a", 0.59, trust).action == "keep"
    assert second_opinion(open_, "b", 0.8, trust) == Opinion("answer", "b")
    assert second_opinion(open_, "b", 0.7, trust).action == "keep"
    # Not answerable (scope rules), or not offered by the matcher: never.
    assert second_opinion(open_, "c", 0.99, trust).action == "keep"
    assert second_opinion(open_, "z", 0.99, trust).action == "keep"
    answered = Offer(True, ("a", "b"), frozenset())
    assert second_opinion(answered, "b", 0.9, trust) == Opinion("ask", "b")
    assert second_opinion(answered, "b", 0.89, trust).action == "keep"
    assert second_opinion(answered, "a", 0.99, trust).action == "keep"


def test_the_trust_levels_weigh_a_wrong_answer_as_ten_missed_ones() -> None:
    def reading(label: str, read: str, probability: float) -> Reading:
        return Reading(label, Offer(False, ("a", "b"), frozenset({"a", "b"})), read, probability)

    # Sure readings are right; of the unsure ones, five are right and one is wrong.
    readings = [reading("a", "a", 0.9)] * 20 + [reading("a", "a", 0.55)] * 5
    readings.append(reading("b", "a", 0.55))
    best, alone = choose_trust(readings, wrong_cost=10)
    assert (alone.right, alone.wrong) == (0, 0)
    assert 0.55 < best.trust.confirm <= 0.9
    assert (best.right, best.wrong) == (20, 0)
    # Were a wrong answer cheap, five more right answers would be worth the wrong one.
    cheap, _ = choose_trust(readings, wrong_cost=0.1)
    assert cheap.trust.confirm <= 0.55
    assert (cheap.right, cheap.wrong) == (25, 1)
