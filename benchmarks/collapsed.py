"""Summarise a sampling profile in collapsed-stack form (``py-spy record
--format raw``, one ``frame;frame;... count`` line per distinct stack).

    py-spy record --rate 250 --format raw -o build/bench/steps.collapsed -- \
        python -m benchmarks.profile_steps --eval ../shared/eval --slice 150 --repeat 1
    python -m benchmarks.collapsed build/bench/steps.collapsed --within extract_all --within plumbing

Why py-spy and not an in-process profiler: spaCy's Cython code is compiled
with profiling hooks, so under cProfile *and* under pyinstrument (which also
installs a profile function) every ``Token`` a loop creates becomes a
profiled call; pyinstrument then reported 18.5 of 43.7 s in ``Token.cinit``
detached from any caller, on work that takes 11.5 s unprofiled. py-spy reads
the stacks from outside the process, so the hooks stay off and the time spent
in Cython is charged to the Python line that called it.

For each ``--within`` function (a substring of a frame), over the samples
whose stack passes through it: seconds per toolkit module and per toolkit
function (the innermost toolkit frame of each sample: its own time plus the
library code it called), and inclusive seconds per toolkit function.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^():]+)(?::(?P<line>\d+))?\)$")


def _parse(frame: str) -> tuple[str, str, str]:
    m = FRAME.match(frame.strip())
    if not m:
        return frame, "", ""
    return m["func"], m["file"], m["line"] or ""


def _short(path: str) -> str:
    if "/toolkit/" in path:
        return "toolkit/" + path.rsplit("/toolkit/", 1)[1]
    if path.startswith("toolkit/"):
        return path
    return path


def summarise(path: str, within: str, rate: float, top: int = 30) -> dict:
    module: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)
    total = 0.0
    for line in open(path, encoding="utf-8"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack:
            continue
        frames = stack.split(";")
        idx = next((i for i, f in enumerate(frames) if within in f), None)
        if idx is None:
            continue
        seconds = int(count) / rate
        total += seconds
        innermost = None
        seen = set()
        for f in frames[idx + 1:]:
            func, file, _line = _parse(f)
            if "toolkit/" in file or file.startswith("toolkit"):
                key = f"{_short(file)}:{func}"
                innermost = (key, _short(file))
                if key not in seen:
                    inclusive[key] += seconds
                    seen.add(key)
        if innermost is None:
            own["(outside the toolkit)"] += seconds
            module["(outside the toolkit)"] += seconds
        else:
            own[innermost[0]] += seconds
            module[innermost[1]] += seconds
    rank = lambda d: [(k, round(v, 3)) for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:top]]
    return {"within": within, "seconds": round(total, 3), "per_module": rank(module),
            "per_function_own_incl_libraries": rank(own), "inclusive": rank(inclusive)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--within", action="append", default=[])
    parser.add_argument("--rate", type=float, default=250.0, help="py-spy --rate (samples per second)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    for within in args.within or [""]:
        result = summarise(args.path, within, args.rate, args.top)
        print(f"== within {within!r}: {result['seconds']:.2f} s sampled")
        for key in ("per_module", "per_function_own_incl_libraries", "inclusive"):
            print(f"-- {key}")
            for name, seconds in result[key]:
                print(f"   {seconds:7.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
