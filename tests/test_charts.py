"""Chart functions on the annotated sample: they aggregate (small inline
data), carry evidence sentences from the text, share scales across outlets,
keep their bound params, and say "no rows yet" on empty tables."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

from toolkit import actors, charts, claims, dates, framing, schema
from toolkit.charts.common import NoRows, shorten
from toolkit.corpus import AnnotatedCorpus
from toolkit.report.altair_offline import chart_html, script_json
from helpers import ensure_annotated_sample

CHART_FUNCTIONS = [charts.articles_over_time, charts.articles_per_outlet, charts.mentions_per_outlet,
                   charts.cooccurrence, charts.share_of_voice, charts.figures_by_event, charts.claims_per_outlet,
                   charts.timeline_per_outlet, charts.loaded_terms, charts.naming_choices,
                   charts.attribution_verbs, charts.side_by_side]
TABLE_FUNCTIONS = [charts.outlet_table, charts.load_summary, charts.table_sizes, actors.voice_by_side, claims.ledger,
                   claims.spread, dates.first_reported, framing.signal_rates, charts.outlet_summary]
SAMPLE_OUTLETS = ["CSB News", "Kyiv Post", "The Kyiv Independent", "Trendozz", "amedpost.com"]


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> AnnotatedCorpus:
    return AnnotatedCorpus.open(ensure_annotated_sample(tmp_path_factory.getbasetemp() / "annotated_sample"))


@pytest.fixture(scope="session")
def articles_only(sample) -> AnnotatedCorpus:
    """The sample with every extractor table empty: what a notebook sees
    before the extractors land."""
    return AnnotatedCorpus(articles=sample.articles, load_report=sample.load_report)


def datasets(chart) -> list[list[dict]]:
    spec = chart.to_dict()
    return list(spec.get("datasets", {}).values())


@pytest.mark.parametrize("fn", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_charts_aggregate_before_embedding(fn, sample):
    chart = fn(sample)
    # every chart has something to draw on the sample: no rows is a failure
    assert not isinstance(chart, NoRows), f"{fn.__name__}: {chart.reason} on the sample"
    data = datasets(chart)
    assert data, "the chart embeds its aggregated data"
    n_rows = sum(len(d) for d in data)
    # one row per mark: far fewer rows than the table behind it
    assert n_rows < 1000
    assert len(json.dumps(chart.to_dict())) < 200_000


@pytest.mark.parametrize("fn", CHART_FUNCTIONS, ids=lambda f: f.__name__)
def test_charts_say_no_rows_instead_of_failing(fn, articles_only):
    result = fn(articles_only)
    if fn in (charts.articles_over_time, charts.articles_per_outlet, charts.side_by_side):
        assert isinstance(result, alt.TopLevelMixin)  # built from the articles table alone
        result.to_dict()
    else:
        assert isinstance(result, NoRows)
        assert "no" in result._repr_html_()


@pytest.mark.parametrize("fn", TABLE_FUNCTIONS, ids=lambda f: f.__name__)
def test_tables_keep_their_columns_when_empty(fn, sample, articles_only):
    full, empty = fn(sample), fn(articles_only)
    assert isinstance(empty, pd.DataFrame)
    assert list(empty.columns) == list(full.columns)


def test_mentions_are_shares_of_each_outlets_total_with_evidence(sample):
    chart = charts.mentions_per_outlet(sample, top=10)
    rows = pd.DataFrame(datasets(chart)[0])
    assert set(rows["outlet"]) == set(SAMPLE_OUTLETS)
    # shares are out of the outlet's own mentions, so each outlet sums to at most 1
    assert (rows.groupby("outlet")["share"].sum() <= 1.0 + 1e-9).all()
    putin = rows[rows["name"] == "Vladimir Putin"]
    assert set(putin["outlet"]) == set(SAMPLE_OUTLETS), "every sample article is about Putin"
    # the tooltip's evidence is a real sentence of that outlet's article naming him
    texts = " ".join(sample.articles["text"])
    for evidence in putin["evidence"]:
        assert "Putin" in evidence and evidence.rstrip("…")[:60] in " ".join(texts.split())


def test_side_by_side_puts_every_outlet_on_the_same_rows(sample):
    spec = charts.side_by_side(sample).to_dict()
    # a 2 x 2 grid: four panels in one row made the page shrink its text
    assert [len(row["hconcat"]) for row in spec["vconcat"]] == [2, 2]
    for panel in (panel for row in spec["vconcat"] for panel in row["hconcat"]):
        assert panel["encoding"]["y"]["scale"]["domain"] == SAMPLE_OUTLETS
    bound = [p for p in spec["params"] if "bind" in p]
    assert bound and bound[0]["bind"]["options"] == [None, *SAMPLE_OUTLETS]


def test_dropdowns_offer_every_outlet(sample):
    spec = charts.cooccurrence(sample).to_dict()
    (param,) = [p for p in spec["params"] if "bind" in p]
    assert param["bind"]["input"] == "select"
    assert param["bind"]["options"][1:] == SAMPLE_OUTLETS


def test_spread_sets_outlets_figures_for_the_same_event_side_by_side(sample):
    """Hand-made claims on two real sample sentences about the June 17 strike
    on Kyiv: one outlet says "at least 28", the other "dozens" (vague)."""
    arts = sample.articles.set_index("outlet", drop=False)
    amed, trend = arts.loc["amedpost.com", "article_id"], arts.loc["Trendozz", "article_id"]
    records = [
        {"article_id": amed, "sent_id": 0, "start": 0, "end": 10, "surface": "at least 28 people dead",
         "category": "killed", "value_low": 28, "value_high": None, "qualifier": "at_least", "claimant": "amedpost.com",
         "in_quote": False, "scope": "incident", "event": "Kyiv strike",
         "event_date": pd.Timestamp("2025-06-17")},
        {"article_id": trend, "sent_id": 3, "start": 0, "end": 10, "surface": "killed dozens",
         "category": "killed", "value_low": 24, "value_high": 48, "qualifier": "vague", "claimant": "Trendozz",
         "in_quote": False, "scope": "incident", "event": "Kyiv strike",
         "event_date": pd.Timestamp("2025-06-17")},
    ]
    corpus = AnnotatedCorpus(articles=sample.articles, sentences=sample.sentences,
                             claims=schema.frame("claims", records))
    row = claims.spread(corpus).iloc[0]
    # one event (same place, same date), labelled by its label and date; the vague
    # "dozens" stays a range beside the stated figures (its upper bound is no figure)
    assert (row["event"], row["outlets"], row["lowest"], row["highest"]) == ("Kyiv strike, 17 Jun 2025", 2, 28.0, 28.0)
    assert row["vague"] == "24–48 (Trendozz)"
    ledger = claims.ledger(corpus)
    assert dict(zip(ledger["outlet"], ledger["figure"])) == {"amedpost.com": "at least 28", "Trendozz": "24–48"}
    assert ledger["event"].nunique() == 1
    # every ledger row shows (and names) the sentence it comes from
    for row in ledger.itertuples():
        assert row.sentence == shorten(sample.sentence(row.article_id, row.sent_id), 400)
        assert row.sentence


def test_chart_html_cannot_be_closed_by_article_text():
    hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    html = chart_html({"title": hostile, "data": {"values": [{"text": hostile}]}, "mark": "bar"})
    assert "</script><script>" not in html and "<img" not in html
    assert html.count("</script>") == 1  # only the element's own end tag
    assert json.loads(script_json(hostile)) == hostile  # still the same text for Vega


def _chart_rows(chart) -> pd.DataFrame:
    (data,) = datasets(chart)
    return pd.DataFrame(data)


def test_events_chart_and_events_table_agree_row_for_row(sample):
    """The figures chart draws one row per event of claims.spread, in the
    same order, and each dot is a claim of that event in the ledger."""
    chart = charts.figures_by_event(sample)
    spec = chart.to_dict()
    rows = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    table = claims.spread(sample)
    assert rows == list(dict.fromkeys(table["event"])), "chart rows = the spread table's events, in order"
    # the sample's one cross-outlet event leads: the 17 June strike on Kyiv, Trendozz and amedpost.com
    assert rows[0] == "Kyiv attack, 17 Jun 2025"
    dots = _chart_rows(chart)
    ledger = claims.ledger(sample)
    for dot in dots.itertuples():
        same = ledger[(ledger["event"] == dot.event) & (ledger["outlet"] == dot.outlet)
                      & (ledger["figure"] == dot.figure) & (ledger["category"] == dot.category)]
        assert len(same), f"{dot.outlet} {dot.figure} is not a ledger claim of {dot.event}"
        assert any(dot.sentence.rstrip("…")[:80] in sentence for sentence in same["sentence"])
    kyiv = dots[dots["event"] == rows[0]]
    assert set(kyiv["outlet"]) == {"Trendozz", "amedpost.com"}
    assert sorted(kyiv["figure"]) == ["24–99", "at least 28", "more than 100"]


def test_every_dot_sits_on_its_own_event_row(sample):
    """Rendered: each point's y lies inside the band of the event its tooltip
    names (the dots used to drift onto other events' rows)."""
    import re

    import vl_convert

    chart = charts.figures_by_event(sample)
    spec = chart.to_dict()
    svg = vl_convert.vegalite_to_svg(spec)
    events = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    label_y = {}
    for m in re.finditer(r'<text[^>]*transform="translate\(-?[\d.]+,([\d.]+)\)"[^>]*>([^<]*)</text>', svg):
        if m.group(2) in events:
            label_y[m.group(2)] = float(m.group(1))
    assert set(label_y) == set(events)
    band = spec["height"]["step"]
    points = re.findall(r'<path aria-label="([^"]*)"[^>]*transform="translate\([\d.-]+,([\d.-]+)\)"', svg)
    assert len(points) == len(_chart_rows(chart))
    for label, y in points:
        event = re.search(r"event: ([^;]*)", label).group(1)
        assert abs(float(y) - label_y[event]) < band / 2, f"dot of {event} drawn off its row"


def test_who_reported_first_says_why_the_sample_has_nothing_to_compare(sample):
    """Each sample outlet publishes on one day only, so no two outlets publish
    while the other does: nothing is compared, and the chart says so (the
    comparison itself is tested on ru_ua_2022 sentences in
    test_charts_first_reported.py)."""
    assert sample.articles.groupby("outlet")["published"].nunique().max() == 1
    table = dates.first_reported(sample)
    assert table.empty and table.attrs["left_out"] > 0
    chart = charts.first_reported_counts(sample)
    assert isinstance(chart, NoRows) and "while both publish" in chart.reason and "set aside" in chart.reason


def test_timeline_chart_draws_the_timeline_mentions(sample):
    (dots, *_) = datasets(charts.timeline_per_outlet(sample, widen=True))
    mentions = dates.event_mentions(sample)
    assert sum(d["references"] for d in dots) == len(mentions)
    # by default the axis is fitted to the coverage window: the rest is left out, and counted
    (fitted, *_) = datasets(charts.timeline_per_outlet(sample))
    lo, hi = charts.timeline.coverage_window(sample)
    inside = mentions["event_start"].dt.normalize().between(lo, hi)
    assert sum(d["references"] for d in fitted) == int(inside.sum())
