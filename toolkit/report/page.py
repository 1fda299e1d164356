"""What a report carries once per page besides the Vega bundle: the runtime
script (``js/newsframe.js``), the articles the page's rows point to (for the
article viewer), a sentence search, and the corpus balance the reader must
see before comparing outlets.
"""

from __future__ import annotations

import functools
import html
from pathlib import Path

import pandas as pd

from toolkit.corpus import AnnotatedCorpus

RUNTIME_JS = Path(__file__).parent / "js" / "newsframe.js"

STYLE = """<style>
.nf-table-container { margin: 0.6em 0 1.2em; max-width: 100%; }
.nf-heading { margin: 0.4em 0 0.1em; font-size: 14px; }
.nf-explain, .nf-count, .nf-note, .nf-left-out { margin: 0.1em 0 0.4em; color: #555; font-size: 12px; }
.nf-left-out { color: #8a4b00; }
.nf-toolbar, .nf-pager { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; font-size: 12px; }
.nf-spacer { flex: 1; }
.nf-filter, .nf-search-box { min-width: 16em; padding: 2px 6px; font-size: 12px; }
.nf-search-box { min-width: 28em; }
.nf-button { font-size: 12px; padding: 1px 8px; cursor: pointer; }
.nf-scroll { overflow-x: auto; max-width: 100%; }
table.nf-table, table.nf-static { font-size: 12px; border-collapse: collapse; }
.jp-RenderedHTMLCommon table.nf-table th, .jp-RenderedHTMLCommon table.nf-table td,
.jp-RenderedHTMLCommon table.nf-static th, .jp-RenderedHTMLCommon table.nf-static td,
table.nf-table th, table.nf-table td, table.nf-static th, table.nf-static td { text-align: left; vertical-align: top;
  padding: 2px 8px; border-bottom: 1px solid #ddd; max-width: 28em; }
table.nf-table td.nf-date { white-space: nowrap; }
.jp-RenderedHTMLCommon table.nf-table td.nf-num, .jp-RenderedHTMLCommon table.nf-table th.nf-num,
table.nf-table td.nf-num, table.nf-table th.nf-num { text-align: right; white-space: nowrap; }
table.nf-table td.nf-wide { min-width: 26em; max-width: 48em; }
table.nf-table th { cursor: pointer; user-select: none; background: #f6f6f6; position: sticky; top: 0; }
table.nf-table th[aria-sort="ascending"]::after { content: " \\25B2"; }
table.nf-table th[aria-sort="descending"]::after { content: " \\25BC"; }
.nf-link { cursor: pointer; }
tr.nf-link:hover td, li.nf-link:hover { background: #fff7dd; }
.nf-swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 4px; border-radius: 2px; vertical-align: -1px; }
.nf-viewer { position: fixed; top: 0; right: 0; width: min(42em, 92vw); height: 100vh; overflow-y: auto; z-index: 1000;
  background: #fff; border-left: 1px solid #bbb; box-shadow: -4px 0 16px rgba(0,0,0,0.15); padding: 12px 18px; font-size: 13px; }
.nf-close { position: absolute; top: 6px; right: 10px; font-size: 20px; border: none; background: none; cursor: pointer; }
.nf-title { margin: 0.2em 1.5em 0.2em 0; font-size: 16px; }
.nf-meta { color: #555; font-size: 12px; }
.nf-sent { margin: 0.35em 0; line-height: 1.45; }
.nf-evidence { background: #fff3c4; border-left: 3px solid #e0a800; padding-left: 6px; }
.nf-evidence mark, .nf-results mark { background: #ffd34d; }
.nf-results { font-size: 12px; padding-left: 2em; max-height: 32em; overflow-y: auto; }
.nf-result { margin: 0.3em 0; }
.nf-tag { display: inline-block; margin: 2px 4px 0 0; padding: 0 5px; border-radius: 3px; background: #eef; color: #335; font-size: 11px; }
.nf-tag-figures { background: #fde8e8; color: #6b1d1d; }
.nf-tag-speakers { background: #e8f5e9; color: #1b4d20; }
.nf-caveat { border-left: 3px solid #999; padding: 4px 10px; background: #fafafa; font-size: 12px; }
</style>"""


@functools.lru_cache(maxsize=1)
def runtime_js() -> str:
    """The report runtime, script-safe."""
    from toolkit.report.assets import _script_safe

    return _script_safe(RUNTIME_JS.read_text(encoding="utf-8"))


def runtime_html() -> str:
    """The ``<script>`` and styles the tables, viewer and search need (once
    per page; a second copy is a no-op)."""
    return (f'{STYLE}\n<script type="text/javascript" data-newsframe="runtime">\n{runtime_js()}\n'
            "window.NF.boot();\n</script>")


