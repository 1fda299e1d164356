"""Claims: the casualty and human-toll ledger, reconciled across outlets.

Public API
    :func:`extract_claims` ``(doc, ctx, *, mentions, quotes, dates) -> list[dict]``
    — the ``claims`` table: one row per human-toll figure stated in the text
    (killed, injured, casualties, prisoners, missing, displaced, evacuated,
    other) with its bounds and hedge, unit, side affected, claimant, scope,
    event and date, and what kind of statement it is: ``modality``
    (reported / hypothetical / denied), ``rate``, ``about_story``, ``mentions``.

    :func:`headline_mask` / :func:`countable` — the claims every summary may
    count or show (reported, on the story, not a rate); :func:`headline_figures`
    — each outlet's largest such figure. The story is ``toolkit/data/story.yaml``
    (:func:`load_story`; ``TOOLKIT_STORY`` points at another one).

    Corpus-level analyses (:mod:`toolkit.claims.analysis`, the one place that
    decides which claims are about the same event): :func:`ledger` (every
    claim with its event), :func:`events` (one row per event and category),
    :func:`spread` (how far the figures for one event lie apart),
    :func:`series` (running totals) and :func:`reconcile` (all three at once,
    ``ClaimGroups``).

    :func:`find_quantities` / :func:`parse_number` — the number parser alone.
"""
from toolkit.claims.extract import extract_claims
from toolkit.claims.numbers import Quantity, find_quantities, parse_number
from toolkit.claims.analysis import (ClaimGroups, countable, event_claims, events, headline_figures, ledger,
                                     reconcile, series, spread)
from toolkit.claims.qualify import headline_mask
from toolkit.claims.story import Story, StoryError, load_story

__all__ = ["extract_claims", "ledger", "events", "event_claims", "spread", "series", "reconcile", "ClaimGroups",
           "countable", "headline_mask", "headline_figures", "load_story", "Story", "StoryError",
           "find_quantities", "parse_number", "Quantity"]
