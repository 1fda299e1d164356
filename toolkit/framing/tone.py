"""Lexicon-based tone per article and per actor.

**This is a lexicon score, not a judgement of stance**: VADER (Hutto &
Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis
of Social Media Text", ICWSM; package ``vaderSentiment`` 3.3.2, MIT licence)
sums the valence of the words in a sentence with rules for negation,
intensifiers and "but", giving a ``compound`` score in [-1, 1]. News about a
war is mostly negative whoever it is about; compare outlets and actors with
each other, not with zero.

The actor table also gives ``agent_negativity``: over the actor's ``agency``
rows of the framing table, the sentence's negativity (``max(0, -tone)``)
counted + when the actor is the agent of the verb and − when the patient — a
lexicon proxy for being cast as the doer of harm rather than its victim. On
SemEval-2025 T10 it separates antagonists from innocents (AUC 0.70) far better
than from protagonists (0.57); see docs/results/framing.md.

Each sentence is scored twice: the outlet's own words (quoted spans blanked)
and the quoted words, so the tone of a speaker's quote does not become the
outlet's tone. An actor's tone is the mean over the sentences that mention
the actor (the mentions table).
"""

from __future__ import annotations

import functools

import pandas as pd

from toolkit.framing.terms import OUTLET, QUOTED, quoted_intervals_by_article, split_by_voice

#: VADER's own thresholds for calling a text positive / negative
POSITIVE, NEGATIVE = 0.05, -0.05
#: pieces shorter than this many words are not scored (a stray "he said")
MIN_WORDS = 3


@functools.lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def text_tone(text: str) -> float | None:
    """VADER compound score of ``text``; ``None`` for fewer than
    :data:`MIN_WORDS` words."""
    if not text or len(text.split()) < MIN_WORDS:
        return None
    return float(_analyzer().polarity_scores(text)["compound"])


def sentence_tones(corpus) -> pd.DataFrame:
    """One row per sentence and voice: ``article_id, sent_id, voice, tone``
    (voice ``outlet``: quoted spans blanked; ``quoted``: only them)."""
    quoted_by_article = quoted_intervals_by_article(corpus)
    rows = []
    for aid, group in corpus.sentences.groupby("article_id", sort=False):
        intervals = quoted_by_article.get(aid, [])
        for sid, start, text in zip(group["sent_id"], group["start"].astype(int), group["text"].astype("string").fillna("")):
            own, quoted = split_by_voice(text, start, intervals)
            for voice, piece in ((OUTLET, own), (QUOTED, quoted)):
                score = text_tone(piece)
                if score is not None:
                    rows.append((aid, int(sid), voice, score))
    out = pd.DataFrame(rows, columns=["article_id", "sent_id", "voice", "tone"])
    return out.astype({"article_id": "string", "sent_id": "Int64", "voice": "string", "tone": "Float64"})


def _aggregate(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return (df.groupby(keys, dropna=False)
            .agg(n_sentences=("tone", "size"),
                 tone_mean=("tone", "mean"),
                 share_negative=("tone", lambda s: float((s <= NEGATIVE).mean())),
                 share_positive=("tone", lambda s: float((s >= POSITIVE).mean())))
            .reset_index())


def tone(corpus, by: str = "article", *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Lexicon (VADER) tone, separately for the outlet's voice and quotes.

    ``by="article"``: ``article_id, outlet, published, voice, n_sentences,
    tone_mean, share_negative, share_positive``.
    ``by="actor"``: per ``outlet, actor_id, actor, side, voice``, over the
    sentences that mention the actor, plus ``n_articles`` and, from the
    framing table's ``agency`` rows, ``n_agent, n_patient,
    agent_negativity``.
    ``sentences``: a precomputed :func:`sentence_tones` frame (reuse it when
    calling both).
    """
    if by not in ("article", "actor"):
        raise ValueError(f"by must be 'article' or 'actor', not {by!r}")
    scored = sentence_tones(corpus) if sentences is None else sentences
    meta = corpus.articles[["article_id", "outlet", "published"]].assign(
        article_id=corpus.articles["article_id"].astype("string"),
        outlet=corpus.articles["outlet"].astype("string"))
    if by == "article":
        out = _aggregate(scored, ["article_id", "voice"]).merge(meta, on="article_id", how="left")
        return out[["article_id", "outlet", "published", "voice", "n_sentences", "tone_mean",
                    "share_negative", "share_positive"]]
    mentions = corpus.mentions.dropna(subset=["actor_id"])[["article_id", "sent_id", "actor_id", "actor", "side"]]
    mentions = mentions.astype({"article_id": "string", "sent_id": "Int64", "actor_id": "string",
                                "actor": "string", "side": "string"}).drop_duplicates(["article_id", "sent_id", "actor_id"])
    joined = scored.merge(mentions, on=["article_id", "sent_id"]).merge(meta[["article_id", "outlet"]], on="article_id")
    keys = ["outlet", "actor_id", "actor", "side", "voice"]
    out = _aggregate(joined, keys)
    n_articles = joined.groupby(keys, dropna=False)["article_id"].nunique().rename("n_articles").reset_index()
    out = out.merge(n_articles, on=keys, how="left").merge(_agency(corpus, scored, meta), on=["outlet", "actor_id", "voice"], how="left")
    for column in ("n_agent", "n_patient"):
        out[column] = out[column].fillna(0).astype("Int64")
    return out.sort_values(["outlet", "n_sentences"], ascending=[True, False]).reset_index(drop=True)


def _agency(corpus, scored: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Per outlet × actor × voice: agent and patient counts and the
    agent-signed negativity (see module docstring)."""
    columns = ["outlet", "actor_id", "voice", "n_agent", "n_patient", "agent_negativity"]
    f = corpus.framing
    f = f[f["signal"].astype("string") == "agency"].dropna(subset=["actor_id"])
    if f.empty:
        return pd.DataFrame(columns=columns).astype({"outlet": "string", "actor_id": "string", "voice": "string"})
    f = f.assign(article_id=f["article_id"].astype("string"), actor_id=f["actor_id"].astype("string"),
                 voice=f["in_quote"].fillna(False).map({True: QUOTED, False: OUTLET}).astype("string"),
                 sign=f["category"].map({"agent": 1.0, "patient": -1.0}))
    f = f.merge(scored, on=["article_id", "sent_id", "voice"], how="left").merge(meta[["article_id", "outlet"]], on="article_id")
    f["signed"] = f["sign"] * (-f["tone"].astype(float).fillna(0.0)).clip(lower=0.0)
    return (f.groupby(["outlet", "actor_id", "voice"])
            .agg(n_agent=("sign", lambda s: int((s > 0).sum())), n_patient=("sign", lambda s: int((s < 0).sum())),
                 agent_negativity=("signed", "mean"))
            .reset_index())
