"""The timeline and who reported first: dated event mentions, the events they
cluster into, and which outlet reported each event first.

The one place for these questions: :func:`timeline` (``toolkit.timeline``),
:func:`event_mentions` and :func:`first_reported` are plain functions from an
:class:`~toolkit.corpus.AnnotatedCorpus` to tidy frames;
:mod:`toolkit.charts.timeline` only draws them.

Mentions: every sentence that carries a day- to month-level date (a ``dates``
row of kind date / relative / range with a concrete interval, within
:data:`PLAUSIBLE`) is one *event mention*, with the actors mentioned in that
sentence (``corpus.mentions``) and the casualty claims made in it
(``corpus.claims``).

Events: mentions are clustered across articles and outlets by complete-link
agglomeration: two mentions may share an event only if they

1. have compatible dates: two day-level intervals at most ``window_days`` apart
   (reports of "Friday" and "June 27" may differ by a day around midnight and
   time zones; within one article the days must be equal), or two coarser
   mentions (week/month) with the same interval; and
2. tell the same story: the cosine of their binary tf-idf vectors is at least
   ``min_similarity``. Terms are the sentence's content words (lower-cased,
   3+ letters, minus spaCy's English stop words, reporting verbs and calendar
   words) plus the actor ids mentioned in it; idf is computed over the dated
   mentions, so "russia" in every sentence counts for little and "vinnytsia"
   for a lot.

Pairs are merged strongest first, and two clusters merge only when *every*
cross pair satisfies 1 and 2 (complete link), so a chain of loosely similar
sentences cannot snowball into one "event". This is the "same time window +
lexical/entity overlap" event-coreference heuristic of topic detection and
tracking (Allan et al. 1998, TDT) restricted to dated sentences. For each
event, the outlet that mentioned it first is the one whose article was
published first; every other outlet gets its lag in days
(:func:`first_reported` keeps the events two or more outlets report).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from toolkit.dates.lexicon import load_lexicon
# what can date an event: one definition, shared with the claims' event dates
from toolkit.dates.sentence import EVENT_GRANULARITIES, EVENT_KINDS
from toolkit.memo import memoised

#: dates outside this window are history ("April 1945") or parsing noise, not the story's events
PLAUSIBLE = (pd.Timestamp("1990-01-01"), pd.Timestamp("2100-01-01"))
#: words that say nothing about what happened
NON_TERMS = {"said", "says", "say", "told", "tell", "according", "added", "reported", "report", "reports",
             "noted", "stated", "asked", "including", "also", "year", "years", "month", "months", "week",
             "weeks", "day", "days", "today", "yesterday", "tomorrow", "earlier", "later", "previously",
             "late", "early", "mid", "last", "next", "president", "minister", "mr", "mrs", "ms"}
#: cosine (binary tf-idf) above which two dated sentences tell of the same event
MIN_SIMILARITY = 0.2
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


@dataclass
class Timeline:
    """``mentions``: one row per dated event mention; ``events``: one row per
    (event, outlet) with the outlet's first mention and its lag."""

    mentions: pd.DataFrame
    events: pd.DataFrame

    def __repr__(self) -> str:
        n_events = self.events["event_id"].nunique() if len(self.events) else 0
        return f"Timeline({len(self.mentions)} dated mentions, {n_events} events)"


def timeline(corpus, *, window_days: int = 1, min_similarity: float = MIN_SIMILARITY) -> Timeline:
    """Build the cross-outlet timeline of an :class:`~toolkit.corpus.AnnotatedCorpus`.

    Returns:
        :class:`Timeline`: ``mentions`` (:func:`event_mentions` with an
        ``event_id``) and ``events`` (:func:`event_table`: one row per event
        and outlet, with the outlet's first mention, ``is_first`` and
        ``lag_days``).
    """
    # the timeline chart, "who reported first" (chart and table) and the event
    # table of one corpus all cluster the same sentences: once (toolkit.memo)
    frames = (corpus.dates, corpus.articles, corpus.sentences, corpus.mentions, corpus.claims)
    return memoised("dates.timeline", frames, (window_days, min_similarity),
                    lambda: _timeline(corpus, window_days, min_similarity),
                    lambda t: Timeline(mentions=t.mentions.copy(), events=t.events.copy()))


