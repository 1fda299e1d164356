"""Corpus-level analyses of the claims table: which claims are about the same
event, what each outlet says about it, how far the figures spread, and
running totals over time.

The one place that answers these questions: plain functions from an
:class:`~toolkit.corpus.AnnotatedCorpus` to tidy DataFrames. The charts
(:mod:`toolkit.charts.claims`), the notebooks and the widgets only show these
frames; they never decide on their own which claims belong together.

Public functions
    :func:`ledger` — every claim, one row each, with the event (or running
    total) it belongs to, a readable figure and its sentence.
    :func:`events` — one row per event and category: the spread of figures,
    who gave them, whether they agree.
    :func:`spread` — :func:`events` as a reading table, for events with a figure.
    :func:`event_claims` — one row per incident claim with its event: the rows
    of the side-by-side figures chart.
    :func:`series` — cumulative totals from the same claimant over time.
    :func:`reconcile` — ``events``, ``event_claims`` and ``series`` at once
    (:class:`ClaimGroups`).

Method (deterministic clustering, no model):

* **Events.** Incident claims (``scope == "incident"``) are clustered by *place*
  (from the ``event`` label, e.g. "Kyiv" in "Kyiv attack"; claims without a
  place cluster by the whole label, across outlets only for national events
  such as "prisoner exchange", else within the article; claims with no label
  stay alone) and *date*: two claims are the same event when their
  ``event_date`` values are at most ``window_days`` apart; an undated claim
  (dated by its article's publication instead) joins a dated event published
  up to ``report_lag_days`` after it, and two undated claims join when
  published at most ``window_days`` apart. Single linkage over claims sorted
  by date. The clustering is :func:`_cluster_events` (its key is
  :func:`_cluster_key`, the date test :func:`_same_event`); everything else
  here reads its ``event_id``.
* **Groups.** One group per event and category (killed, injured, ...), with
  the spread of figures: the lowest low and highest high bound, whether all
  claims' intervals overlap (``consistent``) and a readable ``figures`` line
  saying which outlet/claimant gave which figure.
* **Series.** Cumulative claims (``scope == "cumulative"``) from the same
  claimant (catalogue actor id, else the normalised claimant name; the
  outlet's own voice is per outlet) about the same category and side, ordered
  by date (``event_date`` if the sentence dates it, else publication): e.g.
  the Ukrainian General Staff's Russian-losses total as reported by several
  outlets on different days. A running total is never set against a single
  strike's toll.

Every member row keeps ``article_id, sent_id, start, end`` (the evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from toolkit.claims.lexicon import load_lexicon
from toolkit.claims.qualify import headline_mask
from toolkit.memo import memoised

QUALIFIER_SIGN = {"at_least": "≥", "more_than": ">", "up_to": "≤", "about": "~"}
QUALIFIER_WORDS = {"at_least": "at least ", "more_than": "more than ", "up_to": "up to ", "about": "about "}
#: characters of the evidence sentence kept in the ledger
SENTENCE_CHARS = 400


@dataclass
class ClaimGroups:
    """Result of :func:`reconcile` (three tidy DataFrames)."""

    groups: pd.DataFrame
    members: pd.DataFrame
    series: pd.DataFrame

    def __repr__(self) -> str:
        return f"ClaimGroups(groups={len(self.groups)}, members={len(self.members)}, series={len(self.series)})"


def reconcile(corpus, *, window_days: int = 1, report_lag_days: int = 7, once_per_copy: bool = False) -> ClaimGroups:
    """Group an :class:`~toolkit.corpus.AnnotatedCorpus`'s claims (see module doc).

    ``once_per_copy``: a figure in a passage two outlets share (wire copy,
    :mod:`toolkit.sourcing.copies`) counts once, for the outlet that published
    it first (default ``False``: every outlet's copy counts, as printed).

    Returns:
        :class:`ClaimGroups`: ``groups`` (= :func:`events`), ``members``
        (= :func:`event_claims` without the display columns) and ``series``
        (= :func:`series`).
    """
    # the ledger, events, spread and figures chart of one corpus all start
    # here: cluster once per corpus (toolkit.memo)
    frames = (corpus.claims, corpus.articles, corpus.sourcing)
    return memoised("claims.reconcile", frames, (window_days, report_lag_days, once_per_copy),
                    lambda: _reconcile(corpus, window_days, report_lag_days, once_per_copy),
                    lambda r: ClaimGroups(r.groups.copy(), r.members.copy(), r.series.copy()))


def _reconcile(corpus, window_days: int, report_lag_days: int, once_per_copy: bool) -> ClaimGroups:
    claims = _countable(corpus, once_per_copy)
    incident = claims[claims["scope"].astype("string") == "incident"].copy()
    cumulative = claims[claims["scope"].astype("string") == "cumulative"].copy()
    members = _cluster_events(incident, window_days, report_lag_days)
    groups = _summarise_groups(members)
    groups["label"] = event_labels(groups)
    return ClaimGroups(groups=groups, members=members, series=_series(cumulative))


def events(corpus, **options) -> pd.DataFrame:
    """One row per event and casualty category (see module doc).

    Args:
        corpus: an annotated corpus.
        **options: ``window_days``, ``report_lag_days``, ``once_per_copy`` of :func:`reconcile`.

    Returns:
        ``group_id, event_id, category, place, event, event_date,
        first_published, last_published, n_claims, n_articles, n_outlets,
        n_claimants, low, high, consistent, side_affected, figures, label``
        where ``label`` is the event's readable handle (the same string in
        :func:`ledger`, :func:`spread` and the figures chart).
    """
    return reconcile(corpus, **options).groups


def _countable(corpus, once_per_copy: bool) -> pd.DataFrame:
    claims = countable(corpus.with_outlet("claims"))
    if once_per_copy:  # shared copy is one voice (toolkit.sourcing)
        from toolkit.sourcing.copies import counted_once

        claims = counted_once(claims, corpus)
    return claims


def countable(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims that events, spreads, series and headline figures may use:
    reported (not hypothetical or denied), about the story, not a rate
    (:func:`toolkit.claims.qualify.headline_mask`). The ledger keeps every
    claim and shows these columns."""
    return claims[headline_mask(claims)]


