"""Small inline SVG charts for the HTML report: no plotting library, no script, no network.

Every label goes through ``html.escape``; numbers are formatted here, so nothing a member
wrote can end up in the markup unescaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 190
CHART_WIDTH = 640
VALUE_WIDTH = 70
HELPFUL_COLOUR = "#2e7d32"
NOT_HELPFUL_COLOUR = "#c62828"
BAR_COLOUR = "#1565c0"
LINE_COLOUR = "#ef6c00"
GRID_COLOUR = "#dddddd"
TEXT_COLOUR = "#333333"


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled value."""

    label: str
    value: float


@dataclass(frozen=True, slots=True)
class SplitBar:
    """One label with two parts shown side by side in one bar (e.g. helpful, not helpful)."""

    label: str
    first: int
    second: int


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    """An accessible SVG element around ``body``."""
    label = html.escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}">'
        f"<title>{label}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{TEXT_COLOUR}" '
        f'text-anchor="{anchor}" font-family="sans-serif">{html.escape(text)}</text>'
    )


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str = "") -> str:
    """Horizontal bars, one row per label, longest value filling the width."""
    if not bars:
        return ""
    top = max(bar.value for bar in bars) or 1.0
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    body = []
    for row, bar in enumerate(bars):
        y = row * (BAR_HEIGHT + BAR_GAP)
        width = span * bar.value / top
        body.append(_text(LABEL_WIDTH - 8, y + 15, _short(bar.label), anchor="end"))
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{BAR_COLOUR}" rx="2"/>'
        )
        body.append(_text(LABEL_WIDTH + width + 6, y + 15, f"{bar.value:g}{unit}"))
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    return _svg(CHART_WIDTH, height, title, body)


def split_bar_chart(bars: Sequence[SplitBar], *, title: str, first: str, second: str) -> str:
    """Horizontal bars in two colours (``first`` then ``second``), with a legend."""
    if not bars:
        return ""
    top = max(bar.first + bar.second for bar in bars) or 1
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    legend_height = 24
    body = [
        f'<rect x="{LABEL_WIDTH}" y="4" width="12" height="12" fill="{HELPFUL_COLOUR}"/>',
        _text(LABEL_WIDTH + 18, 14, first),
        f'<rect x="{LABEL_WIDTH + 130}" y="4" width="12" height="12" fill="{NOT_HELPFUL_COLOUR}"/>',
        _text(LABEL_WIDTH + 148, 14, second),
    ]
    for row, bar in enumerate(bars):
        y = legend_height + row * (BAR_HEIGHT + BAR_GAP)
        left = span * bar.first / top
        right = span * bar.second / top
        body.append(_text(LABEL_WIDTH - 8, y + 15, _short(bar.label), anchor="end"))
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{left:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{HELPFUL_COLOUR}"/>'
        )
        body.append(
            f'<rect x="{LABEL_WIDTH + left:.1f}" y="{y}" width="{right:.1f}" '
            f'height="{BAR_HEIGHT}" fill="{NOT_HELPFUL_COLOUR}"/>'
        )
        body.append(_text(LABEL_WIDTH + left + right + 6, y + 15, f"{bar.first} / {bar.second}"))
    height = legend_height + len(bars) * (BAR_HEIGHT + BAR_GAP)
    return _svg(CHART_WIDTH, height, title, body)


def _nice_scale(highest: float, percent: bool) -> tuple[float, float]:
    """Top of the axis and the step between grid lines, on round numbers."""
    if percent:
        step = 0.05 if highest <= 0.25 else 0.1 if highest <= 0.6 else 0.2
        top = min(1.0, max(step, math.ceil(highest * 1.1 / step - 1e-9) * step))
        return top, step
    magnitude = 10 ** math.floor(math.log10(highest)) if highest > 0 else 1.0
    step = magnitude if highest / magnitude > 2 else magnitude / 2
    return max(step, math.ceil(highest * 1.1 / step) * step), step


def line_chart(points: Sequence[Bar], *, title: str, percent: bool = True) -> str:
    """A line over evenly spaced labelled points (0-1 shares when ``percent``)."""
    if not points:
        return ""
    left, right, top, bottom, inset = 52, 24, 18, 40, 18
    height = 220
    plot_w = CHART_WIDTH - left - right - 2 * inset
    plot_h = height - top - bottom
    peak, step = _nice_scale(max(p.value for p in points), percent)
    gap = plot_w / max(1, len(points) - 1)

    def x_of(i: int) -> float:
        return left + inset + (gap * i if len(points) > 1 else plot_w / 2)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / peak)

    def shown(value: float) -> str:
        return f"{value:.0%}" if percent else f"{value:g}"

    body = []
    for tick in range(round(peak / step) + 1):
        value = step * tick
        y = y_of(value)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{CHART_WIDTH - right}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}"/>'
        )
        body.append(_text(left - 6, y + 4, shown(value), anchor="end", size=11))
    coords = " ".join(f"{x_of(i):.1f},{y_of(p.value):.1f}" for i, p in enumerate(points))
    body.append(
        f'<polyline points="{coords}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5"/>'
    )
    for i, point in enumerate(points):
        x, y = x_of(i), y_of(point.value)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{LINE_COLOUR}"/>')
        body.append(_text(x, y - 8, shown(point.value), anchor="middle", size=11))
        body.append(_text(x, height - bottom + 18, point.label, anchor="middle", size=11))
    return _svg(CHART_WIDTH, height, title, body)
