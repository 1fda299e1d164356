"""Corpus-level framing summaries: tidy DataFrames, one row per outlet and
whatever else is compared, ready for Altair.

Every summary keeps the outlet's own voice apart from quoted speakers:
``by_outlet`` has a ``voice`` column (``outlet`` / ``quoted``),
``attribution`` is about the outlet's verb choice for each speaker side, and
``voice`` measures who gets quoted. A speaker's side is
:func:`toolkit.actors.sides.actor_sides` (the catalogue the corpus was
annotated with), with its labels for unknown and unattributed speakers.
"""

from __future__ import annotations

import pandas as pd

from toolkit.actors.sides import UNATTRIBUTED, actor_sides, speaker_sides

OUTLET_VOICE, QUOTED_VOICE = "outlet", "quoted"
PER_WORDS = 1000


def _outlet_words(corpus) -> pd.DataFrame:
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string"))
    return (arts.groupby("outlet", dropna=False)
            .agg(n_articles=("article_id", "nunique"), n_words=("n_words", "sum"))
            .reset_index())


def by_outlet(corpus) -> pd.DataFrame:
    """Per outlet, how often each framing signal category occurs per 1,000
    words, in the outlet's own voice and in quotes.

    Columns: ``outlet, signal, category, voice, n, n_articles, n_words,
    per_1000_words``. Every outlet gets a row for every (signal, category,
    voice) seen anywhere in the corpus (zero when absent), so outlets compare
    on the same grid. Attribution verbs are the outlet's choice and appear
    under ``voice="outlet"`` unless they sit inside someone's quote.
    """
    framing = corpus.with_outlet("framing")
    framing = framing.assign(
        outlet=framing["outlet"].astype("string"),
        signal=framing["signal"].astype("string"),
        voice=framing["in_quote"].fillna(False).map({True: QUOTED_VOICE, False: OUTLET_VOICE}),
    )
    counts = framing.groupby(["outlet", "signal", "category", "voice"], dropna=False).size().rename("n").reset_index()
    words = _outlet_words(corpus)
    keys = counts[["signal", "category", "voice"]].drop_duplicates()
    grid = words[["outlet"]].merge(keys, how="cross")
    out = grid.merge(counts, on=["outlet", "signal", "category", "voice"], how="left").merge(words, on="outlet")
    out["n"] = out["n"].fillna(0).astype("Int64")
    out["per_1000_words"] = (out["n"] / out["n_words"].where(out["n_words"] > 0) * PER_WORDS).astype("Float64")
    return out.sort_values(["outlet", "signal", "category", "voice"]).reset_index(drop=True)


SIGNAL_RATE_COLUMNS = ["outlet", "signal", "uses", "per 1,000 words", "in quotes"]


def signal_rates(corpus) -> pd.DataFrame:
    """Per outlet and signal: uses, uses per 1,000 words and the share in
    quotes — :func:`by_outlet` summed over categories and voices (the same
    counts and the same denominator), for a reading table."""
    rates = by_outlet(corpus)
    if rates.empty or not rates["n"].sum():
        return pd.DataFrame(columns=SIGNAL_RATE_COLUMNS)
    keys = ["outlet", "signal"]
    g = rates.groupby(keys)
    uses = g["n"].sum().astype("int64")
    quoted = rates[rates["voice"] == QUOTED_VOICE].groupby(keys)["n"].sum().reindex(uses.index, fill_value=0)
    words = g["n_words"].first().astype("float")
    out = pd.DataFrame({
        "uses": uses,
        "per 1,000 words": (uses / words.where(words > 0) * PER_WORDS).astype("float").round(3),
        "in quotes": (quoted.astype("float") / uses).round(2),
    })
    return out[out["uses"] > 0].reset_index()[SIGNAL_RATE_COLUMNS]


def attribution(corpus) -> pd.DataFrame:
    """Per outlet and speaker side, the mix of reporting-verb categories
    ("Russian officials 'claimed' 40% of the time in outlet A, 5% in B").

    Columns: ``outlet, speaker_side, category, n, n_total, share`` where
    ``share = n / n_total`` within the outlet and side.
    """
    f = corpus.with_outlet("framing")
    f = f[f["signal"].astype("string") == "attribution_verb"]
    f = f.assign(outlet=f["outlet"].astype("string"),
                 speaker_side=speaker_sides(f["speaker_actor_id"], actor_sides(corpus)))
    counts = f.groupby(["outlet", "speaker_side", "category"]).size().rename("n").reset_index()
    counts["n_total"] = counts.groupby(["outlet", "speaker_side"])["n"].transform("sum")
    counts["share"] = (counts["n"] / counts["n_total"]).astype("Float64")
    return counts.sort_values(["outlet", "speaker_side", "category"]).reset_index(drop=True)


