"""Colours that hold: a side has one colour (``toolkit/data/sides.yaml``) in
every chart and corpus, minor sides are drawn as "other", an outlet keeps its
colour across a report, and no scale leaves colours to the order values
happen to come in."""

from __future__ import annotations

import json

from helpers import ensure_annotated_sample

from toolkit import charts
from toolkit.charts.colours import outlet_colours, side_colours, side_group, side_scale
from toolkit.corpus import AnnotatedCorpus


def colour_scales(spec) -> list[dict]:
    """Every colour encoding's scale in a Vega-Lite spec (nested views too)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            enc = node.get("encoding", {})
            if isinstance(enc, dict) and isinstance(enc.get("color"), dict) and "field" in enc["color"]:
                found.append(enc["color"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(spec)
    return found


def side_mapping(chart) -> dict[str, str]:
    out = {}
    for colour in colour_scales(chart.to_dict()):
        if colour["field"] == "side_group":
            scale = colour["scale"]
            assert "scheme" not in scale and len(scale["domain"]) == len(scale["range"])
            out.update(dict(zip(scale["domain"], scale["range"])))
    return out


def test_a_side_has_one_colour_in_every_chart_and_corpus(tmp_path_factory):
    sample = AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    one_outlet = sample.filter(outlets=["Kyiv Post"])
    fixed = side_colours()
    for corpus in (sample, one_outlet):
        for chart in (charts.mentions_per_outlet(corpus), charts.share_of_voice(corpus), charts.side_by_side(corpus)):
            mapping = side_mapping(chart)
            assert mapping, "coloured by side"
            assert all(fixed[side] == colour for side, colour in mapping.items())
    assert fixed["Russia"] != fixed["Ukraine"] and len(set(fixed.values())) == len(fixed)


def test_minor_sides_are_other_and_no_side_is_unknown(tmp_path_factory):
    import pandas as pd

    sides = pd.Series(["Russia", "Ukraine", "Lithuania", "Syria", None, "unknown", "unattributed"])
    assert side_group(sides).tolist() == ["Russia", "Ukraine", "other", "other", "unknown", "unknown", "unattributed"]
    scale = side_scale(sides).to_dict()
    assert scale["domain"][:2] == ["Russia", "Ukraine"] and "Lithuania" not in scale["domain"]


def test_an_outlet_keeps_its_colour_across_the_report(tmp_path_factory):
    sample = AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    expected = outlet_colours(sample.articles["outlet"].astype(str).unique().tolist())
    seen = 0
    for chart in (charts.figures_by_event(sample), charts.articles_over_time(sample),
                  charts.timeline_per_outlet(sample), charts.first_reported_counts(sample)):
        if not hasattr(chart, "to_dict"):
            continue
        for colour in colour_scales(chart.to_dict()):
            if colour["field"] == "outlet":
                scale = colour["scale"]
                assert dict(zip(scale["domain"], scale["range"])) == expected
                seen += 1
    assert seen >= 3


def test_timeline_axis_is_fitted_to_the_coverage_window(tmp_path_factory):
    sample = AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))
    fitted = json.dumps(charts.timeline_per_outlet(sample).to_dict(), default=str)
    wide = json.dumps(charts.timeline_per_outlet(sample, widen=True).to_dict(), default=str)
    published = sample.articles["published"]
    first, last = published.min() - charts.timeline.BEFORE_COVERAGE, published.max() + charts.timeline.AFTER_COVERAGE
    days = [d for d in sample.dates["start_date"].dropna() if 1990 <= d.year < 2100]
    if any(d < first or d > last for d in days):
        assert len(wide) > len(fitted) and "not shown" in fitted
    assert f"{first:%Y-%m-%d}" in fitted or "not shown" not in fitted
