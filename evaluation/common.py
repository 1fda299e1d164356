"""What every evaluation script shares: where the gold sets are, the
``--data`` / ``--smoke`` options, and the line saying what was scored.

The gold sets are not part of the project (``../shared/eval``, see its
README); ``NEWSFRAME_EVAL`` points elsewhere (:mod:`evaluation.run_all`
sets it from its ``--eval``). ``--smoke`` runs a script on a small slice so
that CI (``.ci/run``) catches an evaluation that no longer runs; its figures
mean nothing.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_ENV = "NEWSFRAME_EVAL"


def eval_root() -> Path:
    """The folder holding the gold sets (``$NEWSFRAME_EVAL``, else ``../shared/eval``)."""
    return Path(os.environ.get(EVAL_ENV) or ROOT.parent / "shared" / "eval")


def add_data_args(parser: argparse.ArgumentParser, default: Path | str, what: str, smoke: str, *,
                  positional: bool = False) -> None:
    """``--data`` (default ``default``) and ``--smoke`` (``smoke`` says what the
    slice is); ``positional``: the data may also be given as the first argument
    (the scripts' older usage)."""
    if positional:
        parser.add_argument("path", nargs="?", type=Path, default=None, help=f"{what} (same as --data)")
    parser.add_argument("--data", type=Path, default=Path(default), help=f"{what} (default: %(default)s)")
    parser.add_argument("--smoke", action="store_true",
                        help=f"quick check that the evaluation runs, on {smoke}; the figures mean nothing")


def data_or_skip(args: argparse.Namespace, needs: str, name: str) -> Path | None:
    """The data folder/file the arguments name, or ``None`` after saying it is
    missing (``needs``: a file inside it that must exist, "" for the path
    itself): a gold set that is not there is skipped, never an error."""
    data = getattr(args, "path", None) or args.data
    if not (data / needs if needs else data).exists():
        print(f"no {name} at {data}: skipped (the gold set is not part of the project)")
        return None
    return data


def smoke_limit(args: argparse.Namespace, n: int, limit: int | None = None) -> int | None:
    """``n`` under ``--smoke`` (or the given ``limit`` if smaller), else ``limit``."""
    if not getattr(args, "smoke", False):
        return limit
    return min(n, limit) if limit else n


def scored(data: Path | str, split: str, n: int | None = None, unit: str = "documents", smoke: bool = False) -> str:
    """The line each script prints before its figures: which data and split it
    scored (and how much of it), so a pasted result says what it measures."""
    size = f", {n} {unit}" if n is not None else ""
    return f"scored: {data} — split {split}{size}{' (SMOKE RUN: a slice, figures mean nothing)' if smoke else ''}"
