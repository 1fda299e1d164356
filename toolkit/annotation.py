"""Annotate a corpus: spaCy once per article, then every extractor.

The unit of work is a *partition* of articles: :func:`annotate_partition`
builds (or reuses) the pipeline in the current process, parses the texts with
``nlp.pipe`` and runs the extractors on each ``Doc``, returning one DataFrame
per table. The same function runs in-process (``n_process=1``), in a pool of
worker processes (``n_process>1``: each worker parses *and* extracts its share,
so nothing but small tables crosses process boundaries), or on Dask workers
(``engine="dask"``).

Results are cached per article (see :mod:`toolkit.cache`): annotating the same
corpus again, or the same corpus plus new articles, only parses what changed.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import multiprocessing
import pandas as pd

from toolkit import schema
from toolkit.context import ArticleContext
from toolkit.corpus import AnnotatedCorpus, Corpus

#: tables produced from text, in the order extractors fill them
TEXT_TABLES = ("sentences", "mentions", "quotes", "dates", "claims", "framing", "terms")
#: how many articles a worker process / Dask task handles at a time
PARTITION_SIZE = 128
#: articles per nlp.pipe batch: the small model is ~35 % faster at 256 than at
#: 32 on news-length texts (300 BBC articles: 26.3 s at 32, 20.8 s at 128, 19.2 s
#: at 1,000), and 256 long articles still fit easily in memory
BATCH_SIZE = 256


@dataclass(frozen=True)
class Settings:
    """Everything besides the article that changes the annotation output."""

    model: str | None = None
    catalogue: str | None = None
    batch_size: int = BATCH_SIZE


def annotate(
    corpus: Corpus | str | os.PathLike | Sequence[str | os.PathLike],
    *,
    model: str | None = None,
    catalogue: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = "build/cache",
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    engine: str = "local",
    scheduler=None,
    progress: bool | None = None,
    corrections: str | os.PathLike | bool | None = None,
) -> AnnotatedCorpus:
    """Annotate ``corpus`` into an :class:`~toolkit.corpus.AnnotatedCorpus`.

    ``corpus`` is a :class:`~toolkit.corpus.Corpus` from :func:`toolkit.load`,
    or anything :func:`toolkit.load` accepts. ``cache_dir=None`` disables the
    cache. ``engine="dask"`` sends partitions to a ``dask.distributed``
    cluster (``scheduler``: an address such as ``"tcp://host:8786"`` or a
    ``Client``). ``progress`` shows a tqdm bar (default: on for > 50 articles).
    ``corrections``: the analyst's corrections file (see
    :mod:`toolkit.review.corrections`); default: ``corrections.csv`` in the
    source folder when present; ``False``: apply none.
    """
    from toolkit import __version__, code_digest
    from toolkit.actors.catalogue import load_catalogue, resolve_path
    from toolkit.cache import AnnotationCache, CacheHit

    _check_arguments(batch_size=batch_size, n_process=n_process, cache_dir=cache_dir)
    source = corpus
    if not isinstance(corpus, Corpus):
        from toolkit.loading import load

        corpus = load(corpus)
    catalogue_path = str(resolve_path(catalogue))
    settings = Settings(model=model, catalogue=catalogue_path, batch_size=batch_size)
    cat = load_catalogue(catalogue_path)
    signature = {
        "toolkit": f"{__version__}+{code_digest()}",
        "model": installed_model_signature(model, catalogue_path),
        "catalogue": cat.digest,
    }
    articles, load_report = _refuse_too_long(corpus.articles, corpus.load_report)
    keys = _article_keys(articles, signature)
    cache = AnnotationCache(cache_dir, signature) if cache_dir is not None else None
    hit, events = cache.lookup(keys) if cache is not None else (CacheHit(), [])
    todo = articles[~articles["article_id"].isin(hit.article_ids)]
    if progress is None:
        progress = len(todo) > 50

    started = time.perf_counter()
    if len(todo) == 0:
        fresh, timings = {name: schema.frame(name) for name in TEXT_TABLES}, {}
    elif engine == "dask":
        from toolkit.engines.dask import annotate_on_dask

        fresh, timings = annotate_on_dask(todo, settings, scheduler=scheduler, progress=progress)
    elif engine == "local":
        fresh, timings = _annotate_local(todo, settings, n_process=n_process, progress=progress)
    else:
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    elapsed = time.perf_counter() - started

    if cache is not None and len(todo):
        _store(cache, fresh, keys, todo, events)
    tables = {
        name: _concat(name, [hit.tables.get(name), fresh[name]], order=articles["article_id"])
        for name in TEXT_TABLES
    }
    tables["mentions"] = corpus_level_mentions(tables["mentions"])
    meta = {
        **signature,
        "annotated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "n_articles": int(len(articles)),
        "n_annotated": int(len(todo)),
        "n_from_cache": int(len(articles) - len(todo)),
        "seconds": round(elapsed, 3),
        "timings": timings,
        "cache_events": events,
        "engine": engine,
        "n_process": n_process,
    }
    annotated = AnnotatedCorpus(articles=articles, load_report=load_report, meta=meta, **tables)
    from toolkit.review import assemble as apply_review  # the analyst's corrections (never cached)

    return apply_review(annotated, source=source, corrections=corrections, catalogue=catalogue_path)


def corpus_level_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The step that needs the whole corpus, run after the per-article work by
    every engine: one id per person across the corpus (a surname-only person in
    one article folds into the full name found in another, see
    :func:`toolkit.actors.unify_person_ids`)."""
    from toolkit.actors import unify_person_ids

    return schema.conform("mentions", unify_person_ids(schema.conform("mentions", mentions)))


