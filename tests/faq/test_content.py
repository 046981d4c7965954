"""What members read: the shipped faq.yaml says only what the sources say, and fits Discord."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.faq.loader import load_faq
from bot.faq.models import (
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    Entry,
    FaqDocument,
)
from bot.render import EMBED_TOTAL_MAX, embed_length, sources_field

FAQ_PATH = Path(__file__).parents[2] / "faq.yaml"

REQUIRED_IDS = {
    # the article's own FAQ
    "depression",
    "benzodiazepine-class",
    "long-term-use",
    "euphoria",
    "alternatives",
    "xanax-comparison",
    "dosage",
    "talkativeness",
    "iq-cognition",
    "mania",
    # the article's body
    "what-is-klonopin",
    "how-it-works",
    "addiction-risk",
    "withdrawal-detox",
    "get-help",
}
SOURCE_KEYS = {
    "maust2019",
    "kacirova2016",
    "chang2024",
    "statpearls2023",
    "mogavero2024",
    "ardu-article",
}
CENTER_PHONE = "801-872-8480"
PROVIDER_ADVICE = "healthcare provider"
# Every number the seed article states; answers may use no other.
_SEED_NUMBER_TEXT = "2019 2018 30.6 5.3 20 2016 6 12 24 7 0.25 4 0.5 2 801 872 8480"
SEED_NUMBERS = frozenset(_SEED_NUMBER_TEXT.split())
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def document() -> FaqDocument:
    return load_faq(FAQ_PATH)


def paragraphs(entry: Entry) -> list[str]:
    return [part.strip() for part in entry.answer.split("\n\n") if part.strip()]


def test_the_file_points_editors_at_the_schema() -> None:
    first_line = FAQ_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=faq.schema.json"


def test_the_entries_are_exactly_the_required_topics(document: FaqDocument) -> None:
    ids = [entry.id for entry in document.entries]
    assert len(ids) == len(set(ids))
    assert set(ids) == REQUIRED_IDS


def test_the_sources_table_holds_the_seed_references(document: FaqDocument) -> None:
    assert set(document.sources) == SOURCE_KEYS
    assert document.sources["maust2019"].doi == "10.1176/appi.ps.201800321"
    assert document.sources["kacirova2016"].doi == "10.1097/MD.0000000000002881"
    assert document.sources["chang2024"].doi == "10.1016/j.biopha.2024.116329"
    assert document.sources["mogavero2024"].doi == "10.1111/cns.14569"
    assert document.sources["statpearls2023"].url == "https://www.ncbi.nlm.nih.gov/books/NBK556010/"
    # The seed gives no address for the article itself: none is invented.
    article = document.sources["ardu-article"]
    assert article.url is None
    assert article.doi is None
    assert "Drew Redd" in (article.authors or "")


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_IDS))
def test_every_entry_cites_known_sources(document: FaqDocument, entry_id: str) -> None:
    entry = document.entry(entry_id)
    assert entry.sources
    assert set(entry.sources) <= SOURCE_KEYS


def test_figures_cite_the_study_they_come_from(document: FaqDocument) -> None:
    assert "maust2019" in document.entry("addiction-risk").sources
    assert "kacirova2016" in document.entry("addiction-risk").sources
    assert "chang2024" in document.entry("how-it-works").sources
    assert document.entry("dosage").sources == ["statpearls2023"]
    assert "mogavero2024" in document.entry("what-is-klonopin").sources


def test_get_help_gives_the_centers_line(document: FaqDocument) -> None:
    answer = document.entry("get-help").answer
    assert CENTER_PHONE in answer
    assert "Ardu Recovery Center" in answer
    assert "Provo, Utah" in answer


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_IDS - {"get-help"}))
def test_medication_answers_end_with_provider_advice(document: FaqDocument, entry_id: str) -> None:
    last = paragraphs(document.entry(entry_id))[-1]
    assert PROVIDER_ADVICE in last.lower()


def test_the_dosage_answer_states_only_the_seed_figures(document: FaqDocument) -> None:
    answer = document.entry("dosage").answer
    doses = set(re.findall(r"(\d+(?:\.\d+)?) mg", answer))
    assert doses == {"0.25", "4", "0.5", "2"}
    assert "0.25 mg twice a day" in answer
    assert "at most 4 mg a day" in answer
    assert "between 0.5 mg and 2 mg a day" in answer
    assert "not advice for you" in answer
    assert "never change your dose" in answer


def test_answers_use_no_number_the_seed_does_not_state(document: FaqDocument) -> None:
    for entry in document.entries:
        found = set(NUMBER.findall(entry.answer))
        assert found <= SEED_NUMBERS, f"{entry.id}: {sorted(found - SEED_NUMBERS)}"


def test_lost_lists_are_not_invented(document: FaqDocument) -> None:
    # The seed lost its list of differences between Klonopin and Xanax.
    comparison = document.entry("xanax-comparison").answer
    assert "-" not in comparison.replace("-in-", "")
    assert "doesn't spell those differences out" in comparison


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_IDS))
def test_entries_fit_discord_embeds(document: FaqDocument, entry_id: str) -> None:
    entry = document.entry(entry_id)
    assert len(entry.question) <= EMBED_TITLE_MAX
    assert len(entry.answer) <= EMBED_DESCRIPTION_MAX
    assert len(sources_field(entry, document.sources)) <= EMBED_FIELD_VALUE_MAX
    assert embed_length(entry, document.sources) <= EMBED_TOTAL_MAX


def test_entries_are_reviewed_and_linked(document: FaqDocument) -> None:
    ids = {entry.id for entry in document.entries}
    for entry in document.entries:
        assert entry.reviewed.isoformat() == "2026-11-23"
        assert entry.reviewed_by.strip()
        assert entry.related, f"{entry.id} has no related entries"
        assert set(entry.related) <= ids - {entry.id}
        assert len(entry.aliases) >= 8, f"{entry.id} needs more ways of asking"
        assert entry.keywords


def test_slang_is_in_the_synonyms_table(document: FaqDocument) -> None:
    klonopin = set(document.synonyms["klonopin"])
    assert {"clonazepam", "kpin", "kpins", "k-pin", "k-pins", "klonnies"} <= klonopin
    assert {"alprazolam", "xans", "xannies", "bars"} <= set(document.synonyms["xanax"])
    assert {"benzodiazepine", "benzos"} <= set(document.synonyms["benzo"])
    assert "diazepam" in document.synonyms["valium"]
    assert "lorazepam" in document.synonyms["ativan"]
