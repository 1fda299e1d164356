"""Where annotation time goes: a profile of
:func:`toolkit.annotation.annotate_partition` on a slice of a real corpus, in
this process.

Method: pyinstrument's statistical (sampling) profiler when installed
(https://pyinstrument.readthedocs.io), else cProfile. Sampling matters here:
spaCy's Cython code is built with profiling hooks, so under cProfile every
``Token`` creation becomes a profiled call and cheap loops over tokens look
like the main cost (measured: 4,500 ``doc.sents`` calls take 0.04 s
unprofiled, 18 s under cProfile). Reports inclusive time per toolkit function
and own time per toolkit module, so a regression points at a file and its owner.
"""

from __future__ import annotations

import cProfile
import pstats
from collections import defaultdict
from pathlib import Path

import toolkit


def profile(corpus, n_articles: int = 40, top: int = 15) -> dict:
    from toolkit.actors.catalogue import resolve_path
    from toolkit.annotation import Settings, annotate_partition, partitions
    from toolkit.pipeline import cached_pipeline

    settings = Settings(catalogue=str(resolve_path(None)))
    cached_pipeline(None, settings.catalogue)
    [records] = partitions(corpus.articles.head(n_articles), size=n_articles)
    annotate_partition(records[:1], settings)  # lexicons and matchers load lazily: not the steady state
    root = str(Path(toolkit.__file__).parent)
    try:
        from pyinstrument import Profiler
    except ImportError:
        return _cprofile(annotate_partition, records, settings, root, top)
    profiler = Profiler(interval=0.001)
    profiler.start()
    annotate_partition(records, settings)
    profiler.stop()
    session = profiler.last_session
    inclusive: dict[str, float] = defaultdict(float)
    own_per_module: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)

    def walk(frame, seen: frozenset) -> None:
        path = frame.file_path or ""
        key = f"{short_path(path, root)}:{frame.line_no}({frame.function})"
        if path.startswith(root):
            own_per_module[short_path(path, root)] += frame.total_self_time
            if key not in seen:  # recursion: count a function once per stack
                inclusive[key] += frame.time
                calls[key] += 1
        for child in frame.children:
            walk(child, seen | {key})

    walk(session.root_frame(), frozenset())
    total = session.duration
    ranked = sorted(((k, v) for k, v in inclusive.items() if "annotate.py" not in k), key=lambda kv: kv[1], reverse=True)
    return {
        "method": f"pyinstrument sampling, 1 ms interval", "articles": len(records), "total_s": total,
        "top_toolkit_cumulative": [{"function": k, "calls": calls[k], "own_s": float("nan"), "cum_s": v}
                                   for k, v in ranked[:top]],
        "toolkit_modules": sorted(own_per_module.items(), key=lambda kv: kv[1], reverse=True),
        "top_own": [],
        "report": profiler.output_text(unicode=False, color=False, show_all=False),
    }


def _cprofile(annotate_partition, records, settings, root: str, top: int) -> dict:
    profiler = cProfile.Profile()
    profiler.enable()
    annotate_partition(records, settings)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows, per_module = [], defaultdict(float)
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        where = short_path(filename, root)
        if filename.startswith(root):
            per_module[where] += tottime
        rows.append({"function": f"{where}:{line}({func})", "calls": ncalls, "own_s": tottime, "cum_s": cumtime})
    own_code = sorted((r for r in rows if r["function"].startswith("toolkit/") and "annotate.py" not in r["function"]),
                      key=lambda r: r["cum_s"], reverse=True)
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    return {
        "method": "cProfile (inflates spaCy's per-token Cython calls)", "articles": len(records),
        "total_s": stats.total_tt, "top_own": rows[:top], "top_toolkit_cumulative": own_code[:top],
        "toolkit_modules": sorted(per_module.items(), key=lambda kv: kv[1], reverse=True),
        "report": "",
    }


def short_path(filename: str, root: str) -> str:
    """A profiled file's path for a table: relative to the toolkit or to site-packages."""
    if filename.startswith(root):
        return "toolkit/" + filename[len(root):].lstrip("/")
    for marker in ("site-packages/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
