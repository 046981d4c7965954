"""Line-numbered YAML loading: the fast libyaml path and the full composer agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.yamlsource import DataFileError, _load_composed, load_located_yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [ROOT / "faq.yaml", ROOT / "bot" / "crisis" / "lexicon.yaml"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_fast_and_full_paths_read_the_shipped_files_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast, full = load_located_yaml(text, path.name), _load_composed(text, path.name)
    assert fast.data == full.data
    assert fast.lines == full.lines


def test_duplicate_keys_and_their_lines_are_kept() -> None:
    located = load_located_yaml("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml")
    assert located.data == {"a": 1, "b": {"c": 3}}
    assert located.duplicate_keys == [(("b", "c"), 4)]
    assert located.line_of(("b", "c")) == 4


def test_a_value_yaml_cannot_build_is_reported_at_its_line() -> None:
    with pytest.raises(DataFileError) as caught:
        load_located_yaml("a: 1\nwhen: 2025-13-01\n", "f.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "f.yaml:2: cannot read the value '2025-13-01': month must be in 1..12"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    with pytest.raises(DataFileError) as caught:
        load_located_yaml('a: 1\nb: "open\nc: 2\nd: 3\n', "f.yaml")
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "never closed" in problem.message


def test_anchors_take_the_full_path_and_still_load() -> None:
    located = load_located_yaml("base: &b {x: 1}\ncopy: *b\n", "f.yaml")
    assert located.data == {"base": {"x": 1}, "copy": {"x": 1}}
