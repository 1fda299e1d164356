"""Dump every table and every analysis frame on a corpus, and compare two dumps.

A refactoring check, not part of the package: run it before and after a change
and see which frames differ.

    python scripts/dump_tables.py dump build/dump-before            # sample + ru_ua_2022
    python scripts/dump_tables.py dump build/dump-after
    python scripts/dump_tables.py compare build/dump-before build/dump-after
    python scripts/dump_tables.py dump build/dump-analysis --tables-from build/dump-before   # no re-annotation

Each frame is stored as a pickle under ``<out>/<corpus>/<name>.pkl``. Analysis
frames are looked up by their new home first and their old one second, so one
script serves both sides of a move; a chart's data is its Vega-Lite datasets.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import sys
from pathlib import Path

import pandas as pd

CORPORA = {"sample": "data/articles", "ru_ua_2022": "/work/shared/eval/corpora/ru_ua_2022"}


def _first(*paths):
    """The first importable ``module:attr`` of ``paths`` (new home, then old)."""
    for path in paths:
        module, _, attr = path.partition(":")
        try:
            obj = importlib.import_module(module)
            for part in attr.split("."):
                obj = getattr(obj, part)
            return obj
        except (ImportError, AttributeError):
            continue
    raise LookupError(f"none of {paths} exists")


def analysis_frames(corpus) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}

    def put(name, *paths, args=(), kwargs=None):
        try:
            fn = _first(*paths)
        except LookupError as e:
            print(f"  skip {name}: {e}", file=sys.stderr)
            return
        result = fn(corpus, *args, **(kwargs or {}))
        if isinstance(result, pd.DataFrame):
            out[name] = result
        else:
            for part, value in vars(result).items():
                if isinstance(value, pd.DataFrame):
                    out[f"{name}.{part}"] = value

    put("claims.ledger", "toolkit.claims.analysis:ledger", "toolkit.charts:ledger")
    put("claims.spread", "toolkit.claims.analysis:spread", "toolkit.charts:spread")
    put("claims.reconcile", "toolkit.claims.analysis:reconcile", "toolkit.claims:reconcile")
    put("dates.timeline", "toolkit.dates.chronology:timeline")
    put("dates.first_reported", "toolkit.dates.chronology:first_reported", "toolkit.charts:first_reported")
    put("dates.event_mentions", "toolkit.dates.chronology:event_mentions")
    put("voice_table", "toolkit.actors.sides:voice_by_side", "toolkit.charts:voice_table")
    put("unknown_actors", "toolkit.actors:unknown_actors")
    for name in ("by_outlet", "attribution", "voice", "tone", "agency", "distinctive_terms"):
        put(f"framing.{name}", f"toolkit.framing:{name}")
    put("charts.signal_rates", "toolkit.framing:signal_rates", "toolkit.charts:signal_rates")
    for name in ("outlet_summary", "load_summary", "outlet_table", "table_sizes"):
        put(f"charts.{name}", f"toolkit.charts:{name}")
    return out


def chart_frames(corpus) -> dict[str, pd.DataFrame]:
    import altair as alt

    from toolkit import charts

    out = {}
    for name in charts.__all__:
        fn = getattr(charts, name)
        if not callable(fn) or name in {"NoRows", "html_table"}:
            continue
        try:
            result = fn(corpus)
        except (TypeError, AttributeError):  # not a chart of the corpus (it takes another frame)
            continue
        if not isinstance(result, alt.TopLevelMixin):
            continue
        spec = result.to_dict()
        for i, (key, values) in enumerate(sorted(spec.get("datasets", {}).items())):
            out[f"chart.{name}.{i}"] = pd.DataFrame(values)
    return out


def _tables_of(dump_dir: Path):
    """An AnnotatedCorpus from a previous dump's ``table.*`` frames."""
    from toolkit.corpus import AnnotatedCorpus

    tables = {p.stem.removeprefix("table."): _load(p) for p in dump_dir.glob("table.*.pkl")}
    return AnnotatedCorpus(**tables)


def dump(out: Path, names: list[str], tables_from: Path | None = None) -> None:
    import toolkit

    for name in names:
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        if tables_from is not None:  # analysis-only change: the extractor tables are the old ones
            corpus = _tables_of(tables_from / name)
        else:
            print(f"annotating {name} …", file=sys.stderr)
            corpus = toolkit.annotate(toolkit.load(CORPORA[name]), cache_dir=None)
        frames = {f"table.{k}": v for k, v in corpus.tables().items()}
        frames.update(analysis_frames(corpus))
        frames.update(chart_frames(corpus))
        for key, frame in frames.items():
            with open(target / f"{key}.pkl", "wb") as f:
                pickle.dump(frame, f)
        print(f"{name}: {len(frames)} frames -> {target}", file=sys.stderr)


def _load(path: Path) -> pd.DataFrame:
    with open(path, "rb") as f:
        return pickle.load(f)


def compare(before: Path, after: Path) -> int:
    differing = 0
    for corpus_dir in sorted(p for p in before.iterdir() if p.is_dir()):
        other = after / corpus_dir.name
        names = sorted({p.stem for p in corpus_dir.glob("*.pkl")} | {p.stem for p in other.glob("*.pkl")})
        for name in names:
            a, b = corpus_dir / f"{name}.pkl", other / f"{name}.pkl"
            if not a.exists() or not b.exists():
                print(f"{corpus_dir.name}/{name}: only {'after' if not a.exists() else 'before'}")
                differing += 1
                continue
            x, y = _load(a), _load(b)
            if x.equals(y) and list(x.dtypes) == list(y.dtypes):
                continue
            differing += 1
            print(f"{corpus_dir.name}/{name}: DIFFERS {x.shape} -> {y.shape}")
            if list(x.columns) != list(y.columns):
                print(f"    columns {list(x.columns)} -> {list(y.columns)}")
            elif list(x.dtypes) != list(y.dtypes):
                print("    dtypes " + ", ".join(f"{c}: {x[c].dtype}->{y[c].dtype}" for c in x.columns
                                              if x[c].dtype != y[c].dtype))
            if list(x.columns) == list(y.columns) and len(x) == len(y):
                cells = (x.astype(str).reset_index(drop=True) != y.astype(str).reset_index(drop=True))
                rows = cells.any(axis=1)
                print(f"    {int(rows.sum())} rows differ; columns: {list(cells.columns[cells.any()])}")
    print(f"{differing} frames differ")
    return differing


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--corpora", nargs="*", default=list(CORPORA))
    d.add_argument("--tables-from", type=Path, default=None,
                   help="take the extractor tables from this earlier dump instead of annotating (analysis changes)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out, args.corpora, args.tables_from)
        return 0
    compare(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
