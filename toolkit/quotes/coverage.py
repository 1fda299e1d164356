"""How far each outlet's quotes can be trusted for a comparison.

``coverage_by_outlet(quotes, articles)`` gives one row per outlet: how many
quotes-table rows are speech (``kind`` direct / indirect / mixed) and how many
are scare quotes, titles or terms; of the speech rows, the share with a
speaker (any name or description), the share whose speaker is an actor (a
``speaker_actor_id``, so share of voice by side can place it), and the share
of fragments (three words or fewer). When one outlet's speech has far fewer
resolved speakers than another's, a share-of-voice chart compares the
parser's coverage, not the outlets; the summary printed by
``python -m toolkit annotate`` / ``info`` shows this table for that reason.
"""

from __future__ import annotations

import pandas as pd

from toolkit.quotes.kinds import is_speech

FRAGMENT_WORDS = 3
COLUMNS = ["outlet", "n_rows", "n_speech", "n_not_speech", "share_with_speaker",
           "share_with_actor", "share_fragments"]


def speech_only(quotes: pd.DataFrame) -> pd.DataFrame:
    """The speech rows of a quotes table (all rows of a table written before
    the ``kind`` column existed)."""
    if "kind" not in quotes.columns:
        return quotes
    mask = pd.Series([is_speech(k) for k in quotes["kind"].astype("object")], index=quotes.index, dtype=bool)
    return quotes.loc[mask]


def coverage_by_outlet(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per-outlet coverage of the quotes table (module docstring).

    Args:
        quotes: the quotes table (``article_id, text, kind, speaker, speaker_actor_id``).
        articles: the articles table (``article_id, outlet``).

    Returns:
        One row per outlet with :data:`COLUMNS`; shares are floats in [0, 1]
        (NA for an outlet without speech rows).
    """
    if quotes.empty:
        return pd.DataFrame(columns=COLUMNS)
    outlets = articles.set_index("article_id")["outlet"].astype("string")
    q = quotes.assign(outlet=quotes["article_id"].map(outlets).astype("string").fillna("(unknown)"))
    speech = speech_only(q)
    rows = []
    for outlet, group in q.groupby("outlet", sort=True):
        s = speech[speech["outlet"] == outlet]
        n = len(s)
        words = s["text"].astype("string").fillna("").str.split().str.len()

        def share(mask) -> float:
            return float(mask.sum()) / n if n else float("nan")

        rows.append({
            "outlet": outlet, "n_rows": len(group), "n_speech": n, "n_not_speech": len(group) - n,
            "share_with_speaker": share(s["speaker"].notna()),
            "share_with_actor": share(s["speaker_actor_id"].notna()),
            "share_fragments": share(words <= FRAGMENT_WORDS),
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in COLUMNS[4:]:
        out[column] = out[column].astype("Float64").round(3)
    return out
