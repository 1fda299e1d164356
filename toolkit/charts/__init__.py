"""Chart functions: small functions from an :class:`~toolkit.corpus.AnnotatedCorpus`
to Altair charts, side by side per outlet with shared scales.

Each aggregates with pandas before charting (one row per mark; the tooltip
carries the evidence sentence), keeps its interactivity as Altair params
(dropdowns, legend and interval selections) so a static report stays
filterable, and returns a :class:`NoRows` note instead of failing when its
table has no rows yet. Tables for ``show_table`` come as DataFrames.

Charts draw; they do not decide. Which claims are one event, what a
timeline holds, which side a speaker is on: each is answered once in its
domain package (``toolkit.claims.analysis``, ``toolkit.dates.chronology``,
...) and the chart encodes that frame.
"""

from toolkit.charts.actors import cooccurrence, mentions_per_outlet, share_of_voice
from toolkit.charts.claims import claims_per_outlet, figures_by_event
from toolkit.charts.common import NoRows, html_table
from toolkit.charts.corpus import articles_over_time, articles_per_outlet, load_summary, outlet_table, table_sizes
from toolkit.charts.framing import attribution_verbs, loaded_terms, naming_choices
from toolkit.charts.overview import outlet_summary, side_by_side
from toolkit.charts.sourcing import shared_copy, sources_per_outlet
from toolkit.charts.timeline import first_reported_counts, timeline_per_outlet

__all__ = [
    "NoRows", "articles_over_time", "articles_per_outlet", "attribution_verbs", "claims_per_outlet",
    "cooccurrence", "figures_by_event", "first_reported_counts", "html_table",
    "load_summary", "loaded_terms", "mentions_per_outlet", "naming_choices", "outlet_summary", "outlet_table",
    "share_of_voice", "shared_copy", "side_by_side", "sources_per_outlet", "table_sizes",
    "timeline_per_outlet",
]
