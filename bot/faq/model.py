"""A statistical second opinion on which entry a question asks about.

The matcher scores a question by how much of it an entry's texts explain. A member who
tells a story first, writes half in another language, or asks in words nobody put in
``faq.yaml`` leaves much of the message unexplained, so the right entry often ranks first
yet scores too low to answer, and the member gets "did you mean" or the topic list.

This model reads the same analysed terms (synonyms, typo correction and stems already
applied) and weighs every term and term pair it has seen in thousands of labelled
questions (``tests/eval/faq_*.yaml``, plus the FAQ's own questions and aliases), with one
class per entry id and one for questions the FAQ does not answer. It never picks an entry
on its own: it only confirms the matcher's first choice, when it reads the same entry with
at least the model's threshold of probability (see ``FaqMatcher.match`` for the other
conditions). A question the model has no class for (a new entry) just goes without.

Trained offline (``make model``, see ``train.py``) into ``faq_model.json.gz``; retrain
after renaming entries or adding many questions to the evaluation sets.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.faq.opinion import NEVER, Trust
from bot.linear import LinearModel, read_json_gz, write_json_gz

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("faq_model.json.gz")
NONE = "none"  # the class of questions the FAQ does not answer


def features(terms: Sequence[str], words: Sequence[str]) -> list[str]:
    """Analysed terms, their pairs in order, and the surface words (marked ``w:``)."""
    found = list(terms)
    found.extend(f"{a} {b}" for a, b in itertools.pairwise(terms))
    found.extend(f"w:{word}" for word in words)
    return found


class FaqModel(LinearModel):
    """Multinomial logistic regression: one class per entry id, plus ``none``."""

    def __init__(
        self,
        classes: Sequence[str],
        bias: Sequence[float],
        weights: Mapping[str, Sequence[float]],
        trust: Trust,
    ) -> None:
        if NONE not in classes:
            raise ValueError("an FAQ model needs a 'none' class")
        super().__init__(classes, bias, weights)
        self.trust = trust

    def reading(self, found: Sequence[str]) -> tuple[str, float]:
        """The class the model reads for a question's features, and its probability."""
        probabilities = self.probabilities_of(found)
        best = max(range(len(self.classes)), key=probabilities.__getitem__)
        return self.classes[best], probabilities[best]

    def to_json(self) -> dict[str, object]:
        """The model as plain data (what ``read_model`` reads)."""
        trust = {
            "confirm": self.trust.confirm, "pick": self.trust.pick, "dissent": self.trust.dissent
        }
        return {**self.parameters_json(), "trust": trust}


class ModelFileError(ValueError):
    """The model file exists but cannot be used."""


def read_model(path: Path | None = None) -> FaqModel | None:
    """Read a trained model; None when the file is missing, ModelFileError when broken."""
    path = MODEL_PATH if path is None else path
    if not path.exists():
        return None
    try:
        data = read_json_gz(path)
        trust = Trust(**{key: float(value) for key, value in data["trust"].items()})
        model = FaqModel(data["classes"], data["bias"], data["weights"], trust)
        levels = (trust.confirm, trust.pick, trust.dissent)
        if len(model.bias) != len(model.classes) or not all(0.0 < t <= NEVER for t in levels):
            raise ValueError("bias or trust out of shape")
        if any(len(row) != len(model.classes) for row in model.weights.values()):
            raise ValueError("a weight row out of shape")
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError) as error:
        reason = type(error).__name__
        raise ModelFileError(f"{path}: not a usable FAQ model ({reason})") from error
    return model


def load_model(path: Path | None = None) -> FaqModel | None:
    """The model at ``path``, or None when it is missing or broken: the matcher works alone.

    A broken file never stops the bot; it is logged (without any message text).
    """
    try:
        return read_model(path)
    except ModelFileError as error:
        logger.warning("FAQ model not loaded, the matcher works alone: %s", error)
        return None


def save_model(model: FaqModel, path: Path) -> None:
    """Write ``model`` where ``read_model`` reads it (gzip-compressed JSON, stable order)."""
    write_json_gz(model.to_json(), path)