def article_store(corpus: AnnotatedCorpus) -> dict:
    """Every article's outlet, title, date, source URL and sentences, and per
    sentence the actors it names, the casualty figures it gives and who speaks
    in it: what the article viewer and the sentence search read."""
    arts = corpus.articles
    sents = corpus.sentences
    articles: dict[str, dict] = {}
    by_article = {str(aid): g for aid, g in sents.groupby(sents["article_id"].astype("string"), observed=True)} \
        if len(sents) else {}
    for row in arts.itertuples(index=False):
        aid = str(row.article_id)
        g = by_article.get(aid)
        sentence_rows = [] if g is None else [[int(s), " ".join(str(t).split())]
                                               for s, t in zip(g["sent_id"], g["text"]) if isinstance(t, str)]
        published = getattr(row, "published", None)
        url = getattr(row, "url", None)
        articles[aid] = {
            "outlet": None if pd.isna(row.outlet) else str(row.outlet),
            "title": None if not isinstance(row.title, str) else " ".join(row.title.split()),
            "date": None if published is None or pd.isna(published) else pd.Timestamp(published).strftime("%Y-%m-%d"),
            "url": url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None,
            "sents": sentence_rows,
        }
    index: dict[str, dict[str, list[str]]] = {}

    def add(frame: pd.DataFrame, kind: str, values: pd.Series) -> None:
        if frame.empty:
            return
        keys = frame["article_id"].astype("string") + ":" + frame["sent_id"].astype("Int64").astype("string")
        for key, value in zip(keys, values):
            if key is pd.NA or value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                continue
            bucket = index.setdefault(key, {}).setdefault(kind, [])
            if value not in bucket:
                bucket.append(str(value))

    m = corpus.mentions
    if len(m):
        add(m, "actors", m["actor"].fillna(m["surface"]).astype("string"))
    c = corpus.claims
    if len(c):
        add(c, "figures", (c["surface"].astype("string") + " (" + c["category"].astype("string").fillna("") + ")"))
    q = corpus.quotes
    if len(q):
        add(q, "speakers", q["speaker"].fillna(q["speaker_surface"]).fillna("unattributed").astype("string"))
    return {"articles": articles, "index": index}


def header_html(corpus: AnnotatedCorpus) -> str:
    """The top of a report: corpus balance per outlet (with the caveat it
    implies), the article store, and the search box."""
    from toolkit.charts import outlet_table
    from toolkit.report.altair_offline import script_json
    from toolkit.report.tables import interactive_table, spend

    arts = corpus.articles
    n_outlets = arts["outlet"].astype("string").nunique()
    balance = outlet_table(corpus)
    parts = []
    words = arts["n_words"].astype("float")
    per_outlet = arts.groupby(arts["outlet"].astype("string"), observed=True)["n_words"].sum().astype(float)
    caveat = (f"{len(arts):,} articles from {n_outlets:,} outlets, {int(words.sum()):,} words")
    if len(per_outlet) > 1 and per_outlet.min() > 0:
        ratio = per_outlet.max() / per_outlet.min()
        caveat += (f"; the largest outlet has {ratio:,.1f}× the words of the smallest, so this report compares "
                   "shares and rates per 1,000 words, not raw counts")
    parts.append(f'<p class="nf-caveat"><strong>Corpus balance.</strong> {html.escape(caveat)}. '
                 "Click a table row or a chart mark to open its article.</p>")
    parts.append(interactive_table(balance, "Corpus balance per outlet",
                                   "Articles, words and the coverage window of each outlet; compare outlets only "
                                   "within the window they share.", corpus=corpus)._repr_html_())
    store = script_json(article_store(corpus))
    spend(len(store))  # the articles count against the page's budget like any table
    parts.append(f'<script type="application/json" class="nf-articles">{store}</script>')
    parts.append('<script type="text/javascript">(function(){var s=document.currentScript.previousElementSibling;'
                 "window.NF.addArticles(JSON.parse(s.textContent));window.NF.boot();})();</script>")
    parts.append('<h4 class="nf-heading">Search the sentences</h4>'
                 '<p class="nf-explain">Every sentence of the corpus with its outlet, the actors it names, the '
                 "casualty figures it gives and who speaks in it; click a result to open the article.</p>"
                 '<div class="nf-search"></div>'
                 '<script type="text/javascript">window.NF.boot();</script>')
    return "\n".join(parts)


class Header:
    """Displays :func:`header_html` (the last expression of a notebook's
    first cell)."""

    def __init__(self, corpus: AnnotatedCorpus):
        self.corpus = corpus

    def _repr_html_(self) -> str:
        return header_html(self.corpus)

    def __repr__(self) -> str:
        return repr(self.corpus)
