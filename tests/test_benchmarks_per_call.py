"""benchmarks/per_call.py runs on the sample (nothing about its timings is asserted)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_per_call_child_reports_every_figure():
    from benchmarks.per_call import run_once

    got = run_once(str(ROOT / "data" / "articles"), repeats=1, chunks=1)
    assert {"call_cpu", "call_outside", "partition_cpu", "partition_outside", "per_call", "chunks_cpu",
            "chunks_other"} <= set(got)
    assert got["per_call"] >= 0
