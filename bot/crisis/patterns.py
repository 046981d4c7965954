"""The lexicon's phrase language, compiled once into fast token matchers.

A phrase is a sequence of items separated by spaces, matched against whole tokens of the
normalised message (never inside a word):

``word``            one word (written as a person would: "can't" and "cant" are the same)
``a|b|{slot}``      any one of these alternatives
``{slot}``          any phrase listed under ``slots:`` (slots may use other slots)
``{number>=N}``     a number of at least N ("20", not "20.5"); ``{number}`` is any number
``[a|b]``           optional: one of these, or nothing
``(on top of|after)``  a group of alternatives that may be several words long
``[on top of]``     an optional several-word group
``...``             up to four other words, within one sentence
``^`` and ``$``     the start and the end of a clause (message edge, or . , ? ! ;)

Filler words (the lexicon's ``fillers:``, such as "really", "fucking", "just") may stand
between any two words of a phrase without being written there: "thinking seriously about
hurting him" matches "thinking about hurting {target}". At most ``MAX_FILLERS`` are
skipped per phrase, and never before its first word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

#: How many words ``...`` may skip.
GAP_WORDS = 4
#: How many filler words one phrase match may skip.
MAX_FILLERS = 2
#: Tokens that end a sentence: gaps never cross them.
SENTENCE_MARKS = frozenset(".?!;")
#: Tokens that end a clause (for ``^`` and ``$``).
CLAUSE_MARKS = frozenset(".?!;,")

_NUMBER_SLOT = re.compile(r"^number(?:>=(\d+))?$")
_SLOT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_EXPANSION = 20_000


class PhraseError(ValueError):
    """A phrase is not valid in the rule language."""


@dataclass(frozen=True, slots=True)
class AtLeast:
    """Matches a number token whose value is at least ``minimum`` (0: any number)."""

    minimum: int

    def accepts(self, token: str) -> bool:
        """True if ``token`` is a number this matcher accepts."""
        if not token[:1].isdigit():
            return False
        try:
            value = float(token)
        except ValueError:
            return False
        if self.minimum == 0:
            return True
        return value.is_integer() and value >= self.minimum


#: Stands for ``$`` used as one choice of a group: "[again|$]".
CLAUSE_END = AtLeast(-1)

Atom = str | AtLeast
Sequence_ = tuple[Atom, ...]


class _Node:
    """One node of a token trie: what may follow (words, numbers) and whether a match ends."""

    __slots__ = ("children", "ends", "ends_at_clause", "numbers")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.numbers: list[tuple[AtLeast, _Node]] = []  # number slots that may follow
        self.ends = False  # an alternative ends here
        self.ends_at_clause = False  # an alternative ends here, but only before a clause end

    def add(self, atoms: Sequence[Atom], at_clause_end: bool) -> None:
        """Insert one alternative (words and number slots)."""
        node = self
        for atom in atoms:
            if isinstance(atom, str):
                child = node.children.get(atom)
                if child is None:
                    child = node.children[atom] = _Node()
            else:
                child = next((n for a, n in node.numbers if a == atom), None)
                if child is None:
                    child = _Node()
                    node.numbers.append((atom, child))
            node = child
        if at_clause_end:
            node.ends_at_clause = True
        else:
            node.ends = True

    def following(self, token: str) -> list[_Node]:
        """The nodes reached from here by ``token`` (a word, or a number some slot accepts)."""
        child = self.children.get(token)
        found = [] if child is None else [child]
        if self.numbers and token[:1].isdigit():
            found.extend(n for atom, n in self.numbers if atom.accepts(token))
        return found


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a compiled phrase.

    All alternatives live in a token trie (numbers as edges of their own), so an element
    with thousands of alternatives sharing their first words ("my mom", "my dad", ...) is
    matched in one walk.
    """

    kind: str  # "words", "gap", "start" or "end"
    alternatives: tuple[Sequence_, ...] = ()
    optional: bool = False
    trie: _Node = field(default_factory=_Node)
    or_end: bool = False

    @classmethod
    def words(cls, alternatives: Sequence[Sequence_], optional: bool) -> Element:
        """An element matching any of ``alternatives`` (each a token sequence).

        An empty alternative stands for ``$``: the end of a clause.
        """
        or_end = (CLAUSE_END,) in alternatives
        unique = tuple(dict.fromkeys(a for a in alternatives if a and a != (CLAUSE_END,)))
        trie = _Node()
        for alt in unique:
            at_clause_end = alt[-1] is CLAUSE_END
            trie.add(alt[:-1] if at_clause_end else alt, at_clause_end)
        return cls("words", unique, optional, trie, or_end)

    def first_words(self) -> set[str]:
        """Literal words this element can start with."""
        return set(self.trie.children)

    def starts_with_number(self) -> bool:
        """True if some alternative starts with a number."""
        return bool(self.trie.numbers)

    def ends_at(
        self, tokens: Sequence[str], pos: int, fillers: frozenset[str] = frozenset()
    ) -> Iterator[int]:
        """Every position where a match of this element starting at ``pos`` ends, nearest first.

        Inside a several-word alternative up to ``MAX_FILLERS`` filler words are skipped.
        """
        size = len(tokens)
        if self.or_end and (pos == size or tokens[pos] in CLAUSE_MARKS):
            yield pos
        node = self.trie
        index = pos
        skipped = 0
        # One path through the trie, until a number could take more than one branch.
        while index < size:
            token = tokens[index]
            if node.numbers and token[:1].isdigit():
                yield from _branching_ends(tokens, node, index, pos, skipped, fillers)
                return
            child = node.children.get(token)
            if child is None:
                if index > pos and skipped < MAX_FILLERS and token in fillers:
                    index += 1
                    skipped += 1
                    continue
                return
            node = child
            index += 1
            if node.ends or (
                node.ends_at_clause and (index == size or tokens[index] in CLAUSE_MARKS)
            ):
                yield index
            if not node.children and not node.numbers:
                return


