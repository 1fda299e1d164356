"""Helpers shared by the quotes tests (no tests here; named test_* to sit with the quotes tests)."""

from __future__ import annotations

from toolkit.context import ArticleContext
from toolkit.quotes import extract_quotes
from toolkit.quotes.speakers import mentions_from_entities


def mentions_for(doc, ctx: ArticleContext) -> list[dict]:
    """The real mentions extractor when it is importable, else records from ``doc.ents``."""
    try:
        from toolkit.actors import extract_mentions, load_catalogue
    except ImportError:
        return mentions_from_entities(doc)
    return extract_mentions(doc, ctx, load_catalogue(None))


def quotes_of(nlp, text: str, article_id: str = "t") -> list[dict]:
    doc = nlp(text)
    ctx = ArticleContext(article_id=article_id)
    return extract_quotes(doc, ctx, mentions_for(doc, ctx))


def find(rows: list[dict], fragment: str, direct: bool | None = None) -> dict:
    """The first row whose text contains ``fragment`` (and is direct/indirect
    when asked); fails the test when none does."""
    hits = [r for r in rows if fragment in r["text"] and (direct is None or r["direct"] is direct)]
    assert hits, f"no quote containing {fragment!r} in {[r['text'] for r in rows]}"
    return hits[0]