# -- the unit of work --------------------------------------------------------

def annotate_partition(records: list[dict], settings: Settings) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Parse and extract one partition of articles (dicts with at least
    ``article_id, text, outlet, published, published_inferred, title``).

    Returns one frame per text table and the seconds spent per step. Safe to
    call in any process: the pipeline is built once per process and reused.
    """
    from toolkit.actors import extract_mentions
    from toolkit.claims import extract_claims
    from toolkit.dates import extract_dates
    from toolkit.framing import extract_framing
    from toolkit.framing.terms import term_counts
    from toolkit.pipeline import cached_pipeline
    from toolkit.quotes import extract_quotes

    nlp = cached_pipeline(settings.model, settings.catalogue)
    catalogue = _cached_catalogue(settings.catalogue)
    out: dict[str, list[dict]] = {name: [] for name in TEXT_TABLES}
    timings = dict.fromkeys(("parse", "sentences", "actors", "quotes", "dates", "claims", "framing", "terms"), 0.0)
    texts = (r["text"] or "" for r in records)
    clock = time.perf_counter
    t0 = clock()
    for record, doc in zip(records, nlp.pipe(texts, batch_size=settings.batch_size)):
        t1 = clock()
        timings["parse"] += t1 - t0
        ctx = _context(record)
        aid = ctx.article_id
        sentences = [
            {"article_id": aid, "sent_id": i, "start": s.start_char, "end": s.end_char, "text": s.text}
            for i, s in enumerate(doc.sents)
        ]
        t2 = clock()
        mentions = extract_mentions(doc, ctx, catalogue)
        t3 = clock()
        quotes = extract_quotes(doc, ctx, mentions)
        t4 = clock()
        dates = extract_dates(doc, ctx)
        t5 = clock()
        claims = extract_claims(doc, ctx, mentions=mentions, quotes=quotes, dates=dates)
        t6 = clock()
        framing = extract_framing(doc, ctx, mentions=mentions, quotes=quotes)
        t7 = clock()
        terms = term_counts(doc, quotes)
        t0 = clock()
        for step, (a, b) in zip(("sentences", "actors", "quotes", "dates", "claims", "framing", "terms"),
                                ((t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6), (t6, t7), (t7, t0))):
            timings[step] += b - a
        out["sentences"].extend(sentences)
        for name, rows in (("mentions", mentions), ("quotes", quotes), ("dates", dates),
                           ("claims", claims), ("framing", framing), ("terms", terms)):
            for row in rows:
                row["article_id"] = aid
            out[name].extend(rows)
    from toolkit.review import machine_columns  # row ids and confidence: machine output, cached with it

    return machine_columns({name: schema.frame(name, rows) for name, rows in out.items()}, records), timings


def installed_model_signature(model: str | None, catalogue: str | None = None) -> str:
    """``lang_name==version`` of the model (as :func:`toolkit.pipeline.model_signature`),
    read from its installed ``meta.json`` instead of loading it: a fully
    cached run, and the parent of ``n_process>1`` or Dask runs, never parse, and
    loading spaCy costs seconds. Falls back to loading the pipeline."""
    import spacy.util

    from toolkit.pipeline import cached_pipeline, model_signature, resolve_model_name

    name = resolve_model_name(model)  # raises ModelNotInstalled with the install hint
    try:
        path = Path(name) if Path(name).exists() else spacy.util.get_package_path(name)
        meta = spacy.util.load_meta(path / "meta.json")
        return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}"
    except Exception:  # an unusual model layout: ask the loaded pipeline
        return model_signature(cached_pipeline(model, catalogue))


_CATALOGUES: dict = {}


def _cached_catalogue(path: str | None):
    from toolkit.actors.catalogue import load_catalogue

    if path not in _CATALOGUES:
        _CATALOGUES[path] = load_catalogue(path)
    return _CATALOGUES[path]


def _context(record: dict) -> ArticleContext:
    published = record.get("published")
    if published is not None and not pd.isna(published):
        published = pd.Timestamp(published).date()
    else:
        published = None
    outlet = record.get("outlet")
    return ArticleContext(
        article_id=str(record["article_id"]),
        outlet=str(outlet) if outlet is not None and not pd.isna(outlet) else "unknown",
        published=published,
        published_inferred=bool(record.get("published_inferred") or False),
        title=record.get("title") if isinstance(record.get("title"), str) else None,
    )


# -- engines -----------------------------------------------------------------

CONTEXT_COLUMNS = ["article_id", "text", "outlet", "published", "published_inferred", "title"]


def partitions(articles: pd.DataFrame, size: int = PARTITION_SIZE) -> list[list[dict]]:
    """Split the articles into lists of plain records (cheap to pickle)."""
    records = articles[CONTEXT_COLUMNS].astype(object).where(articles[CONTEXT_COLUMNS].notna(), None).to_dict("records")
    return [records[i:i + size] for i in range(0, len(records), size)]


def merge_results(results: Iterable[tuple[dict[str, pd.DataFrame], dict[str, float]]]) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in TEXT_TABLES}
    timings: dict[str, float] = {}
    for frames, t in results:
        for name in TEXT_TABLES:
            tables[name].append(frames[name])
        for step, seconds in t.items():
            timings[step] = timings.get(step, 0.0) + seconds
    return {name: _concat(name, dfs) for name, dfs in tables.items()}, {k: round(v, 3) for k, v in timings.items()}


def _annotate_local(articles: pd.DataFrame, settings: Settings, *, n_process: int, progress: bool):
    from tqdm.auto import tqdm

    n_process = max(1, int(n_process))
    if n_process == 1:
        # one partition per batch: the progress bar moves per batch, and
        # nothing is lost to splitting batches
        parts = partitions(articles, size=settings.batch_size)
        bar = tqdm(total=len(articles), disable=not progress, unit="article", desc="annotate")
        results = []
        for part in parts:
            results.append(annotate_partition(part, settings))
            bar.update(len(part))
        bar.close()
        return merge_results(results)
    size = max(1, min(PARTITION_SIZE, -(-len(articles) // (n_process * 4))))
    parts = partitions(articles, size=size)
    # spawn, not fork: the parent may hold threads (pyarrow, tqdm) that fork would copy mid-lock
    ctx = multiprocessing.get_context("spawn")
    results = []
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx) as pool:
        futures = {pool.submit(annotate_partition, part, settings): len(part) for part in parts}
        bar = tqdm(total=len(articles), disable=not progress, unit="article", desc=f"annotate x{n_process}")
        for future in as_completed(futures):
            results.append(future.result())
            bar.update(futures[future])
        bar.close()
    return merge_results(results)


# -- helpers -----------------------------------------------------------------

def _refuse_too_long(articles: pd.DataFrame, load_report: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drop (and report) articles spaCy would refuse (error E088) instead of
    failing the whole run on them. :func:`toolkit.load` already splits such
    texts; this catches corpora assembled by hand."""
    from toolkit.loading import MAX_ARTICLE_CHARS

    lengths = articles["text"].astype("string").str.len().fillna(0)
    long = lengths > MAX_ARTICLE_CHARS
    if not long.any():
        return articles, load_report
    rows = [{"path": r.path, "article_id": r.article_id, "status": "skipped", "encoding": None,
             "reason": f"text of {int(n):,} characters is longer than spaCy's limit of {MAX_ARTICLE_CHARS:,} "
                       "(toolkit.load splits such texts into parts)"}
            for r, n in zip(articles[long].itertuples(index=False), lengths[long])]
    report = load_report[~load_report["article_id"].isin(articles.loc[long, "article_id"])]
    report = schema.conform("load_report", pd.concat([report, schema.frame("load_report", rows)], ignore_index=True))
    return articles[~long].reset_index(drop=True), report