def headline_figures(corpus, *, once_per_copy: bool = False) -> pd.DataFrame:
    """Per outlet, its largest countable figure (on-story, reported, not a
    rate): ``outlet, figure, category, value_low, value_high, qualifier,
    claimant, article_id, sent_id, start, end`` — what a summary may show as
    an outlet's headline toll (``once_per_copy``: as in :func:`reconcile`)."""
    claims = _countable(corpus, once_per_copy)
    columns = ["outlet", "figure", "category", "value_low", "value_high", "qualifier", "claimant", "article_id",
               "sent_id", "start", "end"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    c = claims.assign(point=claims["value_low"].astype("Float64").fillna(claims["value_high"].astype("Float64")),
                      outlet=claims["outlet"].astype("string"))
    c = c.dropna(subset=["point"]).sort_values("point", ascending=False, kind="stable").drop_duplicates("outlet")
    c["figure"] = [figure_text(lo, hi, q) for lo, hi, q in zip(c["value_low"], c["value_high"], c["qualifier"])]
    c["claimant"] = c["claimant"].fillna(c["outlet"]).astype("string")
    return c[columns].reset_index(drop=True)


def series(corpus, *, once_per_copy: bool = False) -> pd.DataFrame:
    """Running totals: cumulative claims from one claimant about one category
    and side, in date order, with the change since the previous point
    (``once_per_copy``: as in :func:`reconcile`)."""
    cumulative = _countable(corpus, once_per_copy)
    return _series(cumulative[cumulative["scope"].astype("string") == "cumulative"].copy())


def event_labels(groups: pd.DataFrame) -> pd.Series:
    """A readable, unique handle per event: its commonest ``event`` label and
    its date, the earliest ``event_date`` of any of its claims, else its first
    publication day ("Kyiv attack, 17 Jun 2025"). Claims without a place are
    "unplaced" (each alone, never grouped). Two events with the same handle
    get their ``event_id`` appended, so a label always means one event."""
    if groups.empty:
        return pd.Series([], dtype="string", index=groups.index)
    g = groups.groupby("event_id", sort=True)
    when = g["event_date"].min().fillna(g["first_published"].min())
    text = g["event"].agg(lambda s: s.dropna().astype(str).mode().iloc[0] if s.notna().any() else "unplaced")
    day = pd.to_datetime(when).map(lambda d: f"{d.day} {d:%b %Y}" if pd.notna(d) else "undated")
    label = text.astype("string") + ", " + day.astype("string")
    unplaced = pd.Series(g["event_id"].first().index.str.startswith(UNPLACED_PREFIX), index=label.index)
    label[unplaced] = "unplaced: " + label[unplaced]
    clash = label.duplicated(keep=False)
    label[clash] = label[clash] + " (" + label.index[clash].astype(str) + ")"
    return groups["event_id"].map(label).astype("string")


def _label_by_event(groups: pd.DataFrame) -> pd.Series:
    """event_id -> label (a groups table has one row per event and category)."""
    return groups.drop_duplicates("event_id").set_index("event_id")["label"]


def figure_text(low, high, qualifier) -> str:
    """A figure as a reader writes it: "at least 28", "24–99", "1,000";
    "unquantified" without a value."""
    if pd.isna(low) and pd.isna(high):
        return "unquantified"
    if not pd.isna(high) and not pd.isna(low) and high != low:
        return f"{low:,.0f}–{high:,.0f}"
    prefix = QUALIFIER_WORDS.get(str(qualifier), "") if not pd.isna(qualifier) else ""
    value = low if not pd.isna(low) else high
    return f"{prefix}{value:,.0f}"


def _with_sentences(corpus, rows: pd.DataFrame, width: int = SENTENCE_CHARS) -> pd.Series:
    """The sentence each row comes from, whitespace folded, cut at ``width``."""
    if rows.empty:
        return pd.Series([], dtype="string", index=rows.index)
    sents = corpus.sentences[["article_id", "sent_id", "text"]]
    joined = rows[["article_id", "sent_id"]].merge(sents, on=["article_id", "sent_id"], how="left")

    def cut(text) -> str:
        text = " ".join(str(text).split())
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"

    return pd.Series(joined["text"].fillna("").map(cut).to_numpy(), index=rows.index, dtype="string")


LEDGER_COLUMNS = ["outlet", "published", "category", "figure", "qualifier", "side_affected", "claimant",
                  "claimant_is_outlet", "in_quote", "modality", "rate", "about_story", "mentions", "scope", "event",
                  "event_id", "value_low", "value_high", "sentence", "article_id", "sent_id"]


def ledger(corpus, **options) -> pd.DataFrame:
    """Every casualty claim, one row each.

    Args:
        corpus: an annotated corpus.
        **options: ``window_days``, ``report_lag_days``, ``once_per_copy`` of :func:`reconcile`.

    Returns:
        :data:`LEDGER_COLUMNS`: outlet, publication day, category, a readable
        ``figure``, the claimant (the outlet itself when nobody else is named),
        whether it is in a quote, the scope, the ``event`` it belongs to (the
        :func:`events` label; a cumulative claim names its running total,
        "running total · <claimant> · <category>") with its ``event_id``
        (``E…`` event, ``S…`` series), the bounds as numbers and the sentence.
        Sorted by event, then outlet and date.
    """
    result = reconcile(corpus, **options)
    claims = corpus.with_outlet("claims")
    if claims.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    claims["outlet"] = claims["outlet"].astype("string").fillna("unknown")
    claims["claimant"] = claims["claimant"].fillna(claims["outlet"]).astype("string")
    key = ["article_id", "start", "end", "category"]
    labels = _label_by_event(result.groups)
    incident = result.members[[*key, "event_id"]].assign(event_label=lambda m: m["event_id"].map(labels))
    running = result.series[[*key[:3], "series_id", "claimant", "category"]].rename(columns={"series_id": "event_id"})
    running["event_label"] = ("running total · " + running["claimant"].astype("string").fillna("?") + " · "
                              + running["category"].astype("string"))
    assigned = pd.concat([incident, running[[*key, "event_id", "event_label"]]], ignore_index=True)
    assigned["category"] = assigned["category"].astype("string")
    claims["category"] = claims["category"].astype("string")
    out = claims.merge(assigned.drop_duplicates(key), on=key, how="left")
    out["figure"] = [figure_text(lo, hi, q) for lo, hi, q in zip(out["value_low"], out["value_high"], out["qualifier"])]
    out["sentence"] = _with_sentences(corpus, out)
    out = out.assign(published=out["published"].dt.date, event=out["event_label"].astype("string"),
                     category=out["category"].fillna("unspecified"))
    return out.sort_values(["event", "outlet", "published"], kind="stable")[LEDGER_COLUMNS].reset_index(drop=True)


SPREAD_COLUMNS = ["event", "category", "outlets", "claimants", "claims", "lowest", "highest", "high/low",
                  "vague", "consistent", "event_id"]


def spread(corpus, **options) -> pd.DataFrame:
    """Per event and category with a figure: how many outlets and claimants
    give one, the lowest and highest figure stated, their ratio (1.0 =
    everyone agrees) and whether one figure could satisfy every claim.
    Vague figures ("dozens") stay ranges in ``vague`` ("24–99 (Trendozz)")
    and set ``lowest``/``highest`` only when an event has no other figure, so
    the upper bound of a word never passes for a stated figure.

    The rows are :func:`events` (same ``event`` labels, same grouping), most
    outlets first: the table under the figures chart, row for row.
    """
    members = event_claims(corpus, **options)
    members = members[members["value_low"].notna()]
    if members.empty:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    groups = events(corpus, **options).set_index("group_id")
    g = members.groupby("group_id", sort=False)
    vague = members["qualifier"].astype("string").eq("vague").fillna(False)
    stated = members[~vague].groupby("group_id", sort=False)
    out = pd.DataFrame({
        "event": g["event_label"].first(),
        "category": g["category"].first().astype("string"),
        "outlets": g["outlet"].nunique(),
        "claimants": g["claimant"].agg(lambda s: ", ".join(sorted(set(s)))),
        "claims": g.size(),
        "lowest": stated["value_low"].min().astype("float").reindex(g.size().index),
        "highest": stated["value_high"].max().astype("float").reindex(g.size().index),
    })
    only_vague = out["lowest"].isna()
    out.loc[only_vague, "lowest"] = g["value_low"].min().astype("float")[only_vague]
    out.loc[only_vague, "highest"] = g["value_high"].max().astype("float")[only_vague]
    out["high/low"] = (out["highest"] / out["lowest"].where(out["lowest"] > 0)).round(2)
    out.loc[only_vague, "high/low"] = float("nan")
    ranges = members[vague].assign(text=lambda m: m["figure"] + " (" + m["outlet"] + ")")
    out["vague"] = ranges.groupby("group_id", sort=False)["text"].agg("; ".join).reindex(out.index).astype("string")
    out["consistent"] = groups["consistent"].reindex(out.index).astype("boolean")
    out["event_id"] = groups["event_id"].reindex(out.index)
    order = event_order(members)
    out["_rank"] = out["event"].map({e: i for i, e in enumerate(order)})
    out = out.sort_values(["_rank", "category"], kind="stable").drop(columns="_rank")
    return out[SPREAD_COLUMNS].reset_index(drop=True)


def event_claims(corpus, **options) -> pd.DataFrame:
    """One row per incident claim with its event: the members of
    :func:`reconcile` plus ``event_label`` (the :func:`events` label), a
    readable ``figure``, the claimant (the outlet when nobody else is named;
    the same fallback as :func:`ledger`), ``value_high`` filled with
    ``value_low`` for point figures and the ``sentence``."""
    result = reconcile(corpus, **options)
    m = result.members.copy()
    if m.empty:
        return m.assign(event_label=pd.Series(dtype="string"), figure=pd.Series(dtype="string"),
                        sentence=pd.Series(dtype="string"))
    m["outlet"] = m["outlet"].astype("string").fillna("unknown")
    m["category"] = m["category"].astype("string")
    m["event_label"] = m["event_id"].map(_label_by_event(result.groups))
    m["figure"] = [figure_text(lo, hi, q) for lo, hi, q in zip(m["value_low"], m["value_high"], m["qualifier"])]
    m["claimant"] = m["claimant"].fillna(m["outlet"]).astype("string")
    m["value_high"] = m["value_high"].fillna(m["value_low"])
    m["sentence"] = _with_sentences(corpus, m)
    return m


def event_order(members: pd.DataFrame) -> list[str]:
    """Event labels, the events most outlets report first (then most claims,
    then date): the row order of the figures chart and of :func:`spread`."""
    if members.empty:
        return []
    g = members.groupby("event_label", sort=False)
    rank = pd.DataFrame({"outlets": g["outlet"].nunique(), "claims": g.size(), "when": g["published"].min()})
    rank = rank.sort_values(["outlets", "claims", "when"], ascending=[False, False, True], kind="stable")
    return rank.index.tolist()


# -- events --------------------------------------------------------------------

def place_of(event: str | None) -> str | None:
    """The place in an event label ("Kyiv missile strike" -> "Kyiv"), or None."""
    if not isinstance(event, str) or not event.strip():
        return None
    kinds = sorted({k for v in load_lexicon().event_kinds.values() for k in (v, *v.split())}, key=len, reverse=True)
    place, previous = event.strip(), None
    while place != previous:  # "Chasiv Yar missile attack": strip kind words from the end
        previous = place
        for kind in kinds:
            place = re.sub(rf"\s*\b{re.escape(kind)}$", "", place, flags=re.IGNORECASE).strip()
    return place or None


#: events without a place that are still one national event per date
PLACELESS_EVENTS = frozenset({"prisoner exchange"})


#: event ids of claims without a place: each is its own "unplaced" row, never grouped
UNPLACED_PREFIX = "U"


def _cluster_key(event: str | None, article_id: str) -> str | None:
    """Claims cluster by place; a place-less label clusters (across articles)
    only for national events (a prisoner exchange). Any other claim without a
    place is unplaced: "an attack" in two outlets on one day need not be the
    same attack, nor two in one live blog."""
    place = place_of(event)
    if place:
        return "place:" + place.lower()
    if not isinstance(event, str) or not event.strip():
        return None
    label = event.strip().lower()
    return f"event:{label}" if label in PLACELESS_EVENTS else None


def _cluster_events(df: pd.DataFrame, window_days: int, report_lag_days: int) -> pd.DataFrame:
    columns = ["event_id", "group_id", *MEMBER_COLUMNS]
    if df.empty:
        return pd.DataFrame(columns=columns)
    df = df.reset_index(drop=True)
    df["place"] = df["event"].map(lambda e: place_of(e if isinstance(e, str) else None))
    df["cluster_key"] = [_cluster_key(e if isinstance(e, str) else None, a) for e, a in zip(df["event"], df["article_id"])]
    df["date_basis"] = df["event_date"].notna().map({True: "event_date", False: "published"})
    df["when"] = df["event_date"].fillna(df["published"])
    event_ids = pd.Series(pd.NA, index=df.index, dtype="string")
    next_id = 0
    for key, part in df.groupby("cluster_key", dropna=False, sort=True):
        if key is None or (isinstance(key, float) and pd.isna(key)):
            for i in part.index:  # no place: nothing to reconcile with
                event_ids[i] = f"{UNPLACED_PREFIX}{next_id:04d}"
                next_id += 1
            continue
        for cluster in _link(part, window_days, report_lag_days):
            for i in cluster:
                event_ids[i] = f"E{next_id:04d}"
            next_id += 1
    df["event_id"] = event_ids
    df["group_id"] = df["event_id"] + ":" + df["category"].astype("string")
    return df[columns].sort_values(["event_id", "category", "published", "article_id", "start"]).reset_index(drop=True)


def _link(part: pd.DataFrame, window_days: int, report_lag_days: int) -> list[list[int]]:
    """Single-linkage clusters of one place's claims by date (module doc)."""
    rows = part.sort_values("when")
    clusters: list[list[int]] = []
    for i, row in rows.iterrows():
        for cluster in reversed(clusters):
            if any(_same_event(part.loc[j], row, window_days, report_lag_days) for j in cluster):
                cluster.append(i)
                break
        else:
            clusters.append([i])
    return clusters


def _same_event(a: pd.Series, b: pd.Series, window_days: int, report_lag_days: int) -> bool:
    if pd.isna(a["when"]) or pd.isna(b["when"]):
        return a["article_id"] == b["article_id"]
    a_dated, b_dated = pd.notna(a["event_date"]), pd.notna(b["event_date"])
    gap = (b["when"] - a["when"]).days
    if a_dated and b_dated:
        return abs(gap) <= window_days
    if a_dated != b_dated:  # an undated report of a dated event comes out after it
        dated, undated = (a, b) if a_dated else (b, a)
        lag = (undated["published"] - dated["event_date"]).days
        return 0 <= lag <= report_lag_days
    return abs(gap) <= window_days


MEMBER_COLUMNS = ["article_id", "sent_id", "start", "end", "outlet", "published", "claimant", "claimant_actor_id",
                  "in_quote", "category", "surface", "value_low", "value_high", "qualifier", "unit", "side_affected",
                  "event", "place", "event_date", "date_basis"]


def _summarise_groups(members: pd.DataFrame) -> pd.DataFrame:
    columns = ["group_id", "event_id", "category", "place", "event", "event_date", "first_published",
               "last_published", "n_claims", "n_articles", "n_outlets", "n_claimants", "low", "high",
               "consistent", "side_affected", "figures"]
    if members.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for group_id, g in members.groupby("group_id", sort=True):
        lows = g["value_low"].astype("Float64")
        highs = g["value_high"].astype("Float64")
        sides = sorted({s for s in g["side_affected"].dropna().astype(str) if s != "unknown"})
        rows.append({
            "group_id": group_id,
            "event_id": g["event_id"].iloc[0],
            "category": g["category"].iloc[0],
            "place": g["place"].dropna().iloc[0] if g["place"].notna().any() else None,
            "event": g["event"].dropna().astype(str).mode().iloc[0] if g["event"].notna().any() else None,
            "event_date": g["event_date"].min(),
            "first_published": g["published"].min(),
            "last_published": g["published"].max(),
            "n_claims": len(g),
            "n_articles": g["article_id"].nunique(),
            "n_outlets": g["outlet"].nunique(),
            "n_claimants": g["claimant"].nunique(),
            "low": lows.min() if lows.notna().any() else highs.min(),
            "high": highs.max() if highs.notna().any() else pd.NA,
            "consistent": _intervals_overlap(lows, highs),
            "side_affected": "/".join(sides) if sides else "unknown",
            "figures": "; ".join(_figure_text(r) for r in g.itertuples()),
        })
    out = pd.DataFrame(rows, columns=columns)
    for col in ("low", "high"):
        out[col] = out[col].astype("Float64")
    return out


def _intervals_overlap(lows: pd.Series, highs: pd.Series) -> bool:
    """True when one figure could satisfy every claim (open ends are open)."""
    lo = lows.max() if lows.notna().any() else None
    hi = highs.min() if highs.notna().any() else None
    return lo is None or hi is None or bool(lo <= hi)


def _figure_text(r) -> str:
    """"≥28 killed (amedpost.com; claimant: amedpost.com)"."""
    low, high = r.value_low, r.value_high
    if pd.notna(low) and pd.notna(high) and low != high:
        value = f"{_num(low)}–{_num(high)}"
    else:
        value = _num(low if pd.notna(low) else high)
    sign = QUALIFIER_SIGN.get(str(r.qualifier), "")
    who = r.claimant if isinstance(r.claimant, str) else "?"
    return f"{sign}{value} [{r.qualifier}] ({r.outlet}; claimant: {who})"


def _num(x) -> str:
    try:
        return f"{float(x):,.0f}"
    except (TypeError, ValueError):
        return "?"


# -- series ---------------------------------------------------------------------

SERIES_COLUMNS = ["series_id", "claimant_key", "claimant", "category", "side_affected", "as_of", "date_basis",
                  "value_low", "value_high", "qualifier", "change", "outlet", "article_id", "sent_id", "start",
                  "end", "surface", "n_points"]


def claimant_key(actor_id, claimant, outlet) -> str:
    """Who a running total belongs to: the actor id, else the normalised name;
    the outlet's own voice ("outlet:<name>") stays per outlet."""
    if isinstance(actor_id, str) and actor_id:
        return actor_id
    name = claimant if isinstance(claimant, str) else str(outlet)
    name = re.sub(r"[’']s\b", "", name.lower())
    return "name:" + re.sub(r"[^a-z0-9]+", " ", name).strip()


def _series(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    df = df.copy()
    df["claimant_key"] = [claimant_key(a, c, o) for a, c, o in
                          zip(df["claimant_actor_id"], df["claimant"], df["outlet"])]
    df["as_of"] = df["event_date"].fillna(df["published"])
    df["date_basis"] = df["event_date"].notna().map({True: "event_date", False: "published"})
    df["side_affected"] = df["side_affected"].fillna("unknown")
    keys = ["claimant_key", "category", "side_affected"]
    df = df.sort_values([*keys, "as_of", "article_id", "start"]).reset_index(drop=True)
    df["series_id"] = df.groupby(keys, sort=False, observed=True).ngroup().map(lambda i: f"S{i:04d}")
    point = df["value_low"].astype("Float64").fillna(df["value_high"].astype("Float64"))
    df["change"] = point.groupby(df["series_id"]).diff()
    df["n_points"] = df.groupby("series_id")["series_id"].transform("size")
    return df[SERIES_COLUMNS].reset_index(drop=True)