def _branching_ends(
    tokens: Sequence[str],
    node: _Node,
    index: int,
    pos: int,
    skipped: int,
    fillers: frozenset[str],
) -> Iterator[int]:
    """Ends of trie paths from ``node`` at ``index`` when a number may take several branches.

    Breadth first: every branch advances one token per round, so ends come in order.
    """
    size = len(tokens)
    frontier: list[tuple[_Node, int, int]] = [(node, index, skipped)]
    yielded: set[int] = set()
    while frontier:
        following: list[tuple[_Node, int, int]] = []
        for current, at, used in frontier:
            if at >= size:
                continue
            token = tokens[at]
            nodes = current.following(token)
            if not nodes:
                if at > pos and used < MAX_FILLERS and token in fillers:
                    following.append((current, at + 1, used + 1))
                continue
            end = at + 1
            for child in nodes:
                if end not in yielded and (
                    child.ends
                    or (child.ends_at_clause and (end == size or tokens[end] in CLAUSE_MARKS))
                ):
                    yielded.add(end)
                    yield end
                if child.children or child.numbers:
                    following.append((child, end, used))
        frontier = following


@dataclass(frozen=True, slots=True)
class Match:
    """Where a phrase matched: ``positions`` are the tokens its words used (not the gaps)."""

    start: int
    end: int
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A compiled phrase: ``text`` is the phrase as the lexicon wrote it."""

    text: str
    elements: tuple[Element, ...]

    def first_words(self) -> tuple[set[str], bool]:
        """Words a match can start with, and whether it can start with a number."""
        words: set[str] = set()
        numeric = False
        for element in self.elements:
            if element.kind == "start":
                continue
            if element.kind != "words":
                break
            words |= element.first_words()
            numeric = numeric or element.starts_with_number()
            if not element.optional and not element.or_end:
                break
        return words, numeric

    def match_at(
        self, tokens: Sequence[str], start: int, fillers: frozenset[str] = frozenset()
    ) -> Match | None:
        """The first (shortest) match starting exactly at ``start``, or None.

        Words in ``fillers`` may stand between the phrase's words (see the module doc).
        """
        for end, positions in self._walk(tokens, fillers, 0, start, (), 0):
            return Match(start, end, positions)
        return None

    def _walk(
        self,
        tokens: Sequence[str],
        fillers: frozenset[str],
        index: int,
        pos: int,
        used: tuple[int, ...],
        skipped: int,
    ) -> Iterator[tuple[int, tuple[int, ...]]]:
        if index == len(self.elements):
            yield pos, used
            return
        element = self.elements[index]
        kind = element.kind
        if kind == "start":
            if pos == 0 or tokens[pos - 1] in CLAUSE_MARKS:
                yield from self._walk(tokens, fillers, index + 1, pos, used, skipped)
            return
        if kind == "end":
            if pos == len(tokens) or tokens[pos] in CLAUSE_MARKS:
                yield from self._walk(tokens, fillers, index + 1, pos, used, skipped)
            return
        if kind == "gap":
            skip = 0
            while True:
                yield from self._walk(tokens, fillers, index + 1, pos + skip, used, skipped)
                if (
                    skip == GAP_WORDS
                    or pos + skip >= len(tokens)
                    or tokens[pos + skip] in SENTENCE_MARKS
                ):
                    return
                skip += 1
        if element.optional:
            yield from self._walk(tokens, fillers, index + 1, pos, used, skipped)
        for end in element.ends_at(tokens, pos, fillers):
            yield from self._walk(
                tokens, fillers, index + 1, end, (*used, *range(pos, end)), skipped
            )
        if used and skipped < MAX_FILLERS and pos < len(tokens) and tokens[pos] in fillers:
            yield from self._walk(tokens, fillers, index, pos + 1, used, skipped + 1)


SlotLookup = Callable[[str], Sequence[Sequence_]]


def _split_top(text: str, separator: str) -> list[str]:
    """Split ``text`` at ``separator`` characters that are outside any brackets."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text.strip():
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
            if depth < 0:
                raise PhraseError(f"unmatched '{ch}'")
        is_separator = ch.isspace() if separator == " " else ch == separator
        if is_separator and depth == 0:
            if current or separator != " ":
                parts.append(current)
            current = ""
        else:
            current += ch
    if depth != 0:
        raise PhraseError("a '[' or '(' is not closed")
    if current or (separator != " " and parts):
        parts.append(current)
    return parts


