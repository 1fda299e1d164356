"""Run every evaluation script in this folder (``make evaluate``).

Each ``evaluation/eval_*.py`` is run as ``python -m evaluation.<name>`` with
its default data path under ``--eval`` (default ../shared/eval); a missing
gold set is reported and skipped, not fatal.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", default="../shared/eval", help="root of the gold sets (default: %(default)s)")
    args = parser.parse_args(argv)
    if not Path(args.eval).exists():
        print(f"no gold sets at {args.eval}: nothing to evaluate (they are not part of the project)")
        return 0
    failures = 0
    for script in sorted(HERE.glob("eval_*.py")):
        started = time.perf_counter()
        print(f"== {script.stem}", flush=True)
        rc = subprocess.call([sys.executable, "-m", f"evaluation.{script.stem}"], cwd=HERE.parent)
        print(f"   {script.stem}: exit {rc} in {time.perf_counter() - started:.0f}s", flush=True)
        failures += rc != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
