"""Where annotation time goes: ``cProfile`` over
:func:`toolkit.annotate.annotate_partition` on a slice of a real corpus, in
this process. Reports the top functions by own time and the own time per
toolkit module, so a regression points at a file and its owner.
"""

from __future__ import annotations

import cProfile
import io
import pstats
from collections import defaultdict
from pathlib import Path

import toolkit


def profile(corpus, n_articles: int = 40, top: int = 15) -> dict:
    from toolkit.actors.catalogue import resolve_path
    from toolkit.annotate import Settings, annotate_partition, partitions
    from toolkit.pipeline import cached_pipeline

    settings = Settings(catalogue=str(resolve_path(None)))
    cached_pipeline(None, settings.catalogue)
    [records] = partitions(corpus.articles.head(n_articles), size=n_articles)
    profiler = cProfile.Profile()
    profiler.enable()
    annotate_partition(records, settings)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    root = str(Path(toolkit.__file__).parent)
    rows, per_module = [], defaultdict(float)
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        where = _short(filename, root)
        if filename.startswith(root):
            per_module[where] += tottime
        rows.append({"function": f"{where}:{line}({func})", "calls": ncalls, "own_s": tottime, "cum_s": cumtime})
    own_code = sorted((r for r in rows if r["function"].startswith("toolkit/") and "annotate.py" not in r["function"]),
                      key=lambda r: r["cum_s"], reverse=True)
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    return {
        "articles": len(records), "total_s": total,
        "top_own": rows[:top],
        "top_toolkit_cumulative": own_code[:top],
        "toolkit_modules": sorted(per_module.items(), key=lambda kv: kv[1], reverse=True),
        "report": text.getvalue(),
    }


def _short(filename: str, root: str) -> str:
    if filename.startswith(root):
        return "toolkit/" + filename[len(root):].lstrip("/")
    for marker in ("site-packages/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
