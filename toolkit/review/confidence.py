"""How much to trust a claim or a quote, from the evidence that produced it.

A review has to start somewhere; these scores put the rows most likely to be
wrong first. They are computed from the rows' own columns (what the
extractors recorded about how they found the row), not from the extractors'
internals, so they hold whatever rule produced the row.

Method
    Each piece of evidence adds or subtracts a weight on the log-odds scale
    (:data:`CLAIM_EVIDENCE`, :data:`QUOTE_EVIDENCE`); ``confidence =
    1 / (1 + exp(-(prior + sum of weights)))``, rounded to 3 decimals. The
    weights were set by hand from the error classes the project measured
    (``docs/results/claims.md``: vague quantities read as tolls, named
    victims read as counts, huge off-story figures, unknown sides, figures
    inside rhetoric; ``docs/results/quotes.md``: short quoted terms, missing
    or pronoun speakers, quotes found without a speech verb) *before* looking
    at the gold sets they are measured on (``docs/results/review.md``), and
    are kept round so nobody mistakes them for fitted probabilities: read the
    score as a ranking, not as a calibrated probability.

:func:`explain` lists the evidence behind one row's score, for the review widget.
"""

from __future__ import annotations

import math

import pandas as pd

PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "we", "i", "you"}
#: the plainest speech verbs: a quote cued by one is rarely anything but speech
SPEECH_VERBS = {"say", "tell", "add", "ask", "state", "write", "declare", "announce", "explain", "note"}

CLAIM_PRIOR = 1.5
#: name -> (weight, what it means); applied by :func:`_claim_evidence`
CLAIM_EVIDENCE = {
    "vague": (-1.2, "a vague quantity (dozens, hundreds): wide range, and the word often counts something else"),
    "range": (-0.3, "a range of figures"),
    "no_value": (-2.0, "no figure could be read"),
    "single": (-0.6, "a count of one: often a named victim or an individual, not a toll"),
    "huge": (-0.8, "a figure of 100,000 or more: often another war, a population or a cumulative estimate"),
    "named_claimant": (0.5, "a named claimant (ministry, official) stands behind the figure"),
    "no_claimant": (-0.4, "no claimant at all"),
    "side_unknown": (-0.5, "whose people were hit is unknown"),
    "casualties": (-0.3, "'casualties' mixes killed and injured"),
    "in_quote": (-0.3, "inside a quote: rhetoric and hypotheticals live there"),
    "no_event_date": (-0.3, "no date for the event"),
    "not_reported": (-1.5, "not a reported toll (hypothetical, denied, intended)"),
}

QUOTE_PRIOR = 0.0
QUOTE_EVIDENCE = {
    "direct": (1.0, "a direct quote in quotation marks"),
    "speaker": (1.0, "the speaker resolved to an actor"),
    "no_speaker": (-1.5, "no speaker found"),
    "pronoun": (-0.5, "the speaker is a pronoun resolved by salience rules"),
    "speech_verb": (0.5, "cued by a plain speech verb (said, told, added)"),
    "no_cue": (-0.5, "no speech cue"),
    "short": (-1.5, "three words or fewer: a term or scare quote, not speech"),
    "shortish": (-0.3, "four to seven words"),
    "not_speech": (-2.0, "not speech (a title, term or scare quote)"),
}


#: the columns :func:`_claim_evidence` and :func:`_quote_evidence` read (only
#: these are turned into Python rows: a table's other columns are never looked at)
CLAIM_COLUMNS = ("qualifier", "value_low", "value_high", "claimant_actor_id", "claimant", "side_affected",
                 "category", "in_quote", "event_date", "modality")
QUOTE_COLUMNS = ("direct", "speaker_actor_id", "speaker_surface", "cue", "text", "kind")


def claim_confidence(claims: pd.DataFrame) -> pd.Series:
    """Confidence of every claim (a Float64 Series aligned with ``claims``).

    Args:
        claims: the claims table (any subset of its columns; missing ones
            count as no evidence).

    Returns:
        Values in (0, 1); higher = more of the evidence that right claims carry.
    """
    return _score(claims, CLAIM_PRIOR, CLAIM_EVIDENCE, _claim_evidence, CLAIM_COLUMNS)


def quote_confidence(quotes: pd.DataFrame) -> pd.Series:
    """Confidence of every quote (a Float64 Series aligned with ``quotes``);
    see :func:`claim_confidence`."""
    return _score(quotes, QUOTE_PRIOR, QUOTE_EVIDENCE, _quote_evidence, QUOTE_COLUMNS)


def explain(table: str, row: dict) -> list[tuple[str, float, str]]:
    """The evidence behind one row's confidence: ``[(name, weight, meaning)]``."""
    evidence, find = ((CLAIM_EVIDENCE, _claim_evidence) if table == "claims" else (QUOTE_EVIDENCE, _quote_evidence))
    return [(name, *evidence[name]) for name in find(row)]


def _score(df: pd.DataFrame, prior: float, evidence: dict, find, columns: tuple[str, ...]) -> pd.Series:
    values = []
    # only the columns `find` reads: turning every cell of a 36-column table into
    # Python objects was most of the confidence's cost (docs/results/scale.md, fifth pass)
    for row in df[[c for c in columns if c in df.columns]].to_dict("records"):
        logit = prior + sum(evidence[name][0] for name in find(row))
        values.append(round(1.0 / (1.0 + math.exp(-logit)), 3))
    return pd.Series(values, index=df.index, dtype="Float64")


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _claim_evidence(row: dict) -> list[str]:
    found = []
    qualifier = row.get("qualifier")
    low, high = row.get("value_low"), row.get("value_high")
    if qualifier == "vague":
        found.append("vague")
    elif qualifier == "range":
        found.append("range")
    if _missing(low) and _missing(high):
        found.append("no_value")
    else:
        top = high if not _missing(high) else low
        if top == 1:
            found.append("single")
        elif top >= 100_000:
            found.append("huge")
    claimant_id = row.get("claimant_actor_id")
    if _missing(claimant_id) and _missing(row.get("claimant")):
        found.append("no_claimant")
    elif not _missing(claimant_id) and not str(claimant_id).startswith("outlet:"):
        found.append("named_claimant")
    side = row.get("side_affected")
    if _missing(side) or side == "unknown":
        found.append("side_unknown")
    if row.get("category") == "casualties":
        found.append("casualties")
    if row.get("in_quote") is True:
        found.append("in_quote")
    if _missing(row.get("event_date")):
        found.append("no_event_date")
    modality = row.get("modality")  # the claims work's column, where present
    if not _missing(modality) and modality != "reported":
        found.append("not_reported")
    return found


def _quote_evidence(row: dict) -> list[str]:
    found = []
    if row.get("direct") is True:
        found.append("direct")
    if not _missing(row.get("speaker_actor_id")):
        found.append("speaker")
    else:
        found.append("no_speaker")
    surface = row.get("speaker_surface")
    if not _missing(surface) and str(surface).strip().lower() in PRONOUNS:
        found.append("pronoun")
    cue = row.get("cue")
    if _missing(cue) or not str(cue).strip():
        found.append("no_cue")
    elif str(cue).strip().lower() in SPEECH_VERBS:
        found.append("speech_verb")
    n_words = len(str(row.get("text") or "").split())
    if n_words <= 3:
        found.append("short")
    elif n_words <= 7:
        found.append("shortish")
    kind = row.get("kind")  # the quotes work's column, where present
    if not _missing(kind) and str(kind) not in ("speech", "direct", "indirect", "mixed"):
        found.append("not_speech")
    return found
