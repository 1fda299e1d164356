"""Helpers shared by the quotes tests (no tests here; named test_* to sit with the quotes tests)."""

from __future__ import annotations

from helpers import annotate_text


def quotes_of(nlp, text: str, article_id: str = "t") -> list[dict]:
    """The quotes of ``text`` from the real extractor chain (speakers from the real mentions)."""
    return annotate_text(nlp, text, article_id)["quotes"]


def find(rows: list[dict], fragment: str, direct: bool | None = None) -> dict:
    """The first row whose text contains ``fragment`` (and is direct/indirect
    when asked); fails the test when none does."""
    hits = [r for r in rows if fragment in r["text"] and (direct is None or r["direct"] is direct)]
    assert hits, f"no quote containing {fragment!r} in {[r['text'] for r in rows]}"
    return hits[0]
