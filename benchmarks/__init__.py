"""Benchmarks on real corpora (not tests): ``python -m benchmarks.run_all --eval ../shared/eval``."""