def _check_arguments(*, batch_size, n_process, cache_dir) -> None:
    """Refuse settings that would silently annotate nothing (``batch_size=-1``
    used to parse no article and cache that) or fail only after all the work
    (a read-only cache folder), before anything is parsed."""
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, not {value!r}")
    if cache_dir is not None:
        check_writable(cache_dir, what="cache folder", hint="pass cache_dir=None (CLI: --no-cache) to annotate without it")


def check_writable(folder: str | os.PathLike, *, what: str, hint: str = "") -> None:
    """Raise :class:`PermissionError` with one clear sentence unless files can
    be created in ``folder``, or in its nearest existing parent when it does
    not exist yet (nothing is created). Probed with a real file, as permission
    bits do not tell (read-only mounts, root, ACLs)."""
    import tempfile

    folder = Path(folder)
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        if not probe.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(probe))
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise PermissionError(f"{what} {folder} is not writable ({exc.strerror or exc})"
                              + (f"; {hint}" if hint else "")) from exc


def _store(cache, fresh: dict[str, pd.DataFrame], keys: pd.DataFrame, todo: pd.DataFrame, events: list[str]) -> None:
    """Cache what was annotated. An article that produced no sentence at all
    is not cached (its text was not empty, so nothing parsed it: caching that
    would serve the empty result forever); a cache that cannot be written is
    reported, never allowed to lose the annotation already done."""
    import warnings

    parsed = set(fresh["sentences"]["article_id"])
    done = todo["article_id"][todo["article_id"].isin(parsed)]
    if len(done) < len(todo):
        events.append(f"{len(todo) - len(done)} article(s) produced no sentences and were not cached")
    if not len(done):
        return
    ids = set(done)
    tables = {name: df[df["article_id"].isin(ids)] for name, df in fresh.items()}
    try:
        cache.store(tables, keys[keys["article_id"].isin(ids)])
    except OSError as exc:
        msg = f"could not write the annotation cache ({type(exc).__name__}: {exc}); results are not cached"
        warnings.warn(msg, RuntimeWarning, stacklevel=3)
        events.append(msg)

