"""The paired speed benchmark's deterministic parts (benchmarks/paired_ratio.py):
chunks of equal text holding every article once, a reproducible bootstrap, and
one end-to-end child run on the committed sample. No timing is asserted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from benchmarks.paired_ratio import abba_spread, bootstrap_ratio, chunk_count, equal_text_chunks


@pytest.fixture(scope="module")
def sample_lengths(sample_dir) -> list[int]:
    import toolkit

    return [len(t or "") for t in toolkit.load(sample_dir).articles["text"]]


def test_every_article_lands_in_exactly_one_chunk(sample_lengths):
    lengths = sample_lengths * 7  # 35+ real article lengths, with repeats (ties)
    for k in (1, 2, 3, 5, 8, len(lengths)):
        chunks = equal_text_chunks(lengths, k)
        assert len(chunks) == k
        assert sorted(i for c in chunks for i in c) == list(range(len(lengths)))
        assert all(c == sorted(c) and c for c in chunks)  # corpus order, none empty


def test_chunks_hold_about_equal_text(sample_lengths):
    lengths = sample_lengths * 7
    chunks = equal_text_chunks(lengths, 5)
    totals = [sum(lengths[i] for i in c) for c in chunks]
    # longest first into the lightest chunk: no chunk exceeds another by more than one article
    assert max(totals) - min(totals) <= max(lengths)
    # and far closer than consecutive slicing of the same count
    n = len(lengths) // 5
    naive = [sum(lengths[i * n:(i + 1) * n]) for i in range(5)]
    assert max(totals) - min(totals) <= max(naive) - min(naive)


def test_chunking_is_deterministic_and_an_article_too_long_stands_alone():
    lengths = [100, 100, 100, 100, 5000, 100]
    assert equal_text_chunks(lengths, 2) == equal_text_chunks(list(lengths), 2) == [[4], [0, 1, 2, 3, 5]]
    assert equal_text_chunks([], 3) == []


def test_chunk_count_rounds_up_and_stays_in_range():
    assert chunk_count([40_000, 40_000, 40_000], 90_000) == 2
    assert chunk_count([40_000, 40_000], 90_000) == 1
    assert chunk_count([10, 10], 1) == 2  # never more chunks than articles
    assert chunk_count([0], 90_000) == 1


def test_bootstrap_is_seeded_and_brackets_the_summed_ratio():
    num = {0: [2.0, 2.2], 1: [1.9, 2.1], 2: [2.5, 2.4], 3: [1.0, 1.1]}
    den = {0: [2.4, 2.6], 1: [2.5, 2.3], 2: [2.9, 3.1], 3: [1.3, 1.2]}
    first, again = bootstrap_ratio(num, den, seed=7), bootstrap_ratio(num, den, seed=7)
    assert first == again
    assert bootstrap_ratio(num, den, seed=8) != first
    assert first["estimate"] == pytest.approx(sum(map(sum, num.values())) / sum(map(sum, den.values())))
    assert first["low"] <= first["estimate"] <= first["high"]
    same = bootstrap_ratio({0: [1.0], 1: [2.0]}, {0: [2.0], 1: [4.0]})
    assert same["low"] == same["high"] == same["estimate"] == 0.5  # equal ratios: no spread


def test_abba_spread_reads_bench_cli_memory_rounds(tmp_path):
    runs = {"raw_n1": [{"cpu_seconds": s} for s in (20.0, 22.0, 18.0)],
            "annotate_n1": [{"cpu_seconds": s} for s in (25.0, 24.0, 24.0)]}
    path = tmp_path / "abba.json"
    path.write_text(json.dumps({"runs": runs}))
    got = abba_spread([str(path), str(path)])
    one = got["abba.json"]
    assert one["estimate"] == pytest.approx(60 / 73)
    assert one["per_round"]["median"] == pytest.approx(0.8)
    assert one["bare_cpu_range"] == [18.0, 22.0]
    assert got["all"]["per_round"]["n"] == 6


@pytest.mark.slow
def test_paired_child_runs_both_arms_on_the_same_articles(tmp_path, sample_dir):
    """The whole benchmark on the sample standing in for ru_ua_2022: every
    article is parsed once per pass by each arm, in annotate's own batches."""
    from benchmarks import paired_ratio

    corpus = tmp_path / "eval" / "corpora" / "ru_ua_2022"
    shutil.copytree(sample_dir, corpus)
    out = tmp_path / "paired.json"
    assert paired_ratio.main(["--eval", str(tmp_path / "eval"), "--slice", "5", "--passes", "2",
                              "--chunk-chars", "2500", "--out", str(out)]) == 0
    got = json.loads(out.read_text())
    rows = got["rows"]
    assert len(rows) == got["chunks"] * 2 and got["chunks"] >= 2
    for p in (0, 1):
        mine = [r for r in rows if r["pass"] == p]
        assert sum(r["articles"] for r in mine) == 5
        assert all(r["bare_docs"] == r["annotate_docs"] == r["articles"] for r in mine)
    # the order alternates chunk by chunk and pass by pass
    assert {(r["chunk"] + r["pass"]) % 2 == 0 for r in rows if r["order"] == "bare"} == {True}
    assert got["summary"]["ratio_cpu"]["low"] <= got["summary"]["ratio_cpu"]["estimate"] <= got["summary"]["ratio_cpu"]["high"]
