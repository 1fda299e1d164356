"""Accuracy measurements against public gold sets in ../shared/eval.

The gold data is never vendored: each script takes its data path as an
argument (default: ../shared/eval/...) and writes what it measured to
docs/results/. `make evaluate` runs them all.
"""