def voice(corpus, by: str = "actor", *, once_per_copy: bool = False) -> pd.DataFrame:
    """Share of voice: speech quotes (``kind`` direct / indirect / mixed) and
    quoted words per speaker, per outlet, direct vs indirect.

    ``by="actor"``: one row per outlet × speaker (``speaker_actor_id``,
    ``speaker``, ``side``) × ``direct``; ``by="side"``: per outlet × side ×
    ``direct``. Columns add ``n_quotes, n_words, share_quotes, share_words``
    (shares of the outlet's quotes / quoted words). Unattributed quotes are a
    row of their own, so the shares add up to 1 per outlet. ``once_per_copy``:
    a quote in a passage two outlets share (wire copy) counts once, for the
    outlet that published it first (:func:`toolkit.sourcing.copies.counted_once`).
    """
    if by not in ("actor", "side"):
        raise ValueError(f"by must be 'actor' or 'side', not {by!r}")
    from toolkit.quotes.coverage import speech_only  # scare quotes, titles and terms are nobody's voice

    q = speech_only(corpus.with_outlet("quotes"))
    if once_per_copy:
        from toolkit.sourcing.copies import counted_once

        q = counted_once(q, corpus)
    q = q.assign(
        outlet=q["outlet"].astype("string"),
        n_words=q["text"].astype("string").fillna("").str.split().str.len().astype("Int64"),
        side=speaker_sides(q["speaker_actor_id"], actor_sides(corpus)),
        speaker_actor_id=q["speaker_actor_id"].astype("string").fillna(UNATTRIBUTED),
        speaker=q["speaker"].astype("string").fillna(UNATTRIBUTED),
        direct=q["direct"].astype("boolean"),
    )
    keys = ["outlet", "speaker_actor_id", "speaker", "side", "direct"] if by == "actor" else ["outlet", "side", "direct"]
    out = (q.groupby(keys, dropna=False)
           .agg(n_quotes=("text", "size"), n_words=("n_words", "sum"))
           .reset_index())
    totals = out.groupby("outlet")[["n_quotes", "n_words"]].transform("sum")
    out["share_quotes"] = (out["n_quotes"] / totals["n_quotes"]).astype("Float64")
    out["share_words"] = (out["n_words"] / totals["n_words"].where(totals["n_words"] > 0)).astype("Float64")
    return out.sort_values(["outlet", "n_quotes"], ascending=[True, False]).reset_index(drop=True)


def agency(corpus, top_verbs: int = 5) -> pd.DataFrame:
    """Who does what to whom, per outlet: for each actor, how often it is
    the agent and the patient of a verb (the framing table's ``agency``
    rows), in the outlet's voice and in quotes, with its commonest verbs.

    Columns: ``outlet, actor_id, voice, role, n, share, verbs`` where
    ``share`` is the role's share of the actor's agency rows in that outlet
    and voice, and ``verbs`` the ``top_verbs`` commonest verb lemmas
    ("shell 4, attack 3").
    """
    f = corpus.with_outlet("framing")
    f = f[f["signal"].astype("string") == "agency"].dropna(subset=["actor_id"])
    columns = ["outlet", "actor_id", "voice", "role", "n", "share", "verbs"]
    if f.empty:
        return pd.DataFrame(columns=columns)
    f = f.assign(outlet=f["outlet"].astype("string"), actor_id=f["actor_id"].astype("string"),
                 voice=f["in_quote"].fillna(False).map({True: QUOTED_VOICE, False: OUTLET_VOICE}),
                 role=f["category"].astype("string"))
    keys = ["outlet", "actor_id", "voice", "role"]
    out = f.groupby(keys).agg(
        n=("term", "size"),
        verbs=("term", lambda s: ", ".join(f"{v} {c}" for v, c in s.value_counts().head(top_verbs).items())),
    ).reset_index()
    out["share"] = (out["n"] / out.groupby(["outlet", "actor_id", "voice"])["n"].transform("sum")).astype("Float64")
    return out[columns].sort_values(["outlet", "actor_id", "voice", "role"]).reset_index(drop=True)
