"""Claims: the casualty and human-toll ledger, reconciled across outlets.

Public API
    :func:`extract_claims` ``(doc, ctx, *, mentions, quotes, dates) -> list[dict]``
    — the ``claims`` table: one row per human-toll figure stated in the text
    (killed, injured, casualties, prisoners, missing, displaced) with its
    bounds and hedge, unit, side affected, claimant, scope, event and date.

    :func:`reconcile` ``(corpus) -> ClaimGroups`` — claims about the same
    event grouped across outlets (``groups``, ``members``) and cumulative
    totals from the same claimant over time (``series``).

    :func:`find_quantities` / :func:`parse_number` — the number parser alone.
"""
from toolkit.claims.extract import extract_claims
from toolkit.claims.numbers import Quantity, find_quantities, parse_number
from toolkit.claims.reconcile import ClaimGroups, reconcile

__all__ = ["extract_claims", "reconcile", "ClaimGroups", "find_quantities", "parse_number", "Quantity"]
