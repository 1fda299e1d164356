"""Claims: the casualty and human-toll ledger, reconciled across outlets.

Public API
    :func:`extract_claims` ``(doc, ctx, *, mentions, quotes, dates) -> list[dict]``
    — the ``claims`` table: one row per human-toll figure stated in the text
    (killed, injured, casualties, prisoners, missing, displaced) with its
    bounds and hedge, unit, side affected, claimant, scope, event and date.

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
from toolkit.claims.analysis import ClaimGroups, event_claims, events, ledger, reconcile, series, spread

__all__ = ["extract_claims", "ledger", "events", "event_claims", "spread", "series", "reconcile", "ClaimGroups",
           "find_quantities", "parse_number", "Quantity"]
