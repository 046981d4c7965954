"""Word knowledge for the crisis detector: a real-word list, typo correction, segmentation.

Typo correction is guarded by a dictionary so real words are never "corrected" into
crisis terms ("skills" stays "skills", "diet" stays "diet"). The dictionary is the union
of two word lists that ship with their packages (nothing is downloaded at run time):
``english-words`` (Webster's 2nd and GCIDE: broad but without inflections) and the
frequency list of ``pyspellchecker`` (inflected forms, with counts used to segment words
that were written without spaces). Both load lazily, once per process.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from bot.english import dictionary_words

#: Words shorter than this are never corrected (too many real neighbours).
MIN_CORRECTABLE = 4
#: From this length a word may be two edits away from its correction.
TWO_EDITS_FROM = 8
#: Words seen fewer times than this in the frequency list are not used to segment.
SEGMENT_MIN_COUNT = 200
_MAX_SEGMENT_LEN = 40
#: Pieces this short may stand next to each other in a split only when both are glue.
_SHORT_PIECE = 2


@cache
def word_counts() -> Mapping[str, int]:
    """Word -> corpus count from pyspellchecker's English list (loaded once)."""
    path = resources.files("spellchecker") / "resources" / "en.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        counts: dict[str, int] = json.load(text)
    return counts


#: Endings of medicine names (beta blockers "-olol", ACE inhibitors "-pril", statins,
#: benzodiazepines...): a word with one is a medicine, never split into pieces nor
#: corrected ("metoprolol" is not "me to pro lol", "atenolol" not "ate no lol").
MEDICINE_ENDINGS = (
    "olol", "ilol", "alol", "pril", "sartan", "statin", "statins", "azepam", "azolam",
    "prazole", "oxetine", "triptan", "xaban", "gliptin", "formin", "tidine", "dipine", "afil",
    "azosin", "cillin", "mycin", "cycline", "floxacin", "semide", "thiazide", "tiapine",
    "ramate", "oxicam", "profen", "setron", "tropium", "glutide", "flozin", "lukast",
    "dronate", "ipramine", "triptyline", "vudine", "navir", "conazole",
)
#: Common medicine names (generic and brand) the word lists lack or would split.
MEDICINES = frozenset(
    {
        "neurontin", "memantine", "finasteride", "diphenhydramine", "apixaban", "eliquis",
        "xarelto", "plavix", "ozempic", "wegovy", "mounjaro", "jardiance", "farxiga",
        "synthroid", "levothyroxine", "lexapro", "zoloft", "prozac", "wellbutrin", "seroquel",
        "abilify", "lamictal", "lyrica", "keppra", "depakote", "tegretol", "trileptal",
        "cymbalta", "effexor", "pristiq", "trintellix", "remeron", "buspar", "vistaril",
        "atarax", "ambien", "lunesta", "sonata", "restoril", "topamax", "imitrex", "crestor",
        "lipitor", "zocor", "norvasc", "toprol", "lopressor", "coreg", "lasix", "coumadin",
        "glucophage", "januvia", "trulicity", "victoza", "lantus", "humalog", "novolog",
        "flomax", "proscar", "aricept", "namenda", "sinemet", "requip", "mirapex",
        "flexeril", "zanaflex", "mobic", "celebrex", "ultram", "suboxone", "subutex",
        "naltrexone", "vivitrol", "antabuse", "campral", "acamprosate", "gabapentin",
        "pregabalin", "lamotrigine", "levetiracetam", "carbamazepine", "oxcarbazepine",
        "clopidogrel", "warfarin", "digoxin", "diltiazem", "verapamil", "amiodarone",
        "spironolactone", "buspirone", "mirtazapine", "bupropion", "venlafaxine",
        "duloxetine", "sertraline", "escitalopram", "citalopram", "aripiprazole",
        "olanzapine", "risperidone", "lurasidone", "clozapine", "lithium", "zolpidem",
        "eszopiclone", "zopiclone", "sumatriptan", "montelukast", "tamsulosin",
        "allopurinol", "colchicine", "prednisone", "prednisolone", "methotrexate",
        "statin", "statins", "metoprolol", "atenolol", "carvedilol", "metformin",
    }
)


def is_medicine(word: str) -> bool:
    """True if ``word`` is a medicine name, by the list or by a medicine ending."""
    return word in MEDICINES or (
        len(word) > 6 and word.isalpha() and word.endswith(MEDICINE_ENDINGS)
    )


@cache
def english_words() -> frozenset[str]:
    """Every real English word the detector knows, lower-case letters only."""
    return dictionary_words() | frozenset(w for w in word_counts() if w.isalpha()) | MEDICINES


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition counts as one edit).

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


#: At most this many doubled letters are undone one by one (2**n readings).
MAX_DOUBLED_RUNS = 6


def undoubled_readings(word: str) -> list[str]:
    """Readings of ``word`` with some of its doubled letters written once, fewest changes first.

    Normalisation leaves a stretched letter doubled ("diiiieee" -> "diiee"), but the writer
    may have meant it once or twice ("die", "kill"), so every choice is a reading. Past
    ``MAX_DOUBLED_RUNS`` doubled letters only the fully undoubled reading is given.
    """
    runs = [i for i in range(len(word) - 1) if word[i] == word[i + 1]]
    if not runs:
        return []
    if len(runs) > MAX_DOUBLED_RUNS:
        return [_undouble(word, runs)]
    readings: list[tuple[int, str]] = []
    for mask in range(1, 1 << len(runs)):
        chosen = [run for bit, run in enumerate(runs) if mask >> bit & 1]
        readings.append((len(chosen), _undouble(word, chosen)))
    readings.sort(key=lambda item: item[0])
    return list(dict.fromkeys(reading for _, reading in readings))


