"""Colours that hold: one colour per side, fixed in ``toolkit/data/sides.yaml``
(the same in every chart, report and corpus; sides beyond the main ones drawn
together as "other"), and one colour per outlet across a report.

Every scale here has an explicit domain *and* range, so Vega never assigns
colours by the order values happen to appear in -- which is what made
Ukraine yellow in one chart and pink in the next, and re-mapped colours when a
filter removed a value.
"""

from __future__ import annotations

import functools
from pathlib import Path

import altair as alt
import pandas as pd

SIDES_FILE = Path(__file__).resolve().parents[1] / "data" / "sides.yaml"
from toolkit.actors.sides import UNATTRIBUTED, UNKNOWN_SIDE as UNKNOWN

OTHER = "other"
#: sides that mean "no side known"
NO_SIDE = {"", UNKNOWN, "unassigned", "none", "nan", "<na>"}
#: outlets, in sorted order, take these colours in turn (Tableau 10, then its
#: lighter half): up to 20 outlets get distinct colours
OUTLET_PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                  "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#8cd17d", "#ff9d9a", "#86bcb6", "#f1ce63",
                  "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e"]


@functools.lru_cache(maxsize=1)
def side_colours() -> dict[str, str]:
    """Main side -> colour, then ``other`` and ``unknown``, in legend order."""
    from toolkit.datafiles import load_yaml

    data = load_yaml(SIDES_FILE.read_bytes())
    colours = dict(data["sides"])
    colours[OTHER] = data[OTHER]
    colours[UNKNOWN] = data[UNKNOWN]
    colours[UNATTRIBUTED] = data[UNATTRIBUTED]
    return colours


def side_group(sides: pd.Series) -> pd.Series:
    """Each side as drawn: a main side as it is, any other side as ``other``,
    no side as ``unknown``, an unresolved speaker as ``unattributed``."""
    main = side_colours()
    text = sides.astype("string").fillna("")

    def one(side: str) -> str:
        if side.strip().lower() in NO_SIDE:
            return UNKNOWN
        return side if side in main else OTHER  # "unattributed" is in main: its own colour
    return pd.Series([one(s) for s in text], index=sides.index, dtype="string")


def side_scale(sides: pd.Series | None = None) -> alt.Scale:
    """The side colour scale: the groups present in ``sides`` (all of them
    when ``None``), each with its fixed colour."""
    colours = side_colours()
    present = (set(side_group(sides)) | {UNATTRIBUTED}) if sides is not None else set(colours)
    domain = [s for s in colours if s in present] or list(colours)
    return alt.Scale(domain=domain, range=[colours[s] for s in domain])


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """Outlet -> colour for the outlets of one report (sorted, so an outlet's
    colour depends only on which outlets the report holds)."""
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(sorted(outlets))}


def outlet_scale(outlets: list[str]) -> alt.Scale:
    colours = outlet_colours(outlets)
    return alt.Scale(domain=list(colours), range=list(colours.values()))