def _article_keys(articles: pd.DataFrame, signature: dict) -> pd.DataFrame:
    """Cache key per article: its content and every input an extractor reads
    (publication date anchors dates, outlet is the default claimant), plus the
    toolkit/model/catalogue signature."""
    import hashlib

    sig = "|".join(f"{k}={v}" for k, v in sorted(signature.items()))
    keys = []
    for row in articles[["article_id", "content_hash", "outlet", "published", "published_inferred", "title"]].itertuples(index=False):
        raw = f"{sig}|{row.article_id}|{row.content_hash}|{row.outlet}|{row.published}|{row.published_inferred}|{row.title}"
        keys.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
    return pd.DataFrame({"article_id": articles["article_id"].astype("string").to_numpy(), "article_key": keys})


def _concat(name: str, frames: Iterable[pd.DataFrame | None], order: pd.Series | None = None) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return schema.frame(name)
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if order is not None:
        rank = {aid: i for i, aid in enumerate(order)}
        sort_cols = {"sentences": ["_rank", "sent_id"], "terms": ["_rank"]}.get(name, ["_rank", "sent_id", "start"])
        df = df.assign(_rank=df["article_id"].map(rank)).sort_values(sort_cols, kind="stable").drop(columns="_rank")
    return schema.conform(name, df.reset_index(drop=True))
