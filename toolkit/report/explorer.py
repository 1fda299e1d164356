"""The explorers in two places: live ipywidgets in JupyterLab, a client-side
table in the HTML report.

A report has no kernel, so a stored ipywidgets snapshot cannot filter
anything. :class:`StaticExplorer` displays one output carrying both the
widget view and an HTML rendering of the same rows (every row, with the
sentence each comes from); JupyterLab shows the widget (its renderer ranks
first), and the report exporter (:class:`toolkit.report.exporter.StaticExplorers`)
keeps the HTML and drops the widget, so the report ships no widget state.
"""

from __future__ import annotations

from toolkit.corpus import AnnotatedCorpus

MARKER = ' data-newsframe="static-explorer"'

#: heading and one-line explanation of each explorer's report table
TITLES = {
    "mentions": ("Every actor mention", "One row per mention of an actor: who, as written, the side, how it was found, "
                 "and the sentence. Filter by outlet or side; click a row to read it in its article."),
    "quotes": ("Every quotation", "One row per quotation or reported speech, with its speaker and verb."),
    "claims": ("Every casualty claim", "One row per casualty figure, with its category, qualifier and claimant."),
    "framing": ("Every framing signal", "One row per loaded term, naming choice or attribution verb, with the speaker."),
    "dates": ("Every date referred to", "One row per date expression, resolved against the article's publication date."),
}


class StaticExplorer:
    """``report.explore(corpus, "claims")``: the live explorer plus its rows
    as a report table."""

    def __init__(self, corpus: AnnotatedCorpus, table: str = "mentions"):
        from toolkit.widgets.explorer import Explorer

        self.corpus, self.table = corpus, table
        self.explorer = Explorer(corpus, table)

    def report_table(self):
        from toolkit.report.tables import interactive_table
        from toolkit.widgets.explorer import VIEWS

        rows = self.explorer.rows
        shown = [c for c in VIEWS[self.table].columns if c in rows.columns]
        keys = [c for c in ("article_id", "sent_id", "start", "end", "sent_start") if c in rows.columns]
        frame = rows[shown + ["sentence"] + keys]
        title, note = TITLES.get(self.table, (f"Every {self.table} row", None))
        table = interactive_table(frame, title, note, corpus=self.corpus)
        table.marker = MARKER
        return table

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.explorer.widget._repr_mimebundle_())
        bundle["text/html"] = self.report_table()._repr_html_()
        return bundle

    def __getattr__(self, name):  # explorer.actor, explorer.outlets, ... as on the live explorer
        if name.startswith("_") or name == "explorer":  # never the display hooks (_ipython_display_)
            raise AttributeError(name)
        return getattr(self.explorer, name)
