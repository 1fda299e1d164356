"""Shared-copy detection (toolkit.sourcing.find_copies) next to annotate, in one run.

    python -m benchmarks.bench_copies --eval ../shared/eval [--out docs/results/bench_copies.md]

Each measurement runs in a fresh child process (its peak RSS read with
``os.wait4`` for that child alone): ``annotate`` (n_process=1, no cache) on BBC
and on ru_ua_2022, and ``find_copies`` on BBC, on ru_ua_2022, and on ru_ua_2022
repeated ten times (every article ten times under ten outlets: 3,970 articles
and the worst case for the pair check, since every article then has nine exact
copies). Printed side by side with seconds per 1,000 articles and the ratio to
annotate. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str]) -> dict:
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    if os.waitstatus_to_exitcode(status) != 0 or not lines:
        raise RuntimeError(f"{' '.join(cmd)} failed")
    result = json.loads(lines[-1])
    result["peak_rss_mib"] = usage.ru_maxrss / 1024
    return result


def copies_child(folder: Path) -> dict:
    from toolkit.sourcing.copies import find_copies

    articles = pd.read_parquet(folder / "articles.parquet")
    started = time.perf_counter()
    copies = find_copies(articles)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(articles), "pairs": len(copies),
            "cross_outlet_pairs": int((copies["outlet_a"].astype(str) != copies["outlet_b"].astype(str)).sum())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default="../shared/eval")
    parser.add_argument("--out", help="also write the table as markdown here")
    parser.add_argument("--work", default="build/bench_copies")
    parser.add_argument("--skip-annotate", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(copies_child(args.child)))
        return 0

    import toolkit
    from benchmarks.child import write_input

    eval_root = Path(args.eval)
    if not eval_root.exists():
        print(f"no corpora at {eval_root}")
        return 0
    work = Path(args.work)
    inputs = {}
    for name in ("bbc", "ru_ua_2022"):
        corpus = toolkit.load(eval_root / "corpora" / name)
        inputs[name] = write_input(corpus, work / name)
        if name == "ru_ua_2022":
            arts = corpus.articles
            ten = pd.concat([arts.assign(article_id=arts["article_id"] + f"#{i}",
                                         outlet=arts["outlet"].astype(str) + f" ({i})") for i in range(10)],
                            ignore_index=True)
            folder = work / "ru_ua_2022_x10"
            folder.mkdir(parents=True, exist_ok=True)
            ten.to_parquet(folder / "articles.parquet", index=False)
            inputs["ru_ua_2022 x10"] = folder
    rows = []
    py = sys.executable
    for name, folder in inputs.items():
        n = len(pd.read_parquet(folder / "articles.parquet", columns=["article_id"]))
        words = int(pd.read_parquet(folder / "articles.parquet", columns=["n_words"])["n_words"].sum())
        c = run([py, "-m", "benchmarks.bench_copies", "--child", str(folder)])
        a = None
        if not args.skip_annotate and name != "ru_ua_2022 x10":
            a = run([py, "-m", "benchmarks.child", "annotate", str(folder), "--n-process", "1"])
        rows.append({"corpus": name, "articles": n, "words": words, "copies_s": c["seconds"],
                     "copies_rss": c["peak_rss_mib"], "pairs": c["pairs"], "cross": c["cross_outlet_pairs"],
                     "annotate_s": a["seconds"] if a else None, "annotate_rss": a["peak_rss_mib"] if a else None})
        print(json.dumps(rows[-1]), flush=True)
    ru = next((r for r in rows if r["corpus"] == "ru_ua_2022"), None)
    lines = ["| corpus | articles | words | find_copies s | s / 1,000 articles | peak RSS MiB | pairs (cross-outlet) "
             "| annotate s | annotate peak RSS MiB | copies / annotate |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        ann = r["annotate_s"]
        note = ""
        if ann is None and r["corpus"] == "ru_ua_2022 x10" and ru and ru["annotate_s"]:
            ann, note = ru["annotate_s"] * 10, " (est.: 10 × ru_ua_2022)"
        ratio = f"{r['copies_s'] / ann:.3f}" if ann else "–"
        ann_text = f"{ann:.1f}{note}" if ann else "–"
        rss_text = f"{r['annotate_rss']:.0f}" if r["annotate_rss"] else "–"
        lines.append(f"| {r['corpus']} | {r['articles']:,} | {r['words']:,} | {r['copies_s']:.1f} | "
                     f"{1000 * r['copies_s'] / r['articles']:.1f} | {r['copies_rss']:.0f} | {r['pairs']:,} ({r['cross']:,}) | "
                     f"{ann_text} | {rss_text} | {ratio} |")
    table = "\n".join(lines)
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