def split_items(text: str) -> list[str]:
    """Split a phrase into items, keeping ``[...]`` and ``(...)`` groups whole."""
    return _split_top(text, " ")


def _product(parts: list[list[Sequence_]]) -> list[Sequence_]:
    result: list[Sequence_] = [()]
    for options in parts:
        result = [(*prefix, *option) for prefix in result for option in options]
        if len(result) > _MAX_EXPANSION:
            raise PhraseError("phrase expands to too many alternatives; use '...' or fewer slots")
    return result


class PhraseCompiler:
    """Turns phrase text into ``Phrase`` objects, expanding slots and folding words."""

    def __init__(self, fold: Callable[[str], list[str]], slot: SlotLookup) -> None:
        self._fold = fold
        self._slot = slot
        # The same item ("{target}") recurs in many phrases: compile it once.
        self._elements: dict[str, Element] = {}

    def atom(self, text: str) -> list[Sequence_]:
        """Alternatives for one word or ``{slot}``."""
        if text.startswith("{") and text.endswith("}"):
            name = text[1:-1].strip()
            numeric = _NUMBER_SLOT.match(name)
            if numeric:
                return [(AtLeast(int(numeric.group(1) or 0)),)]
            if not _SLOT_NAME.match(name):
                raise PhraseError(f"'{text}' is not a valid slot name")
            return list(self._slot(name))
        if any(ch in text for ch in "{}[]()|$^") or text == "...":
            raise PhraseError(f"misplaced bracket or symbol in '{text}'")
        words = self._fold(text)
        if not words:
            raise PhraseError(f"'{text}' has no letters or digits")
        return [tuple(words)]

    def item(self, text: str) -> list[Sequence_]:
        """Alternatives for one item inside a group or slot value."""
        if text == "$":
            return [(CLAUSE_END,)]
        if text.startswith("[") and text.endswith("]"):
            return [*self.alternatives(text[1:-1]), ()]
        if text.startswith("(") and text.endswith(")"):
            return self.alternatives(text[1:-1])
        if any(ch in text for ch in "[]()"):
            raise PhraseError(f"misplaced bracket in '{text}'")
        if "|" in text:
            return self.alternatives(text)
        return self.atom(text)

    def sequence(self, text: str) -> list[Sequence_]:
        """Alternatives for several items written one after another."""
        items = split_items(text)
        if not items:
            raise PhraseError("empty alternative")
        if len(items) == 1:
            return self.item(items[0])
        result = _product([self.item(item) for item in items])
        if any(CLAUSE_END in alt[:-1] for alt in result):
            raise PhraseError("'$' can only end a phrase or a choice")
        return result

    def alternatives(self, text: str) -> list[Sequence_]:
        """Alternatives for ``a|b|(c d)`` (each side may be several words)."""
        if "..." in text:
            raise PhraseError("'...' cannot be used inside a group")
        result: list[Sequence_] = []
        for choice in _split_top(text, "|"):
            if not choice.strip():
                raise PhraseError(f"empty choice in '{text}'")
            result.extend(self.sequence(choice))
        return result

    def element(self, item: str) -> Element:
        """Compile one item of a phrase (items written alike share one element)."""
        known = self._elements.get(item)
        if known is None:
            known = self._elements[item] = self._element(item)
        return known

    def _element(self, item: str) -> Element:
        if item == "...":
            return Element("gap")
        if item == "^":
            return Element("start")
        if item == "$":
            return Element("end")
        optional = item.startswith("[") and item.endswith("]")
        inner = item[1:-1] if optional or (item.startswith("(") and item.endswith(")")) else item
        alternatives = self.alternatives(inner)
        if () in alternatives:
            raise PhraseError(f"'{item}' can match nothing; write it as an optional [...]")
        return Element.words(alternatives, optional)

    def compile(self, text: str) -> Phrase:
        """Compile a whole phrase; raises PhraseError with a reason when it is invalid."""
        items = split_items(text)
        if not items:
            raise PhraseError("empty phrase")
        elements = tuple(self.element(item) for item in items)
        kinds = [e.kind for e in elements]
        words = [e for e in elements if e.kind == "words"]
        if not words or all(e.optional or e.or_end for e in words):
            raise PhraseError("a phrase needs at least one word that is not optional")
        inner = [e for e in elements if e.kind != "start"]
        if inner[0].kind == "gap" or elements[-1].kind == "gap":
            raise PhraseError("'...' cannot start or end a phrase")
        if "start" in kinds[1:]:
            raise PhraseError("'^' can only start a phrase")
        if "end" in kinds[:-1]:
            raise PhraseError("'$' can only end a phrase")
        return Phrase(text, elements)


