"""A statistical second opinion on crisis messages: a linear model over word n-grams.

The rules in ``lexicon.yaml`` catch what moderators wrote down; people in crisis keep finding
words nobody wrote down ("finished the pack, all 28", "picked the spot by the river"). This
model reads the same cleaned tokens as the rules (look-alike letters, spacing and leetspeak
already undone) and weighs every word and word pair it has seen in labelled messages: the
crisis sets and the ordinary chat and FAQ questions in ``tests/eval``. It is trained offline
(``make model``, see ``train.py``) into ``crisis_model.json.gz``; at run time it only adds up
weights, so it needs no dependency and costs a few microseconds a message.

It can only add alarms, never silence the rules: the detector escalates when either says so.
Its alarm threshold is chosen by ``train.py`` on voices the folds never saw, so that it adds
false alarms to at most half a percent of ordinary messages the rules let pass.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.crisis.result import Category
from bot.linear import LinearModel, read_json_gz, write_json_gz

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("crisis_model.json.gz")
OK = "ok"  # the class of messages that must not escalate
EVIDENCE = 4  # words and word pairs shown to staff with a model alarm
STEM = 5  # letters of a longer word that also count as a feature of their own
#: Stands for the words of an idiom ("to die for"): see ``CrisisDetector.model_tokens``.
IDIOM_TOKEN = "<idiom>"  # noqa: S105 - a token, not a secret

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?(?:mg|ml|x)?$")


def features(tokens: Sequence[str]) -> list[str]:
    """The words, word pairs and word starts of a cleaned message, numbers folded."""
    words = [_word(token) for token in tokens if token.strip()]
    found = list(words)
    found.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    # The start of a longer word stands for its other forms ("overdosed", "overdosing").
    found.extend(f"{word[:STEM]}~" for word in words if len(word) > STEM)
    found.append("<len>" if len(words) > 25 else "<short>")
    return found


def _word(token: str) -> str:
    token = token.lower()
    if _NUMBER.match(token):
        try:
            value = float(token.rstrip("mlx").replace(",", "."))
        except ValueError:
            return "<num>"
        return "<num-big>" if value >= 10 else "<num>"
    return token


@dataclass(frozen=True, slots=True)
class ModelVerdict:
    """The model's reading of one message: the likeliest crisis and how sure it is."""

    category: Category
    probability: float  # that the message needs a human, 0-1
    evidence: tuple[str, ...]  # the words and word pairs that weighed most towards it


class CrisisModel(LinearModel):
    """Multinomial logistic regression over ``features``: one class per category plus ok."""

    def __init__(
        self,
        classes: Sequence[str],
        bias: Sequence[float],
        weights: Mapping[str, Sequence[float]],
        threshold: float,
    ) -> None:
        if OK not in classes:
            raise ValueError("a crisis model needs an 'ok' class")
        super().__init__(classes, bias, weights)
        self.threshold = threshold
        self._ok = self.classes.index(OK)

    def probabilities(self, tokens: Sequence[str]) -> list[float]:
        """Probability of each class (in ``classes`` order) for a cleaned message."""
        return self.probabilities_of(features(tokens))

    def verdict(self, tokens: Sequence[str]) -> ModelVerdict | None:
        """The likeliest crisis category when the message reads as a crisis, else None."""
        found = features(tokens)
        probabilities = self.probabilities_of(found)
        crisis = 1.0 - probabilities[self._ok]
        if crisis < self.threshold:
            return None
        best = max(
            (number for number in range(len(self.classes)) if number != self._ok),
            key=probabilities.__getitem__,
        )
        pulls: dict[str, float] = {}
        for feature in found:
            row = self.weights.get(feature)
            if row is not None and feature[0] != "<" and feature[-1] != "~":
                pulls[feature] = row[best] - row[self._ok]
        evidence = sorted((f for f, pull in pulls.items() if pull > 0), key=lambda f: -pulls[f])
        return ModelVerdict(Category(self.classes[best]), crisis, tuple(evidence[:EVIDENCE]))

    def to_json(self) -> dict[str, object]:
        """The model as plain data (what ``load_model`` reads)."""
        return {**self.parameters_json(), "threshold": round(self.threshold, 4)}


class ModelFileError(ValueError):
    """The model file exists but cannot be used."""


def read_model(path: Path | None = None) -> CrisisModel | None:
    """Read a trained model; None when the file is missing, ModelFileError when broken."""
    path = MODEL_PATH if path is None else path
    if not path.exists():
        return None
    try:
        data = read_json_gz(path)
        model = CrisisModel(
            data["classes"], data["bias"], data["weights"], float(data["threshold"])
        )
        for name in model.classes:  # every class but ok is a crisis category
            if name != OK:
                Category(name)
        if len(model.bias) != len(model.classes) or not 0.0 < model.threshold < 1.0:
            raise ValueError("bias or threshold out of shape")
    except (OSError, EOFError, ValueError, KeyError, TypeError) as error:
        reason = type(error).__name__
        raise ModelFileError(f"{path}: not a usable crisis model ({reason})") from error
    return model


def load_model(path: Path | None = None) -> CrisisModel | None:
    """The model at ``path``, or None when it is missing or broken: the rules then work alone.

    A broken file never stops the bot; it is logged (without any message text).
    """
    try:
        return read_model(path)
    except ModelFileError as error:
        logger.warning("crisis model not loaded, rules work alone: %s", error)
        return None


def save_model(model: CrisisModel, path: Path) -> None:
    """Write ``model`` where ``load_model`` reads it (gzip-compressed JSON, stable order)."""
    write_json_gz(model.to_json(), path)
