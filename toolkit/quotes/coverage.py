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
Speech rows are counted once (:func:`speech_only`): the quoted fragment inside
a mixed row is not a second statement.
"""

from __future__ import annotations

import pandas as pd

from toolkit.quotes.kinds import CLAUSE_END_SLACK, is_speech

FRAGMENT_WORDS = 3
COLUMNS = ["outlet", "n_rows", "n_speech", "n_not_speech", "share_with_speaker",
           "share_with_actor", "share_fragments"]


def speech_only(quotes: pd.DataFrame, count_once: bool = True) -> pd.DataFrame:
    """The speech rows of a quotes table (all rows of a table written before
    the ``kind`` column existed).

    Args:
        quotes: a quotes table.
        count_once: drop a ``direct`` row that lies inside a ``mixed`` row of
            the same article (`accused Moscow of waging “an overt gas war”`
            is one mixed row holding the direct row `an overt gas war`): one
            statement, counted once in share of voice. False keeps both.
    """
    if "kind" not in quotes.columns:
        return quotes
    mask = pd.Series([is_speech(k) for k in quotes["kind"].astype("object")], index=quotes.index, dtype=bool)
    speech = quotes.loc[mask]
    if count_once and {"article_id", "start", "end"} <= set(speech.columns):
        speech = speech.loc[~_inside_mixed(speech)]
    return speech


def _inside_mixed(speech: pd.DataFrame) -> pd.Series:
    """Whether each row is a direct row inside a mixed row of its article."""
    kind = speech["kind"].astype("string")
    mixed = speech.loc[kind == "mixed", ["article_id", "start", "end"]]
    direct = speech.loc[kind == "direct", ["article_id", "start", "end"]]
    inside = pd.Series(False, index=speech.index)
    if mixed.empty or direct.empty:
        return inside
    direct = direct.assign(_row=range(len(direct)), article_id=direct["article_id"].astype("string"))
    mixed = mixed.assign(article_id=mixed["article_id"].astype("string"))
    pairs = direct.merge(mixed, on="article_id", suffixes=("", "_mixed"))
    # (the same tolerance as `kinds.clause_kind`: a clause may end a character
    # or two before the quote it holds)
    pairs = pairs[(pairs["start"] >= pairs["start_mixed"]) & (pairs["start"] < pairs["end_mixed"])
                  & (pairs["end"] <= pairs["end_mixed"] + CLAUSE_END_SLACK)]
    inside.loc[direct.index[pairs["_row"].unique()]] = True
    return inside


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