Rarity = Callable[[str], float]
#: id(element) -> (element, score, anchor words, numeric): see ``PhraseIndex``.
AnchorCache = dict[int, tuple["Element", float, frozenset[str], bool]]


class PhraseIndex:
    """Finds every phrase occurrence in a token list.

    Each phrase is filed under an *anchor*: the first words of its rarest required
    element. A message only tries the phrases whose anchor word it contains, so common
    words ("i", "is", "my") never make every phrase run.
    """

    def __init__(
        self,
        phrases: Sequence[tuple[Phrase, int]],
        rarity: Rarity | None = None,
        fillers: frozenset[str] = frozenset(),
        anchors: AnchorCache | None = None,
    ) -> None:
        """Index ``phrases`` (each with a tag returned by ``find``).

        ``anchors`` may be shared by several indexes built with the same ``rarity``: it
        remembers each element's anchor, since elements recur across phrases.
        """
        cost = rarity or (lambda word: 1.0)
        cache: AnchorCache = {} if anchors is None else anchors
        self._fillers = fillers
        self._entries: list[tuple[Phrase, int, frozenset[str], bool]] = []
        self._by_anchor: dict[str, list[int]] = {}
        self._numeric_anchor: list[int] = []
        for phrase, tag in phrases:
            first, first_numeric = phrase.first_words()
            number = len(self._entries)
            self._entries.append((phrase, tag, frozenset(first), first_numeric))
            anchor, numeric = _anchor(phrase, cost, cache)
            for word in anchor:
                self._by_anchor.setdefault(word, []).append(number)
            if numeric:
                self._numeric_anchor.append(number)

    def _candidates(self, tokens: Sequence[str]) -> list[int]:
        found: set[int] = set()
        by_anchor = self._by_anchor
        has_number = False
        for token in tokens:
            entries = by_anchor.get(token)
            if entries:
                found.update(entries)
            elif not has_number and token[:1].isdigit():
                has_number = True
        if has_number:
            found.update(self._numeric_anchor)
        return sorted(found)

    def could_match(self, tokens: Sequence[str]) -> bool:
        """Cheap pre-check: True if the message holds some phrase's anchor word."""
        return bool(self._candidates(tokens))

    def find(self, tokens: Sequence[str]) -> list[tuple[Phrase, int, Match]]:
        """All matches (at most one per phrase and start position), in phrase order."""
        found: list[tuple[Phrase, int, Match]] = []
        fillers = self._fillers
        for number in self._candidates(tokens):
            phrase, tag, first, numeric = self._entries[number]
            for start, token in enumerate(tokens):
                if token in first or (numeric and token[:1].isdigit()):
                    match = phrase.match_at(tokens, start, fillers)
                    if match is not None:
                        found.append((phrase, tag, match))
        return found


