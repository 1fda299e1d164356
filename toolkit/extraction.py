"""The unit of annotation work, shared by every engine.

Three levels, each the one place its step happens:

* :func:`annotate_doc` — every extractor on one parsed ``Doc``, in dependency
  order (mentions → quotes → dates → claims → framing → term counts), giving
  the document's rows for each text table. The partition step, the tests and
  ``evaluation/`` all call it, so nothing else rebuilds the extractor chain.
* :func:`annotate_partition` — parse a partition of article records with
  ``nlp.pipe`` and :func:`annotate_doc` each one; returns small DataFrames.
  It runs in-process, in a pool of worker processes and on Dask workers
  (:mod:`toolkit.annotation`, :mod:`toolkit.engines.dask`), so the engines
  cannot drift apart.
* :func:`assemble_tables` — per-article tables (fresh and from the cache)
  put in article order, then :data:`CORPUS_STEPS`: the steps that need the
  whole corpus rather than one article. Every engine ends here. A new
  corpus-level step is one :class:`CorpusStep` entry in :data:`CORPUS_STEPS`,
  declaring the tables it reads; the per-article cache never holds its
  output, so changing a step never needs a re-parse.

This module imports no engine; the engines import only its public names.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from toolkit import schema
from toolkit.context import ArticleContext, doc_text

#: tables produced from text, in the order extractors fill them
TEXT_TABLES = ("sentences", "mentions", "quotes", "dates", "claims", "framing", "terms", "sourcing")
#: the steps :func:`annotate_doc` times (``meta["timings"]``), besides ``parse``
STEPS = ("sentences", "actors", "quotes", "dates", "claims", "framing", "terms", "sourcing")
#: how many articles a worker process / Dask task handles at a time
PARTITION_SIZE = 128
#: articles per nlp.pipe batch: the small model is ~35 % faster at 256 than at
#: 32 on news-length texts (300 BBC articles: 26.3 s at 32, 20.8 s at 128, 19.2 s
#: at 1,000), and 256 long articles still fit easily in memory
BATCH_SIZE = 256
#: the frame of articles skipped because annotating them raised (schema
#: ``annotate_failures``), returned beside the text tables by every engine
FAILED = "annotate_failures"
#: the article columns an extractor may read (through :class:`ArticleContext`)
CONTEXT_COLUMNS = ["article_id", "text", "outlet", "published", "published_inferred", "title"]


@dataclass(frozen=True)
class Settings:
    """Everything besides the article that changes the annotation output."""

    model: str | None = None
    catalogue: str | None = None
    batch_size: int = BATCH_SIZE
    #: the agency/outlet list (toolkit.sourcing.sources; None: the shipped one)
    sources: str | None = None


# -- one document ------------------------------------------------------------

def article_context(record: Mapping) -> ArticleContext:
    """The :class:`~toolkit.context.ArticleContext` of one article.

    Args:
        record: a row of ``corpus.articles`` as a mapping (needs ``article_id``;
            reads ``outlet``, ``published``, ``published_inferred``, ``title``
            when present; missing values may be ``None``, ``NaN`` or ``NaT``).

    Returns:
        The context extractors get: a missing outlet is ``"unknown"``, a missing
        publication date ``None``.
    """
    published = record.get("published")
    if published is not None and not pd.isna(published):
        published = pd.Timestamp(published).date()
    else:
        published = None
    outlet = record.get("outlet")
    title = record.get("title")
    return ArticleContext(
        article_id=str(record["article_id"]),
        outlet=str(outlet) if outlet is not None and not pd.isna(outlet) else "unknown",
        published=published,
        published_inferred=bool(record.get("published_inferred") or False),
        title=title if isinstance(title, str) else None,
    )


def annotate_doc(doc: Doc, ctx: ArticleContext, catalogue, *,
                 timings: dict[str, float] | None = None, sources=None) -> dict[str, list[dict]]:
    """Every extractor on one parsed document.

    Args:
        doc: the article's text parsed by the toolkit's pipeline
            (:func:`toolkit.pipeline.build_pipeline`: its actor ruler marks
            catalogue actors in ``doc.ents``).
        ctx: the article's metadata (:func:`article_context` builds it from a
            record).
        catalogue: the :class:`~toolkit.actors.catalogue.Catalogue` the
            pipeline was built with.
        timings: when given, the seconds spent in each of :data:`STEPS` are
            added to it.
        sources: the agency/outlet list (:class:`toolkit.sourcing.Sources`;
            default: the shipped one).

    Returns:
        ``{table: rows}`` for each of :data:`TEXT_TABLES`, every row carrying
        ``article_id``; ``schema.frame(table, rows)`` makes the DataFrame.

    Raises:
        ExtractionError: an extractor raised; it names the article and the
            step (:func:`annotate_docs` skips and reports that article).

    Method: the extractors run in dependency order — quotes need the mentions
    (speakers), claims need mentions, quotes and dates (claimant, in-quote,
    event date), framing needs mentions and quotes (who speaks), term counts
    need the quotes (outlet vs quoted voice).
    """
    from toolkit.actors import extract_mentions
    from toolkit.claims import extract_claims
    from toolkit.dates import extract_dates
    from toolkit.framing import extract_framing
    from toolkit.framing.terms import term_counts
    from toolkit.quotes import extract_quotes
    from toolkit.sourcing import extract_credits

    clock = time.perf_counter
    t0 = clock()
    aid = ctx.article_id
    step = "sentences"  # the step running, named in the ExtractionError if it raises
    try:
        text = doc_text(doc)  # a slice of it is Span.text, without joining every token's text again
        sentences = [
            {"article_id": aid, "sent_id": i, "start": s.start_char, "end": s.end_char,
             "text": text[s.start_char:s.end_char]}
            for i, s in enumerate(doc.sents)
        ]
        t1 = clock()
        step = "actors"
        mentions = extract_mentions(doc, ctx, catalogue)
        t2 = clock()
        step = "quotes"
        quotes = extract_quotes(doc, ctx, mentions)
        t3 = clock()
        step = "dates"
        dates = extract_dates(doc, ctx)
        t4 = clock()
        step = "claims"
        claims = extract_claims(doc, ctx, mentions=mentions, quotes=quotes, dates=dates)
        t5 = clock()
        step = "framing"
        framing = extract_framing(doc, ctx, mentions=mentions, quotes=quotes)
        t6 = clock()
        step = "terms"
        terms = term_counts(doc, quotes)
        t7 = clock()
        step = "sourcing"
        sourcing = extract_credits(doc, ctx, sources)  # credits to agencies and outlets (toolkit.sourcing)
        t8 = clock()
    except Exception as exc:
        raise ExtractionError(aid, step, exc) from exc
    if timings is not None:
        marks = (t0, t1, t2, t3, t4, t5, t6, t7, t8)
        for step, start, end in zip(STEPS, marks, marks[1:]):
            timings[step] = timings.get(step, 0.0) + end - start
    rows = {"sentences": sentences, "mentions": mentions, "quotes": quotes, "dates": dates,
            "claims": claims, "framing": framing, "terms": terms, "sourcing": sourcing}
    for name in TEXT_TABLES[1:]:
        for row in rows[name]:
            row["article_id"] = aid
    return rows


#: real sentences of the sample (data/articles) that take every extractor
#: through its data: actors, a direct quote with a speech verb, a date, a
#: casualty figure, framing terms, an agency credit
WARM_UP_TEXT = (
    "Responding to criticism over the attack on Kyiv on June 17, which killed dozens, Putin contended the "
    "targeting was aimed at weapons factories, not residential areas. \u201cIf your journalists had seen how our "
    "missiles destroyed entire military-industrial blocks\u2026 they would not have survived,\u201d he said, "
    "describing the strike as \u201cdemilitarization.\u201d Latest figures from Ukraine\u2019s army suggest the "
    "Russians have suffered more than one million casualties (1,008,240) \u2013 this includes both killed and "
    "injured, Reuters reported.")


def load_extractor_data(nlp, catalogue_path: str | None) -> None:
    """Make every extractor load its data now (lexicons, rule files,
    matchers, the date grammar, ``dateparser``'s language data), by running
    :func:`annotate_doc` once on :data:`WARM_UP_TEXT`.

    Why: the extractors load their data lazily, on the first article that
    needs it: ~0.5 CPU s (docs/results/scale.md). Done when the pipeline is
    built (:func:`toolkit.pipeline.cached_pipeline` calls it: this module
    registers it in :data:`toolkit.pipeline.ON_BUILD`, once per process), like
    a spaCy component's data, it is paid once per process whatever calls
    first, and a worker forked from a process that holds the pipeline
    (``n_process=2``) inherits it instead of loading it again. Nothing here
    changes a row: every loader is a pure cache (tested in
    ``tests/test_pipeline_build.py``). A failure here is not raised: the same
    error would then cost only the article it happens on (an
    ``annotate_failures`` row), never the pipeline.
    """
    from toolkit.actors.catalogue import cached_catalogue
    from toolkit.dates.fallback import parse_entity
    from toolkit.sourcing.sources import cached_sources

    try:
        ctx = ArticleContext(article_id="warm-up", outlet="unknown", published=dt.date(2025, 6, 30))
        annotate_doc(nlp(WARM_UP_TEXT), ctx, cached_catalogue(catalogue_path), sources=cached_sources(None))
        parse_entity("last March", ctx.published)  # the dateparser fallback (no grammar miss above)
    except Exception:  # noqa: BLE001 - see the docstring: an article reports it, not the pipeline
        pass


def _register_extractor_data() -> None:
    from toolkit import pipeline

    if load_extractor_data not in pipeline.ON_BUILD:
        pipeline.ON_BUILD.append(load_extractor_data)


_register_extractor_data()


class ExtractionError(RuntimeError):
    """One article's annotation failed: which article, in which step, why."""

    def __init__(self, article_id: str, step: str, cause: BaseException):
        self.article_id, self.step, self.cause = article_id, step, cause
        super().__init__(f"{step} failed on article {article_id!r}: {describe_error(cause)}")


def describe_error(exc: BaseException) -> str:
    """``"<Type>: <message> (at <file>:<line>)"``, the innermost frame of the
    traceback (where it was raised), short enough for a report cell."""
    import traceback

    where = ""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ is not None else []
    if frames:
        last = frames[-1]
        parts = last.filename.replace("\\", "/").split("/")
        short = "/".join(parts[parts.index("toolkit"):]) if "toolkit" in parts else "/".join(parts[-2:])
        where = f" (at {short}:{last.lineno})"
    message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    return f"{type(exc).__name__}{': ' + message if message else ''}{where}"


def failure_row(article_id: str, step: str, exc: BaseException) -> dict:
    """One ``annotate_failures`` row."""
    return {"article_id": str(article_id), "step": step, "reason": describe_error(exc)}


# -- one partition -----------------------------------------------------------

def annotate_docs(parsed: Iterable[tuple[Mapping, Doc]], catalogue,
                  timings: dict[str, float] | None = None, sources=None) -> dict[str, pd.DataFrame]:
    """:func:`annotate_doc` on each parsed article, as one set of tables.

    Args:
        parsed: ``(record, doc)`` pairs (records as :func:`partitions` makes
            them, docs in the same order; a lazy ``nlp.pipe`` is fine: the
            time spent waiting for each doc counts as ``parse``).
        catalogue: the catalogue the pipeline was built with.
        timings: when given, the seconds per step are added to it.

    Returns:
        One frame per text table with the per-article machine columns
        (row ids, confidence: :func:`toolkit.review.machine_columns`), which
        are cached with the rows, plus :data:`FAILED` (``annotate_failures``):
        the articles skipped because an extractor raised on them, with the
        step and the error. One failing article costs that article only: its
        rows are dropped whole (claims built on dates that failed would be
        half an annotation), the others are kept.
    """
    from toolkit.review import machine_columns  # row ids and confidence: machine output, cached with it

    out: dict[str, list[dict]] = {name: [] for name in TEXT_TABLES}
    failed: list[dict] = []
    records: list[Mapping] = []
    timings = timings if timings is not None else {}
    pairs = iter(parsed)
    while True:
        started = time.perf_counter()
        pair = next(pairs, None)
        timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - started
        if pair is None:
            break
        record, doc = pair
        if isinstance(doc, BaseException):  # the parser raised on this article (see parse_records)
            failed.append(failure_row(record["article_id"], "parse", doc))
            continue
        try:
            rows = annotate_doc(doc, article_context(record), catalogue, timings=timings, sources=sources)
        except ExtractionError as exc:
            failed.append(failure_row(exc.article_id, exc.step, exc.cause))
            continue
        records.append(record)
        for name, table_rows in rows.items():
            out[name].extend(table_rows)
    tables = machine_columns({name: schema.frame(name, rows) for name, rows in out.items()}, records)
    tables[FAILED] = schema.frame(FAILED, failed)
    return tables


def parse_records(nlp, records: list[Mapping], batch_size: int) -> Iterator[tuple[Mapping, Doc | BaseException]]:
    """``(record, doc)`` for each record, parsed with ``nlp.pipe`` in batches;
    when the parser raises, the rest of the partition is parsed one article at
    a time, so only the article at fault gets its exception instead of a
    ``Doc`` (spaCy raises for a whole batch and cannot say which text broke it).

    Args:
        nlp: the toolkit's pipeline.
        records: article records with ``text``.
        batch_size: articles per ``nlp.pipe`` batch.
    """
    done = 0
    try:
        for doc in nlp.pipe((r["text"] or "" for r in records), batch_size=batch_size):
            yield records[done], doc
            done += 1
        return
    except Exception:  # noqa: BLE001 - the batch is lost; find the article that broke it
        pass
    for record in records[done:]:
        try:
            doc = nlp(record["text"] or "")
        except Exception as exc:  # noqa: BLE001 - reported as this article's failure
            yield record, exc
            continue
        yield record, doc


def annotate_partition(records: list[dict], settings: Settings) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Parse and extract one partition of articles.

    Args:
        records: article dicts with at least the :data:`CONTEXT_COLUMNS`
            (:func:`partitions` makes them).
        settings: model, catalogue and batch size.

    Returns:
        One frame per text table and :data:`FAILED`, the articles skipped
        because the parser or an extractor raised on them (see
        :func:`annotate_docs`), and the seconds spent per step. Safe to call in any process: the pipeline and
        catalogue are built once per process and reused.
    """
    from toolkit.actors.catalogue import cached_catalogue
    from toolkit.pipeline import cached_pipeline
    from toolkit.sourcing.sources import cached_sources

    nlp = cached_pipeline(settings.model, settings.catalogue)
    catalogue = cached_catalogue(settings.catalogue)
    sources = cached_sources(settings.sources)
    timings = dict.fromkeys(("parse", *STEPS), 0.0)
    tables = annotate_docs(parse_records(nlp, records, settings.batch_size), catalogue, timings, sources=sources)
    release_freed_memory()  # the batch's Docs and the parser's working arrays are gone now
    return tables, timings


def release_freed_memory() -> None:
    """Hand the heap memory freed since the last call back to the operating
    system (glibc's ``malloc_trim``; a no-op elsewhere).

    Why: parsing a batch allocates a few hundred MiB of working arrays and
    frees them, but glibc keeps freed heap mapped when small long-lived
    objects (the batch's table rows, new vocabulary) sit between the freed
    blocks, so the resident size stayed near the last peak after every
    partition and crept up over a run (``docs/results/scale.md``). Trimming
    after each partition brings it back to what is really in use.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


_TRIM: list = []


def _malloc_trim():
    if not _TRIM:
        try:
            import ctypes
            import ctypes.util

            _TRIM.append(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim)
        except (OSError, AttributeError):  # not glibc (macOS, musl without it, Windows)
            _TRIM.append(None)
    return _TRIM[0]


def partitions(articles: pd.DataFrame, size: int = PARTITION_SIZE) -> list[list[dict]]:
    """Split the articles into lists of plain records (cheap to pickle)."""
    records = articles[CONTEXT_COLUMNS].astype(object).where(articles[CONTEXT_COLUMNS].notna(), None).to_dict("records")
    return [records[i:i + size] for i in range(0, len(records), size)]


#: most characters of text in one partition (one ``nlp.pipe`` batch): the
#: parser's working memory grows with the text of a batch, not its article
#: count, so a partition is sized by both (long live blogs then travel in
#: small batches). Measured on 300 BBC texts, bare model (docs/results/scale.md):
#: peak RSS 441 / 615 / 789 / 942 MiB and parse CPU 31.5 / 29.8 / 28.0 / 26.9 s
#: at 50k / 100k / 150k / 200k characters; 100k keeps the command line under
#: 1 GiB on BBC and on ten times ru_ua_2022 for ~10 % more parse time than 200k.
PARTITION_CHARS = 100_000


def sized_partitions(articles: pd.DataFrame, *, max_articles: int,
                     max_chars: int | None = None) -> list[list[dict]]:
    """Consecutive partitions of at most ``max_articles`` articles and at most
    ``max_chars`` characters of text (default :data:`PARTITION_CHARS`; an
    article longer than that alone is a partition of its own), as plain
    records (:func:`partitions`)."""
    # read at call time: benchmarks and tests set toolkit.extraction.PARTITION_CHARS
    max_chars = PARTITION_CHARS if max_chars is None else max_chars
    [records] = partitions(articles, size=max(1, len(articles))) or [[]]
    out: list[list[dict]] = []
    part: list[dict] = []
    chars = 0
    for record in records:
        n = len(record["text"] or "")
        if part and (len(part) >= max_articles or chars + n > max_chars):
            out.append(part)
            part, chars = [], 0
        part.append(record)
        chars += n
    if part:
        out.append(part)
    return out


#: the smallest text budget :func:`guided_partitions` cuts down to (a few
#: articles: smaller batches parse less efficiently than they balance)
GUIDED_MIN_CHARS = 12_000


def guided_partitions(articles: pd.DataFrame, *, n_process: int, max_articles: int,
                      max_chars: int | None = None, min_chars: int = GUIDED_MIN_CHARS) -> list[list[dict]]:
    """Consecutive partitions for ``n_process`` processes sharing the work:
    as :func:`sized_partitions`, but each partition's text budget is the text
    still to cut divided by ``2 * n_process``, at least ``min_chars`` and at
    most ``max_chars`` (default :data:`PARTITION_CHARS`, the memory bound,
    which wins), so partitions shrink towards the end of the corpus.

    Why: with partitions of one size the processes finish at different times
    and the last partition decides the wall time (150 ru_ua_2022 articles in 8
    partitions of ~55,000 characters: one process idle for the last 4 of 56 s,
    docs/results/scale.md). Shrinking chunks ("guided self-scheduling",
    Polychronopoulos & Kuck 1987), handed out longest first, leave only a
    small partition at the end while most of the text still travels in large,
    efficient ``nlp.pipe`` batches.

    Args:
        articles: the articles to annotate.
        n_process: the processes sharing the partitions.
        max_articles: most articles in one partition.
        max_chars, min_chars: bounds of the text budget.

    Returns:
        Lists of plain records (:func:`partitions`) covering every article
        once, in order; an article longer than the budget is a partition of
        its own.
    """
    max_chars = PARTITION_CHARS if max_chars is None else max_chars
    [records] = partitions(articles, size=max(1, len(articles))) or [[]]
    lengths = [len(r["text"] or "") for r in records]
    remaining = sum(lengths)
    out: list[list[dict]] = []
    part: list[dict] = []
    chars = 0
    budget = min(max_chars, max(min_chars, remaining // (2 * max(1, n_process))))
    for record, n in zip(records, lengths):
        if part and (len(part) >= max_articles or chars + n > budget):
            out.append(part)
            part, chars = [], 0
            budget = min(max_chars, max(min_chars, remaining // (2 * max(1, n_process))))
        part.append(record)
        chars += n
        remaining -= n
    if part:
        out.append(part)
    return out


def merge_results(results: Iterable[tuple[dict[str, pd.DataFrame], dict[str, float]]], *,
                  conform: bool = True) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Concatenate partitions' tables and :data:`FAILED` (in the order given)
    and sum their timings.

    ``conform=False``: the text tables are only concatenated, not conformed to
    their schema (:data:`FAILED` always is), for a caller that hands them to
    :func:`assemble_tables`, which conforms them after sorting them into
    article order anyway (conforming twice cost ~0.01 CPU s per call on small
    calls; issue 14, seventh pass)."""
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in (*TEXT_TABLES, FAILED)}
    timings: dict[str, float] = {}
    for frames, t in results:  # frames may be {} (an engine that kept only the timings)
        for name in tables:
            tables[name].append(frames.get(name))
        for step, seconds in t.items():
            timings[step] = timings.get(step, 0.0) + seconds
    merged = {name: concat_table(name, dfs) if conform or name == FAILED else _concat_only(name, dfs)
              for name, dfs in tables.items()}
    return merged, {k: round(v, 3) for k, v in timings.items()}


def _concat_only(name: str, frames: Iterable[pd.DataFrame | None]) -> pd.DataFrame:
    """:func:`concat_table` without the conform (see :func:`merge_results`)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return schema.frame(name)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def concat_table(name: str, frames: Iterable[pd.DataFrame | None], order: Iterable[str] | None = None, *,
                 conform: bool = True) -> pd.DataFrame:
    """Frames of table ``name`` concatenated and conformed to its schema;
    with ``order`` (article ids), rows sorted by article in that order, then
    by sentence and offset, so a table never depends on which partition
    finished first. ``conform=False``: not conformed (for a caller that
    conforms the table next anyway, :func:`assemble_tables`)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return schema.frame(name)
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if order is not None:
        rank = {aid: i for i, aid in enumerate(order)}
        sort_cols = {"sentences": ["_rank", "sent_id"], "terms": ["_rank"]}.get(name, ["_rank", "sent_id", "start"])
        ranks = df["article_id"].map(rank)
        if not _in_order([ranks, *(df[c] for c in sort_cols[1:])]):  # a stable sort of sorted rows changes nothing
            df = df.assign(_rank=ranks).sort_values(sort_cols, kind="stable").drop(columns="_rank")
    df = df.reset_index(drop=True)
    return schema.conform(name, df) if conform else df


def _in_order(keys: list[pd.Series]) -> bool:
    """Whether the rows are already sorted by ``keys`` (lexicographically,
    ascending, no key null): then ``sort_values(kind="stable")`` would
    return them in the same order."""
    arrays = []
    for key in keys:
        if key.isna().any():
            return False
        try:
            arrays.append(key.to_numpy(dtype="int64") if not pd.api.types.is_float_dtype(key.dtype) else key.to_numpy(dtype="float64"))
        except (TypeError, ValueError):
            return False
    if not arrays or len(arrays[0]) < 2:
        return True
    tied = np.ones(len(arrays[0]) - 1, dtype=bool)  # rows i, i + 1 equal on every key so far
    for a in arrays:
        step = np.diff(a)
        if (tied & (step < 0)).any():
            return False
        tied &= step == 0
    return True
    ok = np.zeros(len(arrays[0]) - 1, dtype=bool)  # rows i, i+1 already decided as in order
    tied = np.ones(len(arrays[0]) - 1, dtype=bool)  # equal on every key so far
    for a in arrays:
        step = np.diff(a)
        ok |= tied & (step > 0)
        if (tied & (step < 0)).any():
            return False
        tied &= step == 0
    return True


# -- the corpus --------------------------------------------------------------

def skip_articles(articles: pd.DataFrame, load_report: pd.DataFrame,
                  reasons: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Take the articles named in ``reasons`` out of ``articles`` and give
    each one ``load_report`` row, ``status="skipped"`` with its reason
    (replacing its ``loaded`` row), so an article the toolkit could not
    annotate is accounted for, never silently empty.

    Args:
        articles: the corpus's articles.
        load_report: its load report.
        reasons: ``{article_id: reason}``.

    Returns:
        The articles without them, and the report with their rows.
    """
    if not reasons:
        return articles, load_report
    ids = articles["article_id"].astype("string")
    gone = ids.isin(list(reasons))
    rows = [{"path": path, "article_id": aid, "status": "skipped", "encoding": None, "reason": reasons[aid]}
            for path, aid in zip(articles.loc[gone, "path"] if "path" in articles else [None] * int(gone.sum()),
                                 ids[gone])]
    report = load_report[~load_report["article_id"].astype("string").isin(list(reasons))]
    report = schema.conform("load_report", pd.concat([report, schema.frame("load_report", rows)], ignore_index=True))
    return articles[~gone].reset_index(drop=True), report


def failure_reasons(failed: pd.DataFrame) -> dict[str, str]:
    """``{article_id: "annotation failed in <step>: <error>"}`` for
    :func:`skip_articles`, from an ``annotate_failures`` frame."""
    return {str(aid): f"annotation failed in {step}: {reason}"
            for aid, step, reason in zip(failed["article_id"], failed["step"].astype("string"), failed["reason"])}


@dataclass(frozen=True)
class CorpusStep:
    """A step that needs the whole corpus, not one article.

    ``run`` is called with the tables named in ``reads`` as keyword arguments
    (``articles`` and any text table, including what an earlier step wrote)
    and returns ``{table: frame}`` for the tables it replaces or adds.
    """

    name: str
    reads: tuple[str, ...]
    run: Callable[..., dict[str, pd.DataFrame]]


def corpus_level_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """One id per person across the corpus: a surname-only person in one
    article folds into the full name found in another (see
    :func:`toolkit.actors.unify_person_ids`)."""
    from toolkit.actors import unify_person_ids

    return schema.conform("mentions", unify_person_ids(schema.conform("mentions", mentions)))


def _unify_people(mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"mentions": corpus_level_mentions(mentions)}


#: the corpus-level steps, in order, run by :func:`assemble_tables` after the
#: per-article work (and after the cache: their output is never cached per
#: article). Add a step here, one entry, declaring what it reads.
def _provenance(articles: pd.DataFrame, sourcing: pd.DataFrame, claims: pd.DataFrame,
                quotes: pd.DataFrame) -> dict[str, pd.DataFrame]:
    from toolkit.sourcing.provenance import ViaContext, add_via  # claims and quotes gain the credited source of their passage

    context = ViaContext(sourcing, articles)  # the sourcing and articles tables indexed once for both
    return {name: schema.conform(name, add_via(table, sourcing, articles, context=context))
            for name, table in (("claims", claims), ("quotes", quotes))}


CORPUS_STEPS: tuple[CorpusStep, ...] = (
    CorpusStep("unify_person_ids", reads=("mentions",), run=_unify_people),
    CorpusStep("provenance", reads=("articles", "sourcing", "claims", "quotes"), run=_provenance),
)


def run_corpus_steps(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Apply :data:`CORPUS_STEPS` to ``tables`` (``articles`` plus the text
    tables, in article order); returns a new dict with what the steps wrote."""
    tables = dict(tables)
    for step in CORPUS_STEPS:
        missing = [name for name in step.reads if name not in tables]
        if missing:
            raise KeyError(f"corpus step {step.name!r} reads {missing}, which no earlier step or table provides")
        tables.update(step.run(**{name: tables[name] for name in step.reads}))
    return tables


def assemble_tables(articles: pd.DataFrame, parts: Iterable[Mapping[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The corpus's tables from its per-article parts: the one place every
    engine's output becomes the corpus's tables.

    Args:
        articles: the corpus's ``articles`` table; its order is the tables' order.
        parts: dicts of per-article text tables (from the cache, from fresh
            annotation); together they cover each article once.

    Returns:
        ``articles`` and every text table, concatenated in article order, after
        :data:`CORPUS_STEPS`.
    """
    parts = list(parts)
    order = articles["article_id"]
    tables = {name: concat_table(name, [part.get(name) for part in parts], order=order,
                                 conform=name not in RECONFORMED_BY_STEPS)
              for name in TEXT_TABLES}
    return run_corpus_steps({"articles": articles, **tables})


#: the text tables a corpus step conforms to the schema itself before anything
#: else reads them (:func:`corpus_level_mentions` conforms the mentions it gets,
#: :func:`_provenance` the claims and quotes it returns, and :func:`add_via` reads
#: only values, never dtypes): :func:`assemble_tables` hands them over
#: sorted but not conformed, so each is conformed once, not twice (~0.01 CPU s
#: per ``annotate`` call; issue 14, seventh pass)
RECONFORMED_BY_STEPS = frozenset({"mentions", "claims", "quotes"})