def _timeline(corpus, window_days: int, min_similarity: float) -> Timeline:
    mentions = event_mentions(corpus)
    if len(mentions):
        mentions["event_id"] = cluster_events(mentions, window_days=window_days, min_similarity=min_similarity)
    else:
        mentions["event_id"] = pd.Series(dtype="Int64")
    mentions = mentions.sort_values(["event_start", "event_id", "published", "article_id", "start"],
                                    kind="stable").reset_index(drop=True)
    return Timeline(mentions=mentions.drop(columns=["_terms"]), events=event_table(mentions))


FIRST_REPORTED_COLUMNS = ["event_id", "event_start", "event_end", "label", "keywords", "n_outlets", "outlet", "published",
                          "is_first", "lag_days", "article_id", "sent_id", "surface", "sentence"]


def first_reported(corpus, *, result: Timeline | None = None, **options) -> pd.DataFrame:
    """Who reported first: for every :func:`timeline` event that two or more
    outlets report *while both publish*, one row per outlet with its first
    article on it, whether it was the first (``is_first``) and how many days
    after the first it followed (``lag_days``; 0 = the same day).

    Method: an outlet's coverage window runs from its first to its last
    article in the corpus (:func:`coverage_windows`). An outlet is compared on
    an event only if its window had begun by the day the event happened
    (``event_start``; or by the first report, when an event was announced
    before it happened): an outlet whose data starts in May may well have
    reported a February arrest in February, so "83 days late" would be an
    artefact of the data, not of the outlet. (Its window cannot have ended
    before: it reported the event.) Events left with fewer than two outlets
    are dropped; ``n_outlets`` counts the outlets compared, and the frame's
    ``attrs["left_out"]`` the (event, outlet) rows set aside, so a caption
    can say so.

    Args:
        corpus: an annotated corpus.
        result: a :func:`timeline` already built for ``corpus`` (saves
            clustering twice); else it is built with ``options``.
        **options: ``window_days``, ``min_similarity`` of :func:`timeline`.

    Returns:
        :data:`FIRST_REPORTED_COLUMNS`, in event date order, the first outlet
        first within an event.
    """
    events = (result if result is not None else timeline(corpus, **options)).events
    empty = pd.DataFrame({c: pd.Series(dtype="object") for c in FIRST_REPORTED_COLUMNS})
    empty.attrs["left_out"] = 0
    if events.empty:
        return empty
    windows = coverage_windows(corpus)
    started = events["outlet"].map(windows["first"]).dt.normalize()
    first_report = events.groupby("event_id")["published"].transform("min").dt.normalize()
    # the moment an outlet could first have reported it: the event's day, or
    # the first report when that came before (a pipeline "to close on 11 July")
    moment = first_report.where(first_report < events["event_start"], events["event_start"])
    publishing = (started <= moment).fillna(False).astype(bool)
    compared = events[publishing].copy()
    n_compared = compared.groupby("event_id")["outlet"].transform("nunique")
    shared = compared[n_compared >= 2].copy()
    left_out = int(len(events[events["n_outlets"].astype("Int64") >= 2]) - len(shared))
    if shared.empty:
        empty.attrs["left_out"] = left_out
        return empty
    shared["n_outlets"] = shared.groupby("event_id")["outlet"].transform("nunique").astype("Int64")
    out = shared[FIRST_REPORTED_COLUMNS].reset_index(drop=True)
    out.attrs["left_out"] = left_out
    return out


def coverage_windows(corpus) -> pd.DataFrame:
    """Per outlet, its first and last publication time in the corpus
    (index ``outlet``; columns ``first``, ``last``, ``articles``)."""
    arts = corpus.articles.assign(outlet=corpus.articles["outlet"].astype("string").fillna("unknown"))
    arts = arts.dropna(subset=["published"])
    return arts.groupby("outlet")["published"].agg(first="min", last="max", articles="size")


# -- mentions -------------------------------------------------------------------

def event_mentions(corpus) -> pd.DataFrame:
    """One row per dates row that can date an event, with its sentence, actors and claims."""
    frames = (corpus.dates, corpus.articles, corpus.sentences, corpus.mentions, corpus.claims)
    return memoised("dates.event_mentions", frames, (), lambda: _event_mentions(corpus), lambda df: df.copy())