def _undouble(word: str, runs: Sequence[int]) -> str:
    """``word`` with the letter at each index in ``runs`` (the first of a pair) dropped."""
    drop = set(runs)
    return "".join(ch for i, ch in enumerate(word) if i not in drop)


def allowed_edits(word: str) -> int:
    """How many edits a misspelling of this length may be from its correction."""
    return 2 if len(word) >= TWO_EDITS_FROM else 1


class Corrector:
    """Maps a misspelt word to the one lexicon word it is closest to (symmetric deletions).

    Only the words of the lexicon are targets, so correction can only ever produce a word
    the lexicon uses; the caller decides whether a word may be corrected at all.
    """

    def __init__(self, targets: Iterable[str]) -> None:
        self._index: dict[str, set[str]] = {}
        for target in targets:
            for variant in _deletions(target, 2):
                self._index.setdefault(variant, set()).add(target)

    def correct(self, word: str) -> str | None:
        """The closest target within the allowed edits, or None.

        Ties go to a target whose doubled letter was written once, then to one with a
        single letter left out, then to the target closest in length, then a-z.
        """
        limit = allowed_edits(word)
        candidates: set[str] = set()
        for variant in _deletions(word, limit):
            candidates |= self._index.get(variant, set())
        best: tuple[int, bool, bool, int, str] | None = None
        for target in candidates:
            distance = edit_distance(word, target, limit)
            if distance <= limit:
                key = (
                    distance,
                    not _dropped_double(word, target),
                    not _dropped_letter(word, target),
                    abs(len(target) - len(word)),
                    target,
                )
                if best is None or key < best:
                    best = key
        return best[-1] if best is not None else None


def _dropped_double(word: str, target: str) -> bool:
    """True if ``word`` is ``target`` with one of its doubled letters written once.

    The commonest typo ("pils", "cuting"), so it wins ties against substitutions.
    """
    if len(target) != len(word) + 1:
        return False
    return any(
        target[i] == target[i + 1] and target[:i] + target[i + 1 :] == word
        for i in range(len(target) - 1)
    )


def _dropped_letter(word: str, target: str) -> bool:
    """True if ``word`` is ``target`` with one letter left out ("overdosng").

    Leaving a letter out is a commoner slip than typing a wrong one, so it wins ties.
    """
    if len(target) != len(word) + 1:
        return False
    return any(target[:i] + target[i + 1 :] == word for i in range(len(target)))


#: The only one- and two-letter pieces a run of letters may be split into: a drug name
#: like "propranolol" must not come apart into "prop ra no lol" (a negation and a joke).
_SHORT_PIECES = frozenset(
    {
        "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in",
        "is", "it", "me", "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us",
        "we", "im", "ur", "bf", "gf", "ex", "rn", "ya", "od", "sh",
    }
)


#: Short pieces that may stand next to each other ("od on", "my bf", "go to"); never a
#: lone letter or an interjection ("od i sh a", "od hi ambo" are a name crumbled).
_GLUE_PIECES = _SHORT_PIECES - {"a", "i", "hi", "oh", "ok", "ya"}


def _whole_piece(word: str) -> bool:
    """True for a word a segmentation may use as one of its pieces."""
    return len(word) > 2 or word in _SHORT_PIECES


class Segmenter:
    """Splits a run of letters into known words ("killmyself" -> "kill myself").

    Dynamic programming over split points: fewest words first, then the most common
    words. Every piece must be a lexicon word or a common English word.
    """

    def __init__(self, lexicon_words: Iterable[str], counts: Mapping[str, int]) -> None:
        self._cost: dict[str, float] = {}
        for word, count in counts.items():
            if count >= SEGMENT_MIN_COUNT and word.isalpha() and _whole_piece(word):
                self._cost[word] = 1.0 + 1.0 / math.log(count + 2)
        for word in lexicon_words:
            if _whole_piece(word):
                self._cost[word] = 1.0
        self._longest = max((len(w) for w in self._cost), default=1)

    def segment(self, token: str) -> list[str] | None:
        """The best split of ``token`` into two or more known words, or None."""
        n = len(token)
        if n > _MAX_SEGMENT_LEN:
            return None
        best: list[tuple[float, int] | None] = [None] * (n + 1)
        best[0] = (0.0, 0)
        for end in range(1, n + 1):
            for start in range(max(0, end - self._longest), end):
                previous = best[start]
                if previous is None:
                    continue
                cost = self._cost.get(token[start:end])
                if cost is None:
                    continue
                total = previous[0] + cost
                current = best[end]
                if current is None or total < current[0]:
                    best[end] = (total, start)
        if best[n] is None:
            return None
        pieces: list[str] = []
        end = n
        while end > 0:
            step = best[end]
            assert step is not None
            pieces.append(token[step[1] : end])
            end = step[1]
        pieces.reverse()
        if len(pieces) < 2 or _crumbled(pieces):
            return None
        return pieces


def _crumbled(pieces: list[str]) -> bool:
    """True if a word came apart into scraps: two short pieces in a row, not both glue.

    "odisha" is not "od i sh a", nor "odhiambo" "od hi ambo": a name or a foreign word
    split into letters and pairs is no message, while "imgonnaod" ("im gonna od"),
    "odonklonopin" ("od on klonopin") and "iwanttodie" are.
    """
    return any(
        len(first) <= _SHORT_PIECE
        and len(second) <= _SHORT_PIECE
        and not (first in _GLUE_PIECES and second in _GLUE_PIECES)
        for first, second in pairwise(pieces)
    )
