"""YAML loading that remembers line numbers, so editors get ``file:LINE: message`` errors.

Used by every moderator-edited data file (``faq.yaml``, the crisis lexicon). Duplicate
mapping keys, which PyYAML would silently overwrite, are reported as problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
    StreamStartEvent,
)

Location = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file, ready to show to a moderator."""

    path: str
    line: int | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        """Format as ``path:line: message`` (``path: message`` when the line is unknown)."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"


class DataFileError(Exception):
    """A data file could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(slots=True)
class LocatedYaml:
    """Parsed YAML plus the 1-based line of every mapping key and list item."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Location, int]] = field(default_factory=list)
    scalar_errors: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, location: Iterable[str | int]) -> int | None:
        """Line of ``location``, or of its nearest ancestor that has one."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def _construct(node: yaml.Node, loc: Location, out: LocatedYaml) -> Any:
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, (*loc, "<key>"), out)
            out.lines.pop((*loc, "<key>"), None)
            if not isinstance(key, str | int):
                key = str(key)
            child = (*loc, key)
            if key in result:
                out.duplicate_keys.append((child, key_node.start_mark.line + 1))
            out.lines[child] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, child, out)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), out) for i, item in enumerate(node.value)]
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except yaml.MarkedYAMLError as exc:
        out.scalar_errors.append((node.start_mark.line + 1, f"YAML error: {exc.problem or exc}"))
    except ValueError as exc:
        message = f"cannot read the value '{node.value}': {exc}"
        out.scalar_errors.append((node.start_mark.line + 1, message))
    return node.value


def load_located_yaml(text: str, path: str) -> LocatedYaml:
    """Parse ``text``; raise DataFileError with the line of any syntax error.

    Ordinary files take a fast path over libyaml's event stream (10,000 entries in about
    2 s rather than 20 s); anything unusual (a syntax error, anchors, complex keys, several
    documents, a value YAML cannot build) goes through the full composer, so every error
    message comes from one place.
    """
    if _EventLoader is not None:
        try:
            return _from_events(text)
        except (_UnusualYamlError, yaml.YAMLError):
            pass
    return _load_composed(text, path)


def _load_composed(text: str, path: str) -> LocatedYaml:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark is not None and ("end of stream" in reason or "stream end" in reason):
            # An unclosed quote or bracket is reported where it opens, not at the end of the file.
            mark = exc.context_mark
            opened = (
                (exc.context or "").removeprefix("while scanning ").removeprefix("while parsing ")
            )
            reason = f"{opened} that starts here is never closed" if opened else reason
        line = mark.line + 1 if mark is not None else None
        raise DataFileError([Problem(path, line, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(path, None, f"YAML error: {exc}")]) from None
    located = LocatedYaml(data=None)
    if node is None:
        return located
    located.data = _construct(node, (), located)
    if located.scalar_errors:
        raise DataFileError([Problem(path, line, reason) for line, reason in located.scalar_errors])
    return located


_STR = "tag:yaml.org,2002:str"
# A plain scalar starting with one of these letters can only be a string in YAML 1.1's
# implicit types (bool/null/int/float/timestamp start with digits, + - . ~ y n t f o).
_ALWAYS_TEXT = frozenset("abcdeghijkmqrsuvwxzABCDEGHIJKMQRSUVWXZ")
_EventLoader: Any = getattr(yaml, "CSafeLoader", None)


class _UnusualYamlError(Exception):
    """The document uses something the fast path leaves to the full composer."""


def _from_events(text: str) -> LocatedYaml:
    resolver = yaml.resolver.Resolver()
    constructor = yaml.constructor.SafeConstructor()
    out = LocatedYaml(data=None)
    lines = out.lines
    stack: list[tuple[Any, Location]] = []
    key: Any = None
    key_line = 0
    expecting_key = False
    documents = 0
    loader = _EventLoader(text)
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                expecting_key = bool(stack) and type(stack[-1][0]) is dict
                continue
            if kind is StreamEndEvent:
                break
            if kind is StreamStartEvent or kind is DocumentEndEvent:
                continue
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _UnusualYamlError
                continue
            if kind is AliasEvent or getattr(event, "anchor", None) is not None:
                raise _UnusualYamlError
            line = event.start_mark.line + 1
            if expecting_key:
                if kind is not ScalarEvent:
                    raise _UnusualYamlError  # a mapping or list used as a key
                key = _scalar(event, resolver, constructor, out, line)
                if not isinstance(key, str | int):
                    key = str(key)
                key_line = line
                expecting_key = False
                continue
            if kind is ScalarEvent:
                value: Any = _scalar(event, resolver, constructor, out, line)
            elif kind is MappingStartEvent:
                value = {}
            else:
                value = []
            if not stack:
                loc: Location = ()
                out.data = value
                lines.setdefault(loc, line)
            else:
                parent, parent_loc = stack[-1]
                if type(parent) is dict:
                    loc = (*parent_loc, key)
                    if key in parent:
                        out.duplicate_keys.append((loc, key_line))
                    lines[loc] = key_line
                    parent[key] = value
                else:
                    loc = (*parent_loc, len(parent))
                    lines.setdefault(loc, line)
                    parent.append(value)
            if kind is ScalarEvent:
                expecting_key = bool(stack) and type(stack[-1][0]) is dict
            else:
                stack.append((value, loc))
                expecting_key = kind is MappingStartEvent
    finally:
        loader.dispose()
    if out.scalar_errors:
        raise _UnusualYamlError  # the full path raises DataFileError with the same problems
    return out


def _scalar(
    event: Any,
    resolver: yaml.resolver.Resolver,
    constructor: yaml.constructor.SafeConstructor,
    out: LocatedYaml,
    line: int,
) -> Any:
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if event.implicit[0] and value and value[0] in _ALWAYS_TEXT:
            return value
        tag = resolver.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _STR:
        return value
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        return constructor.construct_object(node)
    except yaml.MarkedYAMLError as exc:
        out.scalar_errors.append((line, f"YAML error: {exc.problem or exc}"))
    except ValueError as exc:
        out.scalar_errors.append((line, f"cannot read the value '{value}': {exc}"))
    return value


def describe_location(location: Iterable[str | int], data: Any) -> str:
    """Readable name for a place in the document, using entry ids where there are any."""
    parts: list[str] = []
    node = data
    for step in location:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                parts.append(f"[{item['id']}]")
            else:
                parts.append(f"[{step + 1}]")
            node = item
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def validation_problems(error: ValidationError, located: LocatedYaml, path: str) -> list[Problem]:
    """Turn a pydantic ValidationError into line-numbered problems."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        where = describe_location(loc, located.data)
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = f"unknown field '{loc[-1]}'"
            where = describe_location(loc[:-1], located.data)
        elif item["type"] == "missing":
            message = f"missing required field '{loc[-1]}'"
            where = describe_location(loc[:-1], located.data)
        problems.append(Problem(path, located.line_of(loc), f"{where}: {message}"))
    return problems


def duplicate_key_problems(located: LocatedYaml, path: str) -> list[Problem]:
    """Problems for mapping keys that appear twice (YAML would keep only the last)."""
    return [
        Problem(
            path,
            line,
            f"{describe_location(loc[:-1], located.data)}: key '{loc[-1]}' appears twice",
        )
        for loc, line in located.duplicate_keys
    ]