def _event_mentions(corpus) -> pd.DataFrame:
    dates = corpus.dates
    keep = (dates["kind"].astype("string").isin(EVENT_KINDS)
            & dates["granularity"].astype("string").isin(EVENT_GRANULARITIES)
            & dates["start_date"].notna() & dates["end_date"].notna()
            & (dates["start_date"] >= PLAUSIBLE[0]) & (dates["start_date"] < PLAUSIBLE[1]))
    rows = dates.loc[keep, ["article_id", "sent_id", "start", "end", "surface", "kind", "value",
                            "start_date", "end_date", "granularity", "modifier"]].copy()
    rows = rows.rename(columns={"start_date": "event_start", "end_date": "event_end"})
    rows["kind"] = rows["kind"].astype("string")
    rows["granularity"] = rows["granularity"].astype("string")
    # one mention per sentence and date interval (a sentence repeating a date is one mention)
    rows = rows.drop_duplicates(["article_id", "sent_id", "event_start", "event_end"])
    arts = corpus.articles[["article_id", "outlet", "published"]].copy()
    arts["outlet"] = arts["outlet"].astype("string")
    rows = rows.merge(arts, on="article_id", how="left")
    sentences = corpus.sentences[["article_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    rows = rows.merge(sentences, on=["article_id", "sent_id"], how="left")
    rows = rows.merge(_actors_by_sentence(corpus.mentions), on=["article_id", "sent_id"], how="left")
    rows = rows.merge(_claims_by_sentence(corpus.claims), on=["article_id", "sent_id"], how="left")
    rows["actor_ids"] = rows["actor_ids"].astype("string").fillna("")
    rows["actors"] = rows["actors"].astype("string").fillna("")
    rows["n_claims"] = pd.to_numeric(rows["n_claims"]).fillna(0).astype("Int64")
    rows["claim_categories"] = rows["claim_categories"].astype("string").fillna("")
    for column in ("places", "countries", "claim_events"):
        rows[column] = rows[column].astype("string").fillna("")
    calendar_words = _calendar_words()
    rows["_terms"] = [
        frozenset(sentence_terms(s if isinstance(s, str) else "", calendar_words)) | frozenset(a.split(";") if a else ())
        for s, a in zip(rows["sentence"], rows["actor_ids"])
    ]
    rows["terms"] = pd.Series([";".join(sorted(t)) for t in rows["_terms"]], index=rows.index, dtype="string")
    return rows.reset_index(drop=True)


def _actors_by_sentence(mentions: pd.DataFrame) -> pd.DataFrame:
    m = mentions[mentions["actor_id"].notna()]
    if not len(m):
        return pd.DataFrame(columns=["article_id", "sent_id", "actor_ids", "actors", "places", "countries"])
    keys = ["article_id", "sent_id"]
    sentences = m[keys].drop_duplicates().set_index(keys)
    for column, name in (("actor_id", "actor_ids"), ("actor", "actors")):
        # de-duplicate first, so the per-sentence join only sorts distinct values
        values = m[[*keys, column]].dropna(subset=[column]).drop_duplicates()
        joined = values.groupby(keys, observed=True)[column].agg(lambda s: ";".join(sorted(s)))
        sentences[name] = joined.reindex(sentences.index).fillna("")
    # the places named in the sentence, for the event's label (cities and
    # regions first; countries only when no smaller place is named)
    kind = m["kind"].astype("string") if "kind" in m else pd.Series(pd.NA, index=m.index, dtype="string")
    for kinds, name in (({"place"}, "places"), ({"country"}, "countries")):
        named = m[kind.isin(kinds).fillna(False)]
        named = named.sort_values("start", kind="stable") if "start" in named else named  # text order
        named = named.assign(name=named["actor"].astype("string").fillna(named["surface"].astype("string")))
        joined = named.groupby(keys, observed=True)["name"].agg(lambda s: ";".join(s.dropna().astype(str)))
        sentences[name] = joined.reindex(sentences.index).fillna("")
    return sentences.sort_index().reset_index()


def _claims_by_sentence(claims: pd.DataFrame) -> pd.DataFrame:
    if not len(claims):
        return pd.DataFrame(columns=["article_id", "sent_id", "n_claims", "claim_categories", "claim_events"])
    events = claims["event"] if "event" in claims else pd.Series(pd.NA, index=claims.index, dtype="string")
    grouped = claims.assign(_event=events.astype("string")).groupby(["article_id", "sent_id"], observed=True)
    return grouped.agg(
        n_claims=("category", "size"),
        claim_categories=("category", lambda s: ";".join(sorted(set(s.dropna().astype(str))))),
        # the claims extractor's place label of the figure ("Vinnytsia missile strike")
        claim_events=("_event", lambda s: ";".join(s.dropna().astype(str))),
    ).reset_index()


def _calendar_words() -> frozenset[str]:
    lex = load_lexicon()
    return frozenset(lex.months) | frozenset(lex.weekdays) | frozenset(lex.seasons)


def sentence_terms(sentence: str, calendar_words: frozenset[str] = frozenset()) -> set[str]:
    """Content words of a sentence: lower-cased, 3+ letters, no stop/reporting/calendar words."""
    out = set()
    for w in WORD.findall(sentence):
        w = re.sub(r"['’]s$", "", w.lower()).strip("-'’")
        if len(w) >= 3 and w not in STOP_WORDS and w not in NON_TERMS and w not in calendar_words:
            out.add(w)
    return out


# -- clustering -------------------------------------------------------------------

def term_weights(term_sets) -> dict[str, float]:
    """Inverse document frequency of each term over the dated mentions: "russia"
    in every sentence weighs nothing, "istanbul" or "vinnytsia" a lot."""
    n = len(term_sets)
    df: dict[str, int] = {}
    for terms in term_sets:
        for t in terms:
            df[t] = df.get(t, 0) + 1
    return {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}


def similarity(terms_a: frozenset, terms_b: frozenset, idf: dict[str, float]) -> float:
    """Cosine of the two sentences' binary tf-idf vectors."""
    shared = sum(idf[t] ** 2 for t in terms_a & terms_b)
    if not shared:
        return 0.0
    norm_a = math.sqrt(sum(idf[t] ** 2 for t in terms_a))
    norm_b = math.sqrt(sum(idf[t] ** 2 for t in terms_b))
    return shared / (norm_a * norm_b)


def cluster_events(mentions: pd.DataFrame, *, window_days: int, min_similarity: float) -> pd.Series:
    """Event ids (0, 1, ... in date order) by complete-link agglomeration (see module docstring)."""
    # plain Python values: this loop runs once per candidate pair
    index = mentions.index.to_list()

    def nanoseconds(column: str) -> dict:
        return dict(zip(index, mentions[column].astype("datetime64[ns]").astype("int64").tolist()))

    starts, ends = nanoseconds("event_start"), nanoseconds("event_end")
    day_level = dict(zip(index, (mentions["granularity"] == "day").fillna(False).tolist()))
    articles = dict(zip(index, mentions["article_id"].tolist()))
    terms = dict(zip(index, mentions["_terms"].tolist()))
    idf = term_weights(terms.values())
    window = pd.Timedelta(days=window_days).value

    def compatible(a: int, b: int) -> bool:
        if day_level[a] and day_level[b]:
            # the tolerance is for different reports of one event; within one
            # article two different days are two events
            if articles[a] == articles[b]:
                return starts[a] == starts[b]
            return abs(starts[b] - starts[a]) <= window
        return not day_level[a] and not day_level[b] and starts[a] == starts[b] and ends[a] == ends[b]

    cache: dict[tuple[int, int], bool] = {}

    def linked(a: int, b: int) -> bool:
        key = (a, b) if a < b else (b, a)
        if key not in cache:
            cache[key] = compatible(a, b) and similarity(terms[a], terms[b], idf) >= min_similarity
        return cache[key]

    # candidate pairs, strongest first
    order = mentions.sort_values(["event_start", "event_end"], kind="stable").index.to_list()
    pairs = []
    for pos, a in enumerate(order):
        for b in order[pos + 1:]:
            if starts[b] - starts[a] > max(window, ends[a] - starts[a]):
                break
            if linked(a, b):
                pairs.append((similarity(terms[a], terms[b], idf), a, b))
    pairs.sort(key=lambda p: -p[0])

    members: dict[int, list[int]] = {i: [i] for i in order}
    root = {i: i for i in order}
    for _, a, b in pairs:
        ra, rb = root[a], root[b]
        if ra == rb or not all(linked(x, y) for x in members[ra] for y in members[rb]):
            continue  # complete link: every pair across the two clusters must be linked
        for x in members[rb]:
            root[x] = ra
        members[ra].extend(members.pop(rb))

    numbering: dict[int, int] = {}
    for i in order:
        numbering.setdefault(root[i], len(numbering))
    return pd.Series([numbering[root[i]] for i in mentions.index], index=mentions.index, dtype="Int64")


# -- events ------------------------------------------------------------------------

def event_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, outlet): the outlet's first mention, whether it was first, its lag."""
    columns = ["event_id", "event_start", "event_end", "granularity", "value", "label", "keywords", "n_mentions",
               "n_outlets",
               "n_articles", "first_outlet", "first_published", "outlet", "is_first", "lag_days",
               "article_id", "published", "sent_id", "start", "end", "surface", "sentence", "actor_ids"]
    if not len(mentions):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    m = mentions.copy()
    m["outlet"] = m["outlet"].fillna("unknown")
    m = m.sort_values(["event_id", "published", "article_id", "start"], kind="stable", na_position="last")
    idf = term_weights(m["_terms"])
    per_event = m.groupby("event_id", sort=True).agg(
        event_start=("event_start", "min"),
        event_end=("event_end", "max"),
        granularity=("granularity", "first"),
        value=("value", lambda s: s.mode().iloc[0] if len(s.mode()) else s.iloc[0]),
        n_mentions=("article_id", "size"),
        n_outlets=("outlet", "nunique"),
        n_articles=("article_id", "nunique"),
        first_outlet=("outlet", "first"),
        first_published=("published", "first"),
        keywords=("_terms", lambda sets: event_label(sets, idf)),
        claim_events=("claim_events", _most_named),
        places=("places", _most_named),
        countries=("countries", _most_named),
    )
    per_event["label"] = event_place_labels(per_event)
    first_per_outlet = m.drop_duplicates(["event_id", "outlet"], keep="first")
    keep = ["event_id", "outlet", "article_id", "published", "sent_id", "start", "end", "surface", "sentence",
            "actor_ids"]
    out = first_per_outlet[keep].merge(per_event.reset_index(), on="event_id", how="left")
    out["is_first"] = (out["outlet"] == out["first_outlet"]).astype("boolean")
    out["lag_days"] = ((out["published"] - out["first_published"]).dt.days).astype("Int64")
    for column in ("n_mentions", "n_outlets", "n_articles"):
        out[column] = out[column].astype("Int64")
    out["label"] = out["label"].astype("string")
    out["keywords"] = out["keywords"].astype("string")
    return out[columns].sort_values(["event_start", "event_id", "lag_days", "outlet"], kind="stable").reset_index(drop=True)


def _most_named(values: pd.Series) -> str:
    """The name given most often across an event's sentences (";"-joined
    per sentence, in text order), ties to the one named first (a report
    names the city before the region it is in); "" when none."""
    counts: dict[str, int] = {}
    for joined in values.dropna():
        for name in str(joined).split(";"):
            if name:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else ""  # max keeps the first of equal counts


def event_day(start, end, granularity) -> str:
    """The event's date as a reader writes it: "3 Jul 2022", "week of 11 Jul
    2022", "Jul 2022", "11–17 Jul 2022"."""
    if pd.isna(start):
        return "undated"
    start = pd.Timestamp(start)
    end = pd.Timestamp(end) if not pd.isna(end) else start
    if granularity == "month":
        return f"{start:%b %Y}"
    if granularity == "week":
        return f"week of {start.day} {start:%b %Y}"
    if end.normalize() <= start.normalize():
        return f"{start.day} {start:%b %Y}"
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{end.day} {start:%b %Y}"
    return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"


def event_place_labels(per_event: pd.DataFrame) -> pd.Series:
    """A readable, unique handle per event, by place and date ("Lysychansk,
    3 Jul 2022"). The place: the claims extractor's ``event`` label of a
    figure in the event's sentences (the same words the casualty ledger
    uses), else the city or region its sentences name most, else the
    country, else its keywords. Two events with one handle get their
    keywords appended."""
    place = per_event["claim_events"].where(per_event["claim_events"] != "", per_event["places"])
    place = place.where(place != "", per_event["countries"])
    place = place.where(place != "", per_event["keywords"])
    day = [event_day(s, e, g) for s, e, g in zip(per_event["event_start"], per_event["event_end"],
                                                   per_event["granularity"])]
    label = place.astype(str) + ", " + pd.Series(day, index=per_event.index)
    clash = label.duplicated(keep=False)
    label[clash] = label[clash] + " · " + per_event.loc[clash, "keywords"].astype(str)
    clash = label.duplicated(keep=False)
    label[clash] = label[clash] + " (" + per_event.index[clash].astype(str) + ")"
    return label


def event_label(term_sets: pd.Series, idf: dict[str, float], top: int = 4) -> str:
    """The most frequent, most specific words of an event's sentences (a readable handle, not a summary)."""
    counts: dict[str, int] = {}
    for terms in term_sets:
        for t in terms:
            counts[t] = counts.get(t, 0) + 1
    ranked = sorted(counts, key=lambda t: (-counts[t], -idf[t], t))
    return " ".join(ranked[:top])
