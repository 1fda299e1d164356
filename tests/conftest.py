"""Shared fixtures. The pipeline is built once per test session (it takes a
second or two); the sample corpus is the committed one in data/articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def sample_copy(tmp_path, sample_dir) -> Path:
    """A writable copy of the sample folder, for tests that put files beside the
    articles (corrections, actor files) or edit an article."""
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(sample_dir, folder)
    return folder


@pytest.fixture(scope="session")
def nlp():
    from toolkit.pipeline import cached_pipeline

    return cached_pipeline()


@pytest.fixture(scope="session")
def sample_corpus(sample_dir):
    """The sample loaded once per session (tests only read it)."""
    import toolkit

    return toolkit.load(sample_dir)


@pytest.fixture(scope="session")
def annotated_sample(sample_corpus):
    """The sample annotated once per session without a cache: the reference
    tables that cached, parallel and Dask runs are compared against."""
    import toolkit

    return toolkit.annotate(sample_corpus, cache_dir=None, progress=False)
