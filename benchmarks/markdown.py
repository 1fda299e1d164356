"""The benchmark results as the markdown page pasted into the README."""

from __future__ import annotations

STEPS = ("parse", "sentences", "actors", "quotes", "dates", "claims", "framing", "terms")


def render(results: dict, command: str) -> str:
    lines = [f"# Benchmarks ({results['date']})", "", f"Command: `{command}`", ""]
    lines += ["| machine | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in results["machine"].items()]
    busy = results.get("busy_at_start") or []
    lines += ["", "Other processes busy when the run started (the 2 cores are shared, so absolute "
              "numbers are noisy; the ratios compare runs made side by side):", ""]
    lines += [f"- `{p}`" for p in busy] or ["- none above 5% CPU"]
    for name, n in (results.get("limits") or {}).items():
        which = "every corpus" if name == "*" else name
        lines += ["", f"**Slice:** {n} evenly spaced articles of {which} (not the full corpus)."]
    for name, ids in (results.get("skipped") or {}).items():
        if ids:
            lines += ["", f"**Left out of {name}** ({len(ids)} articles on which `annotate` currently raises "
                      "`OutOfBoundsDatetime`: a date before 1678 does not fit `datetime64[ns]`): "
                      + ", ".join(f"`{i}`" for i in ids) + "."]
    for where, error in (results.get("errors") or {}).items():
        lines += ["", f"**Failed section `{where}`:** `{error}` (its numbers are missing below)."]
    lines += ["", *throughput(results), "", *shares(results), "", *storage(results), ""]
    lines += [*reports(results), "", *dask(results), "", *hotspots(results)]
    return "\n".join(lines) + "\n"


def throughput(results: dict) -> list[str]:
    out = ["## Throughput: full `annotate` vs bare `nlp.pipe`", "",
           "Words per second over the same texts; bare = the same spaCy model without the toolkit's "
           "catalogue ruler or extractors. Ratio = annotate / bare (target ≥ 0.8). Model loading is "
           "excluded from both; with `n_process=2` the toolkit's workers load their own pipeline inside "
           "the timed region.", "",
           "| corpus | articles | words | n_process | bare nlp.pipe words/s | annotate words/s | ratio |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, c in results["corpora"].items():
        for n, r in c.get("runs", {}).items():
            out.append(f"| {name} | {c['articles']:,} | {c['words']:,} | {n} | {r['raw_words_s']:,.0f} | "
                       f"{r['annotate_words_s']:,.0f} | {r['ratio']:.2f} |")
    return out


def shares(results: dict) -> list[str]:
    out = ["## Where the time goes (share of `annotate`, n_process=1)", "",
           "`parse` = spaCy incl. the catalogue ruler; `sentences` = building the sentence rows; "
           "`other` = partitioning, DataFrame building and merging.", "",
           "| corpus | " + " | ".join(STEPS) + " | other | total s |",
           "| --- |" + " ---: |" * (len(STEPS) + 2)]
    for name, c in results["corpora"].items():
        if not c.get("runs"):
            continue
        first = next(iter(c["runs"].values()))
        total = first["annotate_s"]
        t = first["timings"]
        other = max(0.0, total - sum(t.get(s, 0.0) for s in STEPS))
        cells = [f"{100 * t.get(s, 0.0) / total:.1f}%" for s in STEPS]
        out.append(f"| {name} | " + " | ".join(cells) + f" | {100 * other / total:.1f}% | {total:.1f} |")
    return out


def storage(results: dict) -> list[str]:
    out = ["## Storage, reload and memory", "",
           "`open` = `toolkit.open(dir)` of the saved corpus (median of 3); cached re-run = "
           "`annotate(corpus)` again with every article in the cache, in a process that has run it before (median of 2; cold = the first call in a fresh process, imports included); peak RSS = the annotating process "
           "(n_process=1), read with `os.wait4` for that process alone; with n_process=2 the parent and "
           "the largest worker.", "",
           "| corpus | Parquet MiB (text tables) | open s | cached re-run s (cold) | save s | peak RSS n=1 MiB | "
           "n=2 parent / worker MiB | load s |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, c in results["corpora"].items():
        if "storage" not in c:
            continue
        s = c["storage"]
        runs = list(c["runs"].values())
        two = c["runs"].get(2) or c["runs"].get("2")
        two_cell = f"{two['peak_rss_mib']:,.0f} / {two['worker_rss_mib']:,.0f}" if two else "–"
        out.append(f"| {name} | {s['parquet_mib']:.1f} ({s['parquet_text_tables_mib']:.1f}) | {s['open_s']:.2f} | "
                   f"{s['cached_rerun_s']:.2f} ({s['cached_rerun_cold_s']:.1f}; {s['cached_from_cache']}/{c['articles']} cached) | {runs[0]['save_s']:.2f} | {runs[0]['peak_rss_mib']:,.0f} | "
                   f"{two_cell} | {c['load_s']:.1f} |")
    return out


def reports(results: dict) -> list[str]:
    r = results.get("reports")
    if r is None:
        return ["## Reports", "", "Not measured in this run."]
    if not r["available"]:
        return ["## Reports", "", f"Not measured: {r['why']}."]
    return ["## Reports", "", f"`toolkit.report.render_all` on ru_ua_2022: {r['seconds']:.1f} s for "
            f"{r['files']} HTML files ({r['mib']:.1f} MiB)."]


def dask(results: dict) -> list[str]:
    d = results.get("dask")
    if d is None:
        return ["## Dask engine", "", "Not measured in this run."]
    same = "identical" if d["identical_to_n_process_2"] else f"DIFFERENT ({d['difference']})"
    lines = ["## Dask engine (LocalCluster, 2 single-threaded worker processes, loopback)", "",
             f"BBC slice of {d['articles']} articles ({d['words']:,} words). Cluster start "
             f"{d['cluster_start_s']:.1f} s (not included below).", "",
             "| engine | seconds | words/s |", "| --- | ---: | ---: |",
             f"| dask, 2 workers | {d['dask_s']:.1f} | {d['dask_words_s']:,.0f} |",
             f"| local, n_process=2 | {d['local2_s']:.1f} | {d['local2_words_s']:,.0f} |", "",
             f"Tables vs local n_process=2 on the slice: **{same}**."]
    if "identical_to_n_process_1" in d:
        same1 = "identical" if d["identical_to_n_process_1"] else f"DIFFERENT ({d['difference_1']})"
        lines.append(f"Tables vs local n_process=1 on the slice: **{same1}**.")
    return lines


def hotspots(results: dict) -> list[str]:
    p = results.get("profile")
    if p is None:
        return ["## Hot spots", "", "Not profiled in this run."]
    out = [f"## Hot spots ({p.get('method', 'cProfile')}, `annotate_partition` on "
           f"{p['articles']} ru_ua_2022 articles, {p['total_s']:.1f} s profiled)", "",
           "Own time per toolkit module:", "", "| module | own s | share |", "| --- | ---: | ---: |"]
    out += [f"| `{m}` | {s:.2f} | {100 * s / p['total_s']:.1f}% |" for m, s in p["toolkit_modules"][:12]]
    out += ["", "Toolkit functions by inclusive time (calls = distinct call stacks when sampled):", "",
            "| function | calls | own s | inclusive s |", "| --- | ---: | ---: | ---: |"]
    out += [f"| `{r['function']}` | {r['calls']:,} | {_seconds(r['own_s'])} | {r['cum_s']:.2f} |"
            for r in p.get("top_toolkit_cumulative", [])]
    if p.get("top_own"):
        out += ["", "Top functions by own time (anywhere):", "", "| function | calls | own s | cumulative s |",
                "| --- | ---: | ---: | ---: |"]
        out += [f"| `{r['function']}` | {r['calls']:,} | {r['own_s']:.2f} | {r['cum_s']:.2f} |" for r in p["top_own"]]
    return out


def _seconds(value: float) -> str:
    return "–" if value != value else f"{value:.2f}"  # NaN: the sampling profiler has no own time per call site
