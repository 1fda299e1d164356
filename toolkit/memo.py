"""Reuse an analysis computed from the same frames within one process.

A report asks one corpus for the same derived result several times: the
claims ledger, the events, the spread and the figures chart all start from
:func:`toolkit.claims.analysis.reconcile`; the timeline chart, the "who
reported first" chart and table and the event table all cluster the same
dated sentences (:func:`toolkit.dates.chronology.timeline`). Each of those
costs about a second on ru_ua_2022, so without reuse a notebook spends most
of its time recomputing.

:func:`memoised` keys a result on the *identity* of the input frames (plus
their lengths and the options), holding them by weak reference: a filtered,
reviewed-only or re-opened corpus has new frames and never sees another's
result, and an entry goes away with its frames. Callers get a copy, so
editing a result never changes the next caller's. Frames edited in place
after a call (not something the toolkit does; every transformation builds a
new corpus) would not be noticed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TypeVar

import pandas as pd

T = TypeVar("T")

_RESULTS: dict[tuple, tuple[tuple[weakref.ref, ...], object]] = {}


def memoised(name: str, frames: Sequence[pd.DataFrame], options: tuple, compute: Callable[[], T],
             copy: Callable[[T], T]) -> T:
    """``compute()``, or a ``copy`` of the result already computed from
    these very ``frames`` with these ``options``.

    Args:
        name: what is computed (one namespace per function).
        frames: the frames the result depends on (every one of them).
        options: hashable options the result depends on.
        compute: builds the result.
        copy: returns an independent copy of a result.

    Returns:
        The result (a fresh copy each call).
    """
    key = (name, *(id(f) for f in frames), *(len(f) for f in frames), options)
    hit = _RESULTS.get(key)
    if hit is not None and all(ref() is frame for ref, frame in zip(hit[0], frames)):
        return copy(hit[1])
    result = compute()
    try:
        refs = tuple(weakref.ref(f) for f in frames)
    except TypeError:  # not weak-referenceable: do not keep it
        return result
    _RESULTS[key] = (refs, result)
    for frame in frames:
        weakref.finalize(frame, _RESULTS.pop, key, None)
    return copy(result)


def clear() -> None:
    """Forget every kept result."""
    _RESULTS.clear()
