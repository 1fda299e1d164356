"""An ipywidgets 8 explorer over one evidence table (mentions, quotes, claims,
dates or framing): outlet multi-select, actor picker, date-range slider and
a category filter, linked to a chart, a table and a sentence viewer that shows
the source sentences with the matched span highlighted.

Everything the filters touch is prepared once (joined with outlet, date and
sentence; categories as plain strings), so a widget change is a few boolean
masks over arrays plus one small aggregation: well under a second on the
407-article corpus (see docs/results/reports.md).
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass

import altair as alt
import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import display

from toolkit.actors.sides import UNKNOWN_SIDE
from toolkit.charts.common import html_table, outlets_of, with_articles
from toolkit.corpus import AnnotatedCorpus

ANY = "(any)"


@dataclass(frozen=True)
class TableView:
    """How the explorer reads one table: the column naming the actor a row is
    about (``None``: the actor picker keeps rows whose sentence mentions the
    actor), the column the category filter works on, and the table columns
    shown."""

    actor: str | None
    category: str
    category_label: str
    columns: tuple[str, ...]


VIEWS: dict[str, TableView] = {
    "mentions": TableView("name", "side", "Side", ("outlet", "published", "surface", "name", "kind", "side", "via")),
    "quotes": TableView("speaker_name", "direct_label", "Quote", ("outlet", "published", "speaker_name", "cue", "text")),
    "claims": TableView("claimant", "category", "Claim category",
                        ("outlet", "published", "surface", "category", "qualifier", "claimant", "event")),
    "framing": TableView("speaker_name", "signal", "Framing signal",
                         ("outlet", "published", "term", "signal", "category", "speaker_name", "in_quote")),
    "dates": TableView(None, "kind", "Date kind", ("outlet", "published", "surface", "kind", "value", "start_date")),
}


def prepare(corpus: AnnotatedCorpus, table: str) -> pd.DataFrame:
    """``table`` with outlet, publication day, actor and category columns as
    plain strings, and the sentence (text and start offset) each row is in."""
    df = with_articles(corpus, table)
    view = VIEWS[table]
    names = _actor_names(corpus)
    if table == "mentions":
        df["name"] = df["actor"].fillna(df["surface"]).astype("string")
        df["side"] = df["side"].astype("string").fillna(UNKNOWN_SIDE)
    elif table == "quotes":
        df["speaker_name"] = df["speaker"].fillna(df["speaker_surface"]).fillna("unattributed").astype("string")
        df["direct_label"] = df["direct"].map({True: "direct", False: "indirect"}).fillna("unknown").astype("string")
    elif table == "claims":
        df["claimant"] = df["claimant"].fillna(df["outlet"]).astype("string")
    elif table == "framing":
        ids = df["speaker_actor_id"].fillna(df["actor_id"])
        df["speaker_name"] = ids.map(names).fillna(ids).fillna("—").astype("string")
    df[view.category] = df[view.category].astype("string").fillna("unspecified")
    sents = corpus.sentences[["article_id", "sent_id", "start", "text"]].rename(
        columns={"start": "sent_start", "text": "sentence"})
    df = df.merge(sents, on=["article_id", "sent_id"], how="left")
    df["day"] = df["published"].dt.normalize()
    return df.reset_index(drop=True)


def _actor_names(corpus: AnnotatedCorpus) -> pd.Series:
    m = corpus.mentions.dropna(subset=["actor_id", "actor"])
    return m.drop_duplicates("actor_id").set_index("actor_id")["actor"].astype("string")


def highlight(sentence: str, sent_start: int, start: int, end: int) -> str:
    """The sentence, HTML-escaped, with ``doc.text[start:end]`` wrapped in
    ``<mark>`` (offsets are into the article text, the sentence starts at
    ``sent_start``). A span outside the sentence leaves it unmarked."""
    sentence = "" if sentence is None or (isinstance(sentence, float) and np.isnan(sentence)) else str(sentence)
    a, b = int(start) - int(sent_start), int(end) - int(sent_start)
    if not (0 <= a <= b <= len(sentence)):
        return html.escape(sentence)
    return (html.escape(sentence[:a]) + "<mark>" + html.escape(sentence[a:b]) + "</mark>"
            + html.escape(sentence[b:]))


class Explorer:
    """Filters + chart + table + sentence viewer over one table.

    ``Explorer(corpus, "claims")`` in a notebook cell shows the widgets; the
    filter widgets are attributes (``outlets``, ``actor``, ``dates``,
    ``category``) so code and tests can set them like a user would.
    """

    def __init__(self, corpus: AnnotatedCorpus, table: str = "mentions", max_sentences: int = 12,
                 max_table_rows: int = 15, top_actors: int = 60):
        if table not in VIEWS:
            raise ValueError(f"table must be one of {sorted(VIEWS)}, not {table!r}")
        self.table, self.view = table, VIEWS[table]
        self.corpus = corpus
        self.rows = prepare(corpus, table)
        self.max_sentences, self.max_table_rows = max_sentences, max_table_rows
        self._mentioned = self._sentences_by_actor(corpus) if self.view.actor is None else {}
        outlets = outlets_of(corpus)
        self.outlets = w.SelectMultiple(options=outlets, value=tuple(outlets), rows=min(6, max(2, len(outlets))),
                                        description="Outlets")
        self.actor = w.Dropdown(options=[ANY, *self._actor_options(corpus, top_actors)], value=ANY, description="Actor")
        days = sorted(self.rows["day"].dropna().unique()) or sorted(corpus.articles["published"].dropna().dt.normalize().unique())
        labels = [(pd.Timestamp(d).strftime("%Y-%m-%d"), pd.Timestamp(d)) for d in days]
        self.dates = w.SelectionRangeSlider(options=labels or [("no dates", pd.NaT)],
                                            index=(0, max(len(labels) - 1, 0)), description="Published",
                                            disabled=len(labels) < 2, layout=w.Layout(width="520px"))
        categories = sorted(self.rows[self.view.category].dropna().unique().tolist())
        self.category = w.Dropdown(options=[ANY, *categories], value=ANY, description=self.view.category_label,
                                   style={"description_width": "initial"})
        self.chart_out = w.Output()
        self.table_html = w.HTML()
        self.sentences_html = w.HTML()
        self.status = w.HTML()
        for control in (self.outlets, self.actor, self.dates, self.category):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([
            w.HBox([self.outlets, w.VBox([self.actor, self.category, self.dates])]),
            self.status, self.chart_out,
            w.HTML("<strong>Rows</strong>"), self.table_html,
            w.HTML("<strong>Source sentences</strong>"), self.sentences_html,
        ])
        self.update()

    # -- filtering -----------------------------------------------------------
    def _actor_options(self, corpus: AnnotatedCorpus, top: int) -> list[str]:
        if self.view.actor is not None:
            column = self.rows[self.view.actor].dropna()
            column = column[~column.isin(["unattributed", "—"])]
        else:
            m = corpus.mentions
            column = m["actor"].fillna(m["surface"]).dropna()
        return column.value_counts().head(top).index.tolist()

    @staticmethod
    def _sentences_by_actor(corpus: AnnotatedCorpus) -> dict[str, set]:
        m = corpus.mentions.assign(name=corpus.mentions["actor"].fillna(corpus.mentions["surface"]))
        return {name: set(zip(g["article_id"], g["sent_id"])) for name, g in m.groupby("name")}

    def mask(self) -> np.ndarray:
        """Which rows the current widget values keep."""
        rows = self.rows
        keep = rows["outlet"].isin(list(self.outlets.value)).to_numpy(dtype=bool, copy=True)
        if self.actor.value != ANY:
            if self.view.actor is not None:
                keep &= (rows[self.view.actor] == self.actor.value).fillna(False).to_numpy()
            else:
                pairs = self._mentioned.get(self.actor.value, set())
                keep &= np.fromiter(((a, s) in pairs for a, s in zip(rows["article_id"], rows["sent_id"])),
                                    dtype=bool, count=len(rows))
        if self.category.value != ANY:
            keep &= (rows[self.view.category] == self.category.value).fillna(False).to_numpy()
        if not self.dates.disabled:
            lo, hi = self.dates.value
            day = rows["day"]
            keep &= ((day >= lo) & (day <= hi)).fillna(False).to_numpy()
        return keep

    def selection(self) -> pd.DataFrame:
        """The rows the widgets currently select."""
        return self.rows[self.mask()]

    # -- drawing -------------------------------------------------------------
    def chart(self, rows: pd.DataFrame) -> alt.Chart:
        """Rows per outlet split by the category, on a shared axis."""
        counts = rows.groupby(["outlet", self.view.category]).size().rename("rows").reset_index()
        return (
            alt.Chart(counts, title=f"{self.table}: rows per outlet")
            .mark_bar()
            .encode(x=alt.X("rows:Q", title=f"{self.table} rows"),
                    y=alt.Y("outlet:N", sort=list(self.outlets.options), title=None),
                    color=alt.Color(f"{self.view.category}:N", title=self.view.category_label),
                    tooltip=["outlet:N", f"{self.view.category}:N", "rows:Q"])
            .properties(width=460, height=alt.Step(22))
        )

    def sentences(self, rows: pd.DataFrame) -> str:
        """HTML of the first source sentences, escaped, span highlighted."""
        if rows.empty:
            return '<p class="newsframe-empty">no rows for this selection</p>'
        shown = rows.drop_duplicates(["article_id", "sent_id", "start"]).head(self.max_sentences)
        items = []
        for r in shown.itertuples(index=False):
            when = r.published.strftime("%Y-%m-%d") if not pd.isna(r.published) else "undated"
            source = html.escape(f"{r.outlet} · {when} · {r.title if isinstance(r.title, str) else r.article_id}")
            text = highlight(r.sentence, r.sent_start if not pd.isna(r.sent_start) else 0, r.start, r.end)
            items.append(f'<li><span style="color:#666">{source}</span><br>{text}</li>')
        more = len(rows.drop_duplicates(["article_id", "sent_id", "start"])) - len(shown)
        tail = f'<p class="newsframe-empty">{more} more not shown</p>' if more > 0 else ""
        return f'<ol class="newsframe-sentences">{"".join(items)}</ol>{tail}'

    def update(self) -> float:
        """Redraw chart, table and sentences for the current widget values;
        returns the seconds it took (shown under the filters)."""
        started = time.perf_counter()
        rows = self.selection()
        with self.chart_out:
            self.chart_out.clear_output(wait=True)
            if rows.empty:
                display(w.HTML('<p class="newsframe-empty">no rows for this selection</p>'))
            else:
                display(self.chart(rows))
        columns = [c for c in self.view.columns if c in rows.columns]
        shown = rows[columns].copy()
        if "published" in shown:
            shown["published"] = shown["published"].dt.date
        self.table_html.value = html_table(shown, max_rows=self.max_table_rows)
        self.sentences_html.value = self.sentences(rows)
        seconds = time.perf_counter() - started
        self.status.value = (f'<span class="newsframe-empty">{len(rows):,} of {len(self.rows):,} {self.table} rows · '
                             f'{rows["article_id"].nunique():,} articles · redrawn in {seconds * 1000:.0f} ms</span>')
        return seconds

    def _changed(self, _change) -> None:
        self.update()

    def _ipython_display_(self) -> None:
        display(self.widget)


def actor_explorer(corpus: AnnotatedCorpus) -> Explorer:
    """Mentions explorer: pick an actor, see where and how each outlet names them."""
    return Explorer(corpus, "mentions")


def claims_explorer(corpus: AnnotatedCorpus) -> Explorer:
    """Casualty-claims explorer: filter by claimant and category."""
    return Explorer(corpus, "claims")


def framing_explorer(corpus: AnnotatedCorpus) -> Explorer:
    """Framing explorer: filter by signal and speaker."""
    return Explorer(corpus, "framing")


def quotes_explorer(corpus: AnnotatedCorpus) -> Explorer:
    """Quotes explorer: who speaks in which outlet."""
    return Explorer(corpus, "quotes")


def dates_explorer(corpus: AnnotatedCorpus) -> Explorer:
    """Dates explorer: the actor picker keeps dates in sentences naming the actor."""
    return Explorer(corpus, "dates")
