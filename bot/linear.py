"""Multinomial logistic regression over string features, shared by the bot's two models.

The crisis model (``bot.crisis.model``) and the FAQ model (``bot.faq.model``) are both
linear models over words and word pairs: one weight per feature and class, trained
offline by plain averaged stochastic gradient descent with a fixed seed (the same data
always gives the same file), stored as gzip-compressed JSON. At run time they only add up
weights, so they need no dependency and cost microseconds a message.
"""

from __future__ import annotations

import gzip
import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


class LinearModel:
    """Class probabilities from the weights of the features a message has."""

    def __init__(
        self,
        classes: Sequence[str],
        bias: Sequence[float],
        weights: Mapping[str, Sequence[float]],
    ) -> None:
        self.classes = tuple(classes)
        self.bias = tuple(bias)
        self.weights = weights

    def probabilities_of(self, found: Iterable[str]) -> list[float]:
        """Probability of each class (in ``classes`` order) for a message's features."""
        scores = list(self.bias)
        for feature in dict.fromkeys(found):  # each once, in a fixed order: same sums every run
            row = self.weights.get(feature)
            if row is not None:
                for number, weight in enumerate(row):
                    scores[number] += weight
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return [value / total for value in exps]

    def parameters_json(self) -> dict[str, Any]:
        """Classes, bias and weights as plain data, rounded as they are stored."""
        return {
            "classes": list(self.classes),
            "bias": [round(value, 4) for value in self.bias],
            "weights": {
                feature: [round(value, 3) for value in row]
                for feature, row in sorted(self.weights.items())
            },
        }


def fit(
    examples: Sequence[tuple[Sequence[str], str]],
    classes: Sequence[str],
    *,
    epochs: int = 12,
    rate: float = 0.2,
    min_count: int = 2,
    seed: int = 7,
) -> tuple[list[float], dict[str, list[float]]]:
    """Bias and weights fitted to ``(features, label)`` examples.

    Features seen in fewer than ``min_count`` examples are left out, and so are features
    whose averaged weights all round to nothing.
    """
    counts = Counter(f for found, _ in examples for f in set(found))
    kept = sorted(f for f, c in counts.items() if c >= min_count)
    vocabulary = {f: n for n, f in enumerate(kept)}
    k = len(classes)
    rows = [
        (sorted({vocabulary[f] for f in found if f in vocabulary}), classes.index(label))
        for found, label in examples
    ]
    weights = [[0.0] * k for _ in vocabulary]
    bias = [0.0] * k
    total_w = [[0.0] * k for _ in vocabulary]  # running sums for averaging
    total_b = [0.0] * k
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle  # noqa: S311 - reproducible order, not secrecy
    for epoch in range(epochs):
        shuffle(order)
        step_rate = rate / (1.0 + epoch)
        for number in order:
            ids, label = rows[number]
            scores = bias[:]
            for i in ids:
                row = weights[i]
                for c in range(k):
                    scores[c] += row[c]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            norm = sum(exps)
            for c in range(k):
                grad = exps[c] / norm - (1.0 if c == label else 0.0)
                if grad == 0.0:
                    continue
                delta = step_rate * grad
                bias[c] -= delta
                for i in ids:
                    weights[i][c] -= delta
        for c in range(k):  # average the end of every epoch: smoother than the last one
            total_b[c] += bias[c]
        for i, row in enumerate(weights):
            acc = total_w[i]
            for c in range(k):
                acc[c] += row[c]
    averaged = {
        f: [value / epochs for value in total_w[i]]
        for f, i in vocabulary.items()
        if any(abs(value / epochs) >= 0.0005 for value in total_w[i])
    }
    return [value / epochs for value in total_b], averaged


def write_json_gz(payload: Mapping[str, Any], path: Path) -> None:
    """Write ``payload`` as gzip-compressed JSON, the same bytes for the same payload."""
    text = json.dumps(payload, separators=(",", ":"), sort_keys=True)
    # No file name or time in the gzip header: the same model is the same bytes.
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))


def read_json_gz(path: Path) -> Any:
    """The JSON document in a gzip file (errors are the caller's to explain)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)