def _anchor(phrase: Phrase, cost: Rarity, cache: AnchorCache) -> tuple[frozenset[str], bool]:
    """The words a message must contain for the phrase to match, as cheaply as possible.

    Every match of a required element contains, for the alternative it used, that
    alternative's rarest word; so an element's anchor is the set of those words (a
    number when an alternative has no word). The phrase is filed under the required
    element whose anchor words are rarest in ordinary text.
    """
    best: tuple[float, frozenset[str], bool] | None = None
    for element in phrase.elements:
        if element.kind != "words" or element.optional or element.or_end:
            continue
        key = id(element)
        known = cache.get(key)
        if known is None or known[0] is not element:
            known = cache[key] = (element, *_element_anchor(element, cost))
        score, words, numeric = known[1:]
        if best is None or score < best[0]:
            best = (score, words, numeric)
    if best is None:
        first, numeric = phrase.first_words()
        return frozenset(first), numeric
    return best[1], best[2]


def _element_anchor(element: Element, cost: Rarity) -> tuple[float, frozenset[str], bool]:
    """Score, anchor words and whether a number anchors, for one required element."""
    words: set[str] = set()
    numeric = False
    rarest: dict[str, float] = {}
    for alt in element.alternatives:
        literal = [atom for atom in alt if isinstance(atom, str)]
        if literal:
            for word in literal:
                if word not in rarest:
                    rarest[word] = cost(word)
            words.add(min(literal, key=lambda w: (rarest[w], w)))
        else:
            numeric = True
    score = sum(rarest[word] for word in words) + (1e9 if numeric else 0.0)
    return score, frozenset(words), numeric
