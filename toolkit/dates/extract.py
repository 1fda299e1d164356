"""``extract_dates``: every temporal expression of a ``Doc``, normalised.

Method: the rule grammar (:mod:`toolkit.dates.grammar`, HeidelTime-style
patterns with TIMEX3 values) runs over ``doc.text``, each rule tried only
around its keywords (:mod:`toolkit.dates.keywords`: the same matches as a scan
of the whole text, ~15 times faster); overlapping matches are
resolved leftmost-longest; spaCy's parse vetoes readings the patterns cannot
judge alone (a year that is a count, "2000 troops"; "May" the person or modal)
and gives the tense that resolves underspecified dates
(:mod:`toolkit.dates.tense`); a preposition right before a date becomes its
modifier ("after June 22" -> AFTER); two dates joined by "from ... to" /
"between ... and" / a dash become one range. spaCy DATE entities the grammar
did not cover are offered to ``dateparser`` (anchored on the publication date,
never for bare numbers) as a fallback.

Anchor: ``ctx.published`` (the publication date; flagged ``anchor_inferred``
when the loader inferred it); in a live blog, the day of the entry an
expression sits in ("8 May 2022 21.48 ... late Sunday"; :func:`entry_anchors`).
Names that look like dates ("Today in Focus", "the Sunday Times") and prices
("12 euros an hour") are not dates. Without an anchor, relative expressions are kept
with ``value=None`` and explicit dates still normalise.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from spacy.tokens import Doc

from toolkit.context import ArticleContext, char_span_keys, doc_text
from toolkit.records import DateRecord
from toolkit.dates import normalise as nz
from toolkit.dates.fallback import parse_entity
from toolkit.dates.grammar import Rule, range_timex
from toolkit.dates.keywords import TextScan, rule_matches, shared_words
from toolkit.dates.rules import cached_rules
from toolkit.dates.lexicon import load_lexicon
from toolkit.dates.normalise import Tense, Timex
from toolkit.dates.tense import tense_at

#: month names that are also common words or names; alone they need a cue word before them
AMBIGUOUS_MONTHS = {"May", "March"}
#: how many characters before a date are searched for a preposition (after / since / by ...)
SIGNAL_WINDOW = 20
#: kinds that name a point or stretch of the calendar (ranges are built from two of them)
DATE_KINDS = ("date", "relative")


def extract_dates(doc: Doc, ctx: ArticleContext) -> list[DateRecord]:
    """Temporal expressions in ``doc`` as ``dates``-table records.

    Args:
        doc: a parsed article (the parse vetoes readings and gives the tense).
        ctx: the article; ``ctx.published`` anchors relative dates.

    Returns:
        One :class:`~toolkit.records.DateRecord` per expression: offsets into
        ``doc.text``, TIMEX3 ``value``, the interval, granularity, modifier and
        the anchor used. Never raises on odd text.

    Method and sources: see the module docstring (HeidelTime-style rule
    grammar, Strötgen & Gertz 2013; TIMEX3 values, TimeML 1.2.1; ``dateparser``
    as a fallback on spaCy DATE entities).
    """
    anchor = as_date(ctx.published)
    entries = entry_anchors(doc_text(doc), anchor)
    found = find_timexes(doc, anchor, entries=entries)
    records = []
    for start, end, timex in found:
        try:
            keys = char_span_keys(doc, start, end)
        except Exception:  # a span the tokenizer cannot align: keep the offsets we have
            keys = {"sent_id": 0, "start": start, "end": end}
        records.append({
            "article_id": ctx.article_id,
            **keys,
            "surface": doc_text(doc)[start:end],
            "kind": timex.kind,
            "value": timex.value,
            "start_date": storable(timex.start_date),
            "end_date": storable(timex.end_date),
            "granularity": timex.granularity,
            "modifier": timex.modifier,
            "anchor": anchor_at(entries, start, anchor),
            "anchor_inferred": bool(ctx.published_inferred) if anchor is not None else None,
        })
    return records


def find_timexes(doc: Doc, anchor: dt.date | None, *, use_tense: bool = True,
                 use_fallback: bool = True,
                 entries: list[tuple[int, dt.date]] | None = None) -> list[tuple[int, int, Timex]]:
    """``(start, end, Timex)`` for every expression in ``doc``, in text order.

    ``use_tense=False`` / ``use_fallback=False`` switch off the tense reading and
    the dateparser fallback (for the ablation in ``evaluation/``); ``entries``:
    the live-blog stamps if the caller has them (:func:`entry_anchors` of the
    text and ``anchor``), else they are found here.
    """
    lex = load_lexicon()
    text = doc_text(doc)
    if not text.strip():
        return []
    found: list[tuple[int, int, Timex]] = []
    names = not_date_spans(text)
    entries = entry_anchors(text, anchor) if entries is None else entries
    for start, end, rule, match in select_matches(text, cached_rules()):
        if any(s < end and start < e for s, e in names) or vetoed(doc, start, end, rule, match):
            continue
        at = anchor_at(entries, start, anchor)
        if not use_tense:
            tense = None
        elif text[end:end + 2] in ("'s", "’s"):
            tense = None  # "Friday's purchases": the clause verb says nothing about the day
        else:
            tense = signal_tense(text, start) or tense_at(doc, start, end, lex.future_lemmas)
            if _is_weekday(text[start:end]):
                tense = weekday_tense(text, start, tense, live_blog=bool(entries))
        try:
            timex = rule.build(match, at, tense)
        except (ValueError, KeyError, OverflowError, IndexError):
            timex = None
        if timex is None:
            continue
        found.append((start, end, with_signal(text, start, timex)))
    if use_fallback:
        found.extend(entity_fallback(doc, anchor, [(s, e) for s, e, _ in found] + names, entries))
    found.sort(key=lambda item: item[0])
    return merge_ranges(text, year_ago_quarters(text, found))


def select_matches(text: str, rules: tuple[Rule, ...]) -> list[tuple[int, int, Rule, re.Match]]:
    """All rule matches, overlaps resolved leftmost-longest (earlier rules win ties).

    Each rule's matches are those of ``rule.pattern.finditer(text)``, found by
    trying the pattern only around its keywords (:mod:`toolkit.dates.keywords`).
    """
    scan, words = TextScan(text), shared_words(rules)
    return leftmost_longest(rules, lambda rule: rule_matches(rule.pattern, rule.keys, scan, words.get(rule.keys)))


def leftmost_longest(rules: tuple[Rule, ...], matches_of) -> list[tuple[int, int, Rule, re.Match]]:
    """Resolve overlapping matches: the leftmost wins, then the longest, then the
    earlier rule. ``matches_of(rule)`` gives that rule's matches (its ``span``
    group, when it has one, is the date's extent)."""
    candidates = []
    for priority, rule in enumerate(rules):
        for m in matches_of(rule):
            start, end = m.span("span") if "span" in rule.pattern.groupindex else m.span()
            if end > start:
                candidates.append((start, -(end - start), priority, end, rule, m))
    candidates.sort(key=lambda c: c[:3])
    chosen, last_end = [], -1
    for start, _, _, end, rule, m in candidates:
        if start >= last_end:
            chosen.append((start, end, rule, m))
            last_end = end
    return chosen


