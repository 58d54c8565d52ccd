"""Geometry for the pages' small pictures, drawn by the templates as inline SVG (no JavaScript, no library).

Pure functions from counts to coordinates; the templates only place what these return.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Bar:
    month: date
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month.month - 1]} {self.month.year}"


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    width: int
    height: int
    max_count: int
    ticks: list[tuple[float, str]]  # (x, year) at each January or the first month
    total: int


def _months_between(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline(per_month: list[tuple[date, int]], width: int = 720, height: int = 140, max_months: int = 240) -> Timeline | None:
    """One bar per month from the first to the last month with meetings, empty months included.

    Spans longer than `max_months` keep their latest `max_months` months.
    """
    if not per_month:
        return None
    counts = {m.replace(day=1): n for m, n in per_month}
    months = _months_between(min(counts), max(counts))[-max_months:]
    top = max(counts.get(m, 0) for m in months) or 1
    plot_top, plot_bottom = 8, height - 22
    step = width / len(months)
    bars, ticks = [], []
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        h = (plot_bottom - plot_top) * n / top
        bars.append(Bar(month, n, round(i * step + step * 0.1, 2), round(plot_bottom - h, 2),
                        round(max(step * 0.8, 1), 2), round(h, 2)))
        if month.month == 1 or i == 0:
            ticks.append((round(i * step, 2), str(month.year)))
    return Timeline(bars, width, height, top, ticks, sum(counts.get(m, 0) for m in months))


@dataclass(frozen=True)
class Node:
    kind: str
    id: int
    name: str
    meetings: int
    x: float
    y: float
    r: float
    stroke: float
    label_anchor: str
    label: str = ""


@dataclass(frozen=True)
class EgoGraph:
    nodes: list[Node]
    width: int
    height: int
    cx: float
    cy: float
    min_x: float = 0  # the drawing's left edge: labels may reach past the circle's box
    view_width: float = 0


LABEL_CHARS = 32  # names longer than this end in "…" (the full name is in the node's tooltip)
CHAR_WIDTH = 7.2  # a generous average advance of the label font (0.75rem sans-serif), in SVG units
LABEL_GAP = 16


def node_label(name: str, meetings: int) -> str:
    short = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
    return f"{short} ({meetings})"


def _label_extent(x: float, anchor: str, label: str) -> tuple[float, float]:
    width = len(label) * CHAR_WIDTH
    if anchor == "start":
        return x + LABEL_GAP, x + LABEL_GAP + width
    if anchor == "end":
        return x - LABEL_GAP - width, x - LABEL_GAP
    return x - width / 2, x + width / 2


def ego_graph(counterparts: list, width: int = 640, height: int = 400) -> EgoGraph | None:
    """The person in the middle, whom they met on a circle around; thicker lines for more meetings.

    Names up to LABEL_CHARS characters are written in full; the view box widens to fit them.
    """
    if not counterparts:
        return None
    cx, cy = width / 2, height / 2
    radius = height / 2 - 40
    top = max(c.meetings for c in counterparts)
    nodes = []
    for i, c in enumerate(counterparts):
        angle = -math.pi / 2 + 2 * math.pi * i / len(counterparts)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
        nodes.append(Node(c.kind, c.id, c.name, c.meetings, round(x, 1), round(y, 1),
                          round(5 + 7 * c.meetings / top, 1), round(1 + 5 * c.meetings / top, 1), anchor,
                          node_label(c.name, c.meetings)))
    # The view box grows to hold the longest label on either side, so no label is ever cut.
    extents = [_label_extent(n.x, n.label_anchor, n.label) for n in nodes]
    left = min(0.0, min(lo for lo, _ in extents) - 4)
    right = max(float(width), max(hi for _, hi in extents) + 4)
    return EgoGraph(nodes, width, height, cx, cy, round(left, 1), round(right - left, 1))
