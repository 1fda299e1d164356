"""Run every evaluation script in this folder (``make evaluate``).

Each ``evaluation/eval_*.py`` is run as ``python -m evaluation.<name>`` with
its default data path under ``--eval`` (default ../shared/eval, passed to the
scripts as ``NEWSFRAME_EVAL``); a missing gold set is reported and skipped by
the script, not fatal. ``--smoke`` runs each script on a small slice
(``make evaluate-smoke``, run by CI): a script that fails to import or crashes
fails the run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evaluation.common import EVAL_ENV  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", default="../shared/eval", help="root of the gold sets (default: %(default)s)")
    parser.add_argument("--smoke", action="store_true", help="each script on a small slice (is every evaluation still running?)")
    parser.add_argument("--only", nargs="+", default=None, metavar="NAME", help="only these scripts (e.g. eval_quotes_polnear)")
    args = parser.parse_args(argv)
    if not Path(args.eval).exists():
        print(f"no gold sets at {args.eval}: nothing to evaluate (they are not part of the project)")
        return 0
    env = {**os.environ, EVAL_ENV: str(Path(args.eval).resolve())}
    failures = []
    total = time.perf_counter()
    scripts = [s for s in sorted(HERE.glob("eval_*.py")) if args.only is None or s.stem in args.only]
    for script in scripts:
        started = time.perf_counter()
        print(f"== {script.stem}{' --smoke' if args.smoke else ''}", flush=True)
        command = [sys.executable, "-m", f"evaluation.{script.stem}", *(["--smoke"] if args.smoke else [])]
        rc = subprocess.call(command, cwd=HERE.parent, env=env)
        print(f"   {script.stem}: exit {rc} in {time.perf_counter() - started:.0f}s", flush=True)
        if rc != 0:
            failures.append(script.stem)
    print(f"{len(scripts)} evaluation scripts in {time.perf_counter() - total:.0f}s; "
          + (f"FAILED: {', '.join(failures)}" if failures else "all ran"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