def not_date_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` where nothing is a date: names that look like
    dates ("Today in Focus", "the Sunday Times"; lexicon ``date_like_names``)
    and the sign-up line of a newsletter ("Sign up to First Edition, our free
    daily newsletter – every weekday morning at 7am BST")."""
    spans = [m.span() for m in _names_pattern().finditer(text)]
    spans += [m.span() for m in PROMO.finditer(text)]
    return spans


#: an outlet's promotion of its newsletter: its schedule is no date of the story
PROMO = re.compile(r"\bSign up (?:to|for)\b[^.\n]{0,120}?\bnewsletter\b[^.\n]{0,80}", re.I)


def _names_pattern() -> re.Pattern:
    names = load_lexicon().date_like_names
    if not names:
        return re.compile(r"(?!x)x")
    return _compiled_names(names)


@functools.lru_cache(maxsize=4)
def _compiled_names(names: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered) + r")\b")


#: a live-blog entry's stamp: "8 May 2022 21.48" (the Guardian's blogs; day, month, year, then the time)
ENTRY_STAMP = re.compile(r"(?<![\w,])(?P<day>[0-3]?\d)\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
                         r"\s+(?P<year>(?:19|20)\d\d)\s+(?:[01]?\d|2[0-3])[.:][0-5]\d\b")
#: an entry stamped further than this from publication is no entry of this blog (a quoted date)
ENTRY_WINDOW = dt.timedelta(days=14)


def entry_anchors(text: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """``(offset, day)`` of each live-blog entry stamp in ``text``, in order.

    A live blog runs over several days; "yesterday" or "on Sunday" in an
    entry stamped "8 May 2022 21.48" is relative to 8 May, not to the
    blog's publication. Only blogs with two or more stamps count, and only
    stamps within :data:`ENTRY_WINDOW` of publication (when it is known).
    """
    lex = load_lexicon()
    out = []
    for m in ENTRY_STAMP.finditer(text):
        try:
            day = dt.date(int(m["year"]), lex.months[m["month"].lower()], int(m["day"]))
        except (ValueError, KeyError):
            continue
        if published is not None and abs(day - published) > ENTRY_WINDOW:
            continue
        out.append((m.start(), day))
    return out if len(out) >= 2 else []


def anchor_at(entries: list[tuple[int, dt.date]], offset: int, default: dt.date | None) -> dt.date | None:
    """The anchor of text at ``offset``: the day of the live-blog entry it
    sits in (the last stamp before it), else ``default`` (publication)."""
    day = default
    for start, entry_day in entries:
        if start > offset:
            break
        day = entry_day
    return day


def vetoed(doc: Doc, start: int, end: int, rule: Rule, match: re.Match) -> bool:
    """Readings the parse rules out: counts that look like years, "May" the person or modal."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if rule.name == "year":
        tok = next((t for t in span if t.like_num), span[0])
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            return True
        # "2000 troops": a count (lexicon count_nouns, or a plural noun the model does not
        # call a DATE); "the 1996 bombing", "1990 earnings" stay years
        if tok.dep_ == "nummod" and tok.head.lemma_.lower() in load_lexicon().count_nouns:
            return True
        if (tok.ent_type_ != "DATE" and tok.dep_ == "nummod" and tok.head.tag_ == "NNS"
                and tok.head.lemma_.lower() not in load_lexicon().year_nouns):
            return True
    if rule.name == "month" and match["month"] in AMBIGUOUS_MONTHS and not match["pos"]:
        tok = span[-1]
        if tok.ent_type_ == "PERSON" or tok.tag_ == "MD" or tok.pos_ == "VERB":
            return True
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if before not in load_lexicon().month_cues:
            return True
    if rule.name == "duration" and match["unit"].lower() == "second" and match["amt"].lower() in ("a", "an", "one"):
        return True  # "a second round"
    if rule.name == "duration" and match["amt"].lower() in ("a", "an") and _after_money(doc, span):
        return True  # "12 euros an hour", "$15 a day": a price, not a stretch of time
    return False


#: "$15 an hour", "£30,000 a year": a currency sign before the amount
MONEY_SIGN = re.compile(r"[$£€¥₴₽]\s?\d[\d,.]*\s*(?:m|bn|k|million|billion)?\s*$", re.I)


def _after_money(doc: Doc, span) -> bool:
    """Is the span right after an amount of money ("12 euros", "$15")?"""
    before = doc_text(doc)[max(0, span.start_char - 30):span.start_char]
    if MONEY_SIGN.search(before):
        return True
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.ent_type_ == "MONEY":
        return True
    return prev.lower_ in load_lexicon().money_words and span.start > 1 and doc[span.start - 2].like_num


SIGNAL_RE = re.compile(r"\b(?P<signal>after|since|before|until|till|prior\s+to|by)\s+(?:the\s+)?$", re.I)


#: "later on Friday", "earlier on Thursday": the same day counts (written on that day)
LATER_EARLIER = re.compile(r"\b(?P<word>later|earlier)\s+(?:on\s+|this\s+)?$", re.I)
_WEEKDAY_WORD = re.compile(r"^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b", re.I)


def _is_weekday(surface: str) -> bool:
    return bool(_WEEKDAY_WORD.match(surface.strip()))


def weekday_tense(text: str, start: int, tense: Tense, *, live_blog: bool) -> Tense:
    """The tense a bare weekday is read with (``normalise.weekday_date``):

    * "later on Thursday" under a future or present verb counts today as the
      Thursday to come ("is scheduled for later on Thursday" in a Thursday
      article: ``present``, on or after the anchor, not next week's); under a
      past or unknown one it stays the latest on or before the anchor ("which it
      hoped it would receive later on Friday"); "earlier on Thursday" is ``past``;
    * in a live blog the present tense tells what just happened ("Zelenskiy
      says ... on Tuesday night"), so a present-tense weekday is the entry's
      own week, on or before the entry's day (``past``), not next week's.
    """
    m = LATER_EARLIER.search(text[max(0, start - SIGNAL_WINDOW):start])
    if m:
        if m["word"].lower() == "earlier":
            return "past"
        return "present" if tense in ("future", "present") else tense
    if live_blog and tense == "present":
        return "past"
    return tense


def signal_tense(text: str, start: int) -> Tense:
    """"since August" can only be a past August."""
    m = SIGNAL_RE.search(text[max(0, start - SIGNAL_WINDOW):start])
    return "past" if m and m["signal"].lower() == "since" else None


def with_signal(text: str, start: int, timex: Timex) -> Timex:
    """Turn a preceding "after/before/since/until/by" into the TIMEX3 modifier of a date."""
    if timex.kind not in DATE_KINDS or timex.modifier is not None or timex.granularity == "ref":
        return timex
    m = SIGNAL_RE.search(text[max(0, start - SIGNAL_WINDOW):start])
    if not m:
        return timex
    modifier = load_lexicon().signal_modifiers.get(re.sub(r"\s+", " ", m["signal"].lower()))
    return replace(timex, modifier=modifier) if modifier else timex


COMPARISON = re.compile(r"(?:year|twelve\s+months)[-\s]+(?:ago|earlier|before)|prior[-\s]+year", re.I)
#: how far back (characters) a quarter still sets the period of "a year earlier"
COMPARISON_WINDOW = 300


def year_ago_quarters(text: str, found: list[tuple[int, int, Timex]]) -> list[tuple[int, int, Timex]]:
    """In results stories "a year earlier" / "the year-ago quarter" after "the third
    quarter" means that quarter a year back (1989-Q3 -> 1988-Q3), not the whole year."""
    out = []
    last_quarter: tuple[int, Timex] | None = None
    for start, end, t in found:
        if t.granularity == "quarter" and t.start_date is not None:
            last_quarter = (end, t)
        elif (t.granularity == "year" and t.kind == "relative" and last_quarter is not None
              and start - last_quarter[0] <= COMPARISON_WINDOW and COMPARISON.search(text[start:end])):
            q = last_quarter[1]
            t = nz.quarter_timex(q.start_date.year - 1, (q.start_date.month - 1) // 3 + 1, "relative")
        out.append((start, end, t))
    return out


RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.I)
RANGE_OPEN = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.I)


def merge_ranges(text: str, found: list[tuple[int, int, Timex]]) -> list[tuple[int, int, Timex]]:
    """"from May 5 to June 7", "between 2014 and 2022", "May–June": one range row."""
    out: list[tuple[int, int, Timex]] = []
    i = 0
    while i < len(found):
        start, end, t = found[i]
        if i + 1 < len(found):
            s2, e2, t2 = found[i + 1]
            joiner = text[end:s2]
            dashed = joiner.strip() in ("-", "–", "—")
            opened = RANGE_OPEN.search(text[max(0, start - 12):start])
            if (t.kind in DATE_KINDS and t2.kind in DATE_KINDS and t.start_date and t2.end_date
                    and t.granularity != "ref" and t2.granularity != "ref"
                    and RANGE_JOIN.fullmatch(joiner) and (dashed or opened)
                    and t.start_date <= t2.end_date):
                out.append((start, e2, range_timex(t, t2)))
                i += 2
                continue
        out.append((start, end, t))
        i += 1
    return out


def entity_fallback(doc: Doc, anchor: dt.date | None, covered: list[tuple[int, int]],
                    entries: list[tuple[int, dt.date]] = ()) -> list[tuple[int, int, Timex]]:
    """spaCy DATE entities the grammar missed, parsed by ``dateparser`` (see
    :mod:`toolkit.dates.fallback`), each anchored like the grammar's matches
    (its live-blog entry's day, else ``anchor``)."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        try:
            timex = parse_entity(ent.text, anchor_at(entries, ent.start_char, anchor))
        except Exception:  # dateparser raises assorted errors on odd strings; a miss is not fatal
            timex = None
        if timex is not None:
            out.append((ent.start_char, ent.end_char, timex))
    return out


#: the range a ``datetime64[ns]`` column can hold (the schema's DATE dtype)
STORABLE = (dt.date(1678, 1, 1), dt.date(2261, 12, 31))


def storable(day: dt.date | None) -> dt.date | None:
    """``day`` if the ``dates`` table can store it; the 11th century keeps its
    ``value`` ("10") but gets no interval."""
    return day if day is not None and STORABLE[0] <= day <= STORABLE[1] else None


def as_date(value) -> dt.date | None:
    """A ``datetime.date`` from a date, datetime, pandas Timestamp or ISO string (None if missing)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None
