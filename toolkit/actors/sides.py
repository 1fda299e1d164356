"""The side of an actor, and voice by side: who each outlet talks about and
who it lets speak, per side.

The one place for both questions. An actor's side is the one the catalogue
*the corpus was annotated with* gives it: the annotation stamps that side on
every mention (``mentions.side``), so the side travels with the saved corpus
and a corpus annotated with a custom catalogue is never read with the
shipped one. Quotes and framing rows carry only an actor id; they take the
side through :func:`actor_sides`.

Two labels, used by every table and chart alike:

* :data:`UNKNOWN_SIDE` (``"unknown"``): an actor whose side no catalogue entry
  (and no title) tells — every uncatalogued person, for instance;
* :data:`UNATTRIBUTED` (``"unattributed"``): a quote, or a verb attributing
  one, whose speaker was not resolved to any actor.
"""

from __future__ import annotations

import pandas as pd

#: side of an actor the catalogue does not know (and no title tells)
UNKNOWN_SIDE = "unknown"
#: "side" of a quote whose speaker is not resolved to an actor
UNATTRIBUTED = "unattributed"
#: the two measures of :func:`voice_by_side`
TALKED_ABOUT, SPEAKS = "talked about (mentions)", "speaks (quotes)"
VOICE_COLUMNS = ["outlet", "side", "count", "share", "measure"]


def actor_sides(corpus) -> pd.Series:
    """``actor_id -> side`` as the corpus's own mentions record it.

    Args:
        corpus: an :class:`~toolkit.corpus.AnnotatedCorpus`.

    Returns:
        A string Series indexed by ``actor_id``. An actor whose mentions carry
        two sides (a role held by different people over time) gets the more
        frequent one, ties to the alphabetically first.
    """
    m = corpus.mentions
    pairs = m[["actor_id", "side"]].astype("string").dropna() if len(m) else pd.DataFrame(columns=["actor_id", "side"])
    if pairs.empty:
        return pd.Series(dtype="string", name="side")
    counts = pairs.groupby(["actor_id", "side"]).size().rename("n").reset_index()
    counts = counts.sort_values(["actor_id", "n", "side"], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("actor_id").set_index("actor_id")["side"].astype("string")


def speaker_sides(speaker_ids: pd.Series, sides: pd.Series) -> pd.Series:
    """The side of each speaker id: :data:`UNATTRIBUTED` without a speaker,
    :data:`UNKNOWN_SIDE` for a speaker whose side is not known."""
    side = speaker_ids.astype("string").map(sides)
    side = side.where(side.notna(), UNKNOWN_SIDE)
    return side.where(speaker_ids.notna(), UNATTRIBUTED).astype("string")


def voice_by_side(corpus, *, once_per_copy: bool = False) -> pd.DataFrame:
    """Share of voice by side, per outlet: of the outlet's actor mentions,
    the share per side ("talked about"), and of its speech quotes (``kind``
    direct / indirect / mixed), the share per speaker side ("speaks"), each out of the outlet's own total so outlets of
    different size compare.

    Returns:
        :data:`VOICE_COLUMNS`; ``measure`` is :data:`TALKED_ABOUT` or
        :data:`SPEAKS`. Unresolved speakers count as :data:`UNATTRIBUTED`
        (shown, not hidden), so each outlet's shares add up to 1 per measure.
        ``once_per_copy``: a quote in a passage two outlets share (wire copy)
        counts once, for the outlet that published it first
        (:func:`toolkit.sourcing.copies.counted_once`); mentions count as printed.
    """
    m = corpus.with_outlet("mentions")
    m = m.assign(side=m["side"].astype("string").fillna(UNKNOWN_SIDE))
    from toolkit.quotes.coverage import speech_only  # scare quotes, titles and terms are nobody's voice

    q = speech_only(corpus.with_outlet("quotes"))
    if once_per_copy:
        from toolkit.sourcing.copies import counted_once

        q = counted_once(q, corpus)
    q = q.assign(side=speaker_sides(q["speaker_actor_id"], actor_sides(corpus)))
    parts = []
    for measure, df in ((TALKED_ABOUT, m), (SPEAKS, q)):
        if df.empty:
            continue
        df = df.assign(outlet=df["outlet"].astype("string").fillna("unknown"))
        c = df.groupby(["outlet", "side"]).size().rename("count").reset_index()
        c["share"] = c["count"] / c.groupby("outlet")["count"].transform("sum")
        c["measure"] = measure
        parts.append(c)
    if not parts:
        return pd.DataFrame(columns=VOICE_COLUMNS)
    return pd.concat(parts, ignore_index=True)[VOICE_COLUMNS]
