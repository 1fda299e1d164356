"""What a report reuses instead of recomputing: analyses within one kernel
(toolkit.memo) and the built Vega bundle across kernels (an on-disk cache)."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from helpers import ensure_annotated_sample

from toolkit.claims import analysis
from toolkit.corpus import AnnotatedCorpus
from toolkit.dates import chronology
from toolkit.report import assets


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> AnnotatedCorpus:
    return AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))


def test_a_reused_result_is_a_copy_equal_to_a_fresh_one(sample):
    first = analysis.reconcile(sample)
    assert len(first.members), "the sample has incident claims to group"
    first.members["category"] = "edited by a caller"
    first.groups.drop(first.groups.index, inplace=True)
    again = analysis.reconcile(sample)
    fresh = analysis._reconcile(sample, 1, 7, False)
    pd.testing.assert_frame_equal(again.members, fresh.members)
    pd.testing.assert_frame_equal(again.groups, fresh.groups)
    assert again.members is not analysis.reconcile(sample).members


def test_other_frames_or_options_never_see_another_result(sample):
    outlet = sample.claims.merge(sample.articles, on="article_id")["outlet"].astype(str).iloc[0]
    part = sample.filter(outlets=[outlet])
    full, narrow = analysis.reconcile(sample), analysis.reconcile(part)
    assert set(narrow.members["outlet"].astype(str)) == {outlet}
    assert len(narrow.members) < len(full.members)
    wide = chronology.timeline(sample, window_days=30)
    assert len(wide.events) == len(chronology._timeline(sample, 30, chronology.MIN_SIMILARITY).events)


def test_the_vega_bundle_is_read_back_and_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(assets.ASSET_CACHE_ENV, str(tmp_path))
    assets.vega_bundle.cache_clear()
    try:
        built = assets.vega_bundle()
        (cached,) = tmp_path.glob("vega-bundle-*.js")
        digest = cached.with_name(cached.name + ".sha256").read_text().strip()
        assert hashlib.sha256(cached.read_bytes()).hexdigest() == digest
        assert "vegaEmbed" in built and cached.read_text(encoding="utf-8") == built
        # a torn write: half the file under the right name
        cached.write_bytes(cached.read_bytes()[: len(built) // 2])
        assets.vega_bundle.cache_clear()
        assert assets.vega_bundle() == built, "a damaged cache is rebuilt, never served"
        assert cached.read_text(encoding="utf-8") == built
    finally:
        assets.vega_bundle.cache_clear()
