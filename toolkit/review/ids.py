"""Stable row ids: the same row gets the same id every time its text is annotated.

A correction (see :mod:`toolkit.review.corrections`) names the row it corrects
by ``row_id``, so the id must survive everything except a change of the text
the row stands on: a new toolkit version, an edited catalogue, a changed
sidecar, other articles added or edited, another cache or engine.

Method
    ``row_id = <prefix>-<first 16 hex of sha256(content_hash | table | start | end [| discriminator])>``
    where ``content_hash`` is the sha256 of the article's cleaned text (the
    ``articles.content_hash`` column), ``start``/``end`` the row's character
    span and ``prefix`` one letter per table (``m q c d f``) so an id read in a
    corrections file says which table it belongs to.

    The discriminator is only added where one span yields several rows:

    * ``framing`` always adds ``signal``: the same word is routinely a naming
      choice *and* an agency signal (13 spans of the sample carry two framing rows).
    * in the other tables a span that yields several rows (rare: a claims
      span read as two categories) adds that table's rule column
      (:data:`RULE_COLUMNS`), and a row still tied with another gets its
      occurrence number in reading order.

    Keeping the discriminator out of the id where it is not needed is what
    lets a correction survive a toolkit version that changes a row's
    *category* or *kind*: the row keeps its id and the analyst's edit is
    re-applied to it.

    Two loaded articles with the same cleaned text (``load(keep_duplicates=True)``)
    would share ids, so from the second one on the article id joins the hash.
"""

from __future__ import annotations

import hashlib

import pandas as pd

#: tables whose rows get a ``row_id`` (every table of rows from text except sentences)
ID_TABLES = ("mentions", "quotes", "claims", "dates", "framing")
PREFIX = {"mentions": "m", "quotes": "q", "claims": "c", "dates": "d", "framing": "f"}
#: columns always part of the id (the extractor emits several rows per span by design)
ALWAYS = {"framing": ("signal",)}
#: columns added to the id only when a span yields several rows
RULE_COLUMNS = {"mentions": ("kind",), "quotes": ("cue",), "claims": ("category",), "dates": ("kind",),
                "framing": ("term", "category")}


def row_id(content_hash: str, table: str, start: int, end: int, discriminator: str = "") -> str:
    """The id of one row: see the module docstring for the method.

    Args:
        content_hash: ``articles.content_hash`` of the row's article.
        table: one of :data:`ID_TABLES`.
        start, end: the row's character span in ``articles.text``.
        discriminator: what tells apart rows on the same span ("" if none).

    Returns:
        ``"<prefix>-<16 hex>"``, e.g. ``"c-3f2a9b1c0d4e5f60"``.
    """
    raw = f"{content_hash}|{table}|{int(start)}|{int(end)}"
    if discriminator:
        raw += f"|{discriminator}"
    return f"{PREFIX[table]}-{hashlib.sha256(raw.encode('utf-8')).hexdigest()[:16]}"


def assign_row_ids(table: str, df: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """The ``row_id`` of every row of ``df`` (one of :data:`ID_TABLES`).

    Args:
        table: the table's name.
        df: the table, with ``article_id, start, end`` and its rule columns.
        articles: the ``articles`` table (``article_id, content_hash``).

    Returns:
        A ``string`` Series aligned with ``df``; ids are unique within the table.
    """
    if df.empty:
        return pd.Series([], index=df.index, dtype="string")
    hashes = _article_hashes(articles)
    # plain Python over the rows: the same strings the column-wise version built with
    # string Series, at under half the cost (every partition pays it; docs/results/scale.md)
    aids = df["article_id"].astype("string").to_numpy(dtype=object, na_value=None)
    if any(aid is None for aid in aids):  # never from the extractors (every row names its article)
        return _assign_row_ids_by_columns(table, df, articles)
    base = [hashes.get(aid, aid) for aid in aids]
    starts, ends = _ints(df["start"]), _ints(df["end"])
    key = [f"{b}|{'' if s is None else s}:{'' if e is None else e}" for b, s, e in zip(base, starts, ends)]
    disc = [""] * len(df)
    for column in ALWAYS.get(table, ()):
        disc = [d + "|" + v for d, v in zip(disc, _texts(df[column]))]
    tied = _duplicated([k + d for k, d in zip(key, disc)])
    if any(tied):
        extra = [""] * len(df)
        for column in RULE_COLUMNS.get(table, ()):
            if column in df.columns:
                extra = [x + "|" + v for x, v in zip(extra, _texts(df[column]))]
        disc = [d + x if t else d for d, x, t in zip(disc, extra, tied)]
        # still tied (the same span, same rule): number them in reading order
        full = [k + d for k, d in zip(key, disc)]
        still = _duplicated(full)
        seen: dict[str, int] = {}
        for i, (f, st) in enumerate(zip(full, still)):
            if st:
                nth = seen.get(f, 0)
                seen[f] = nth + 1
                disc[i] = f"{disc[i]}|#{nth}"
    ids = [row_id(h, table, -1 if s is None else s, -1 if e is None else e, d.lstrip("|") if d else "")
           for h, s, e, d in zip(base, starts, ends, disc)]
    return pd.Series(ids, index=df.index, dtype="string")


def _ints(values: pd.Series) -> list[int | None]:
    """Whole numbers as ``int``, missing as ``None``."""
    return [None if v is None else int(v) for v in values.astype("Int64").to_numpy(dtype=object, na_value=None)]


def _texts(values: pd.Series) -> list[str]:
    """As :func:`_text`, as a list."""
    return [str(v) for v in _text(values).to_numpy(dtype=object)]


def _duplicated(values: list[str]) -> list[bool]:
    """``Series.duplicated(keep=False)``: True for every value that occurs more than once."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return [counts[v] > 1 for v in values]


def _assign_row_ids_by_columns(table: str, df: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """:func:`assign_row_ids` with string Series (rows whose ``article_id`` is missing)."""
    hashes = _article_hashes(articles)
    base = df["article_id"].astype("string").map(hashes).fillna(df["article_id"].astype("string"))
    span = df["start"].astype("Int64").astype("string").fillna("") + ":" + df["end"].astype("Int64").astype("string").fillna("")
    disc = pd.Series("", index=df.index, dtype="string")
    for column in ALWAYS.get(table, ()):
        disc = disc + "|" + _text(df[column])
    key = base + "|" + span
    tied = (key + disc).duplicated(keep=False)
    if tied.any():
        extra = pd.Series("", index=df.index, dtype="string")
        for column in RULE_COLUMNS.get(table, ()):
            if column in df.columns:
                extra = extra + "|" + _text(df[column])
        disc = disc.where(~tied, disc + extra)
        # still tied (the same span, same rule): number them in reading order
        full = key + disc
        still = full.duplicated(keep=False)
        if still.any():
            nth = full[still].groupby(full[still]).cumcount().astype("string")
            disc.loc[still] = disc.loc[still] + "|#" + nth
    ids = [row_id(h, table, s, e, d.lstrip("|") if d else "")
           for h, s, e, d in zip(base, df["start"].fillna(-1), df["end"].fillna(-1), disc)]
    return pd.Series(ids, index=df.index, dtype="string")


def _article_hashes(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> the hash ids derive from; a repeated content hash gets the
    article id mixed in from its second article on."""
    out, seen = {}, set()
    for aid, h in zip(articles["article_id"].astype(str), articles["content_hash"].astype("string").fillna("")):
        h = h or aid
        out[aid] = h if h not in seen else f"{h}|{aid}"
        seen.add(h)
    return out


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("")
