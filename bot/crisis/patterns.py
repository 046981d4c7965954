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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

#: How many words ``...`` may skip.
GAP_WORDS = 4
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
    """One node of a token trie: the words that may follow, and whether a match ends here."""

    __slots__ = ("children", "ends", "ends_at_clause")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends = False  # an alternative ends here
        self.ends_at_clause = False  # an alternative ends here, but only before a clause end

    def add(self, words: Sequence[str], at_clause_end: bool) -> None:
        """Insert one alternative (plain words)."""
        node = self
        for word in words:
            child = node.children.get(word)
            if child is None:
                child = node.children[word] = _Node()
            node = child
        if at_clause_end:
            node.ends_at_clause = True
        else:
            node.ends = True


def _plain(alt: Sequence_) -> tuple[list[str], bool] | None:
    """The words of an alternative and whether it must end a clause; None if it has a number."""
    at_clause_end = alt[-1] is CLAUSE_END
    body = alt[:-1] if at_clause_end else alt
    if not all(isinstance(atom, str) for atom in body):
        return None
    return [str(atom) for atom in body], at_clause_end


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a compiled phrase.

    Word alternatives live in a token trie, so an element with hundreds of alternatives
    sharing their first words ("my mom", "my dad", ...) is matched in one walk.
    """

    kind: str  # "words", "gap", "start" or "end"
    alternatives: tuple[Sequence_, ...] = ()
    optional: bool = False
    trie: _Node = field(default_factory=_Node)
    numeric: tuple[Sequence_, ...] = ()
    or_end: bool = False

    @classmethod
    def words(cls, alternatives: Sequence[Sequence_], optional: bool) -> Element:
        """An element matching any of ``alternatives`` (each a token sequence).

        An empty alternative stands for ``$``: the end of a clause.
        """
        or_end = (CLAUSE_END,) in alternatives
        unique = tuple(dict.fromkeys(a for a in alternatives if a and a != (CLAUSE_END,)))
        trie = _Node()
        numeric: list[Sequence_] = []
        for alt in unique:
            plain = _plain(alt)
            if plain is None:
                numeric.append(alt)
            else:
                trie.add(*plain)
        return cls("words", unique, optional, trie, tuple(numeric), or_end)

    def first_words(self) -> set[str]:
        """Literal words this element can start with."""
        words = set(self.trie.children)
        words.update(alt[0] for alt in self.numeric if isinstance(alt[0], str))
        return words

    def starts_with_number(self) -> bool:
        """True if some alternative starts with a number."""
        return any(isinstance(alt[0], AtLeast) for alt in self.numeric)

    def ends_at(self, tokens: Sequence[str], pos: int) -> Iterator[int]:
        """Every position where a match of this element starting at ``pos`` ends."""
        size = len(tokens)
        if self.or_end and (pos == size or tokens[pos] in CLAUSE_MARKS):
            yield pos
        if pos >= size:
            return
        node = self.trie
        index = pos
        while index < size:
            child = node.children.get(tokens[index])
            if child is None:
                break
            node = child
            index += 1
            if node.ends or (
                node.ends_at_clause and (index == size or tokens[index] in CLAUSE_MARKS)
            ):
                yield index
        for alt in self.numeric:
            yield from _numeric_end(alt, tokens, pos)


def _numeric_end(alt: Sequence_, tokens: Sequence[str], pos: int) -> Iterator[int]:
    """Where ``alt`` (an alternative holding a number) ends when it starts at ``pos``."""
    length = len(alt)
    needs_end = alt[-1] is CLAUSE_END
    if needs_end:
        length -= 1
    end = pos + length
    if end > len(tokens):
        return
    for i in range(length):
        atom = alt[i]
        token = tokens[pos + i]
        if not (token == atom if isinstance(atom, str) else atom.accepts(token)):
            return
    if not needs_end or end == len(tokens) or tokens[end] in CLAUSE_MARKS:
        yield end


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

    def match_at(self, tokens: Sequence[str], start: int) -> Match | None:
        """The first (shortest) match starting exactly at ``start``, or None."""
        for end, positions in self._walk(tokens, 0, start, ()):
            return Match(start, end, positions)
        return None

    def _walk(
        self, tokens: Sequence[str], index: int, pos: int, used: tuple[int, ...]
    ) -> Iterator[tuple[int, tuple[int, ...]]]:
        if index == len(self.elements):
            yield pos, used
            return
        element = self.elements[index]
        if element.kind == "start":
            if pos == 0 or tokens[pos - 1] in CLAUSE_MARKS:
                yield from self._walk(tokens, index + 1, pos, used)
            return
        if element.kind == "end":
            if pos == len(tokens) or tokens[pos] in CLAUSE_MARKS:
                yield from self._walk(tokens, index + 1, pos, used)
            return
        if element.kind == "gap":
            skip = 0
            while True:
                yield from self._walk(tokens, index + 1, pos + skip, used)
                if (
                    skip == GAP_WORDS
                    or pos + skip >= len(tokens)
                    or tokens[pos + skip] in SENTENCE_MARKS
                ):
                    return
                skip += 1
        if element.optional:
            yield from self._walk(tokens, index + 1, pos, used)
        for end in element.ends_at(tokens, pos):
            yield from self._walk(tokens, index + 1, end, (*used, *range(pos, end)))


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
        """Compile one item of a phrase."""
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


class PhraseIndex:
    """Finds every phrase occurrence in a token list.

    Each phrase is filed under an *anchor*: the first words of its rarest required
    element. A message only tries the phrases whose anchor word it contains, so common
    words ("i", "is", "my") never make every phrase run.
    """

    def __init__(self, phrases: Sequence[tuple[Phrase, int]], rarity: Rarity | None = None) -> None:
        cost = rarity or (lambda word: 1.0)
        self._entries: list[tuple[Phrase, int, frozenset[str], bool]] = []
        self._by_anchor: dict[str, list[int]] = {}
        self._numeric_anchor: list[int] = []
        for phrase, tag in phrases:
            first, first_numeric = phrase.first_words()
            number = len(self._entries)
            self._entries.append((phrase, tag, frozenset(first), first_numeric))
            anchor, numeric = _anchor(phrase, cost)
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
        for number in self._candidates(tokens):
            phrase, tag, first, numeric = self._entries[number]
            for start, token in enumerate(tokens):
                if token in first or (numeric and token[:1].isdigit()):
                    match = phrase.match_at(tokens, start)
                    if match is not None:
                        found.append((phrase, tag, match))
        return found


def _anchor(phrase: Phrase, cost: Rarity) -> tuple[set[str], bool]:
    """The words a message must contain for the phrase to match, as cheaply as possible.

    Every match of a required element contains, for the alternative it used, that
    alternative's rarest word; so an element's anchor is the set of those words (a
    number when an alternative has no word). The phrase is filed under the required
    element whose anchor words are rarest in ordinary text.
    """
    best: tuple[float, set[str], bool] | None = None
    for element in phrase.elements:
        if element.kind != "words" or element.optional or element.or_end:
            continue
        words: set[str] = set()
        numeric = False
        for alt in element.alternatives:
            literal = [atom for atom in alt if isinstance(atom, str)]
            if literal:
                words.add(min(literal, key=lambda w: (cost(w), w)))
            else:
                numeric = True
        score = sum(cost(word) for word in words) + (1e9 if numeric else 0.0)
        if best is None or score < best[0]:
            best = (score, words, numeric)
    if best is None:
        words, numeric = phrase.first_words()
        return words, numeric
    return best[1], best[2]
