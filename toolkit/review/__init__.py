"""Review: the analyst corrects the machine, and the corrections survive re-annotation.

* :mod:`toolkit.review.ids` — a stable ``row_id`` on every mention, quote,
  claim, date and framing row (from the article's content hash, the table and
  the span), so a correction finds its row again after any re-run.
* :mod:`toolkit.review.confidence` — a confidence per claim and quote from the
  evidence that produced it, so a review can start with the weakest rows.
* :mod:`toolkit.review.corrections` — the ``corrections.csv`` file (accept /
  reject / edit / add by ``row_id``), validated line by line and applied
  deterministically; rejected rows go to ``corpus.rejected``, the file as
  applied to ``corpus.corrections``, orphans are reported with their sentence.
* :mod:`toolkit.review.status` — "38 of 52 figures reviewed, 4 corrected",
  and a corpus limited to reviewed rows.
* :mod:`toolkit.review.widget` — the JupyterLab review widget.

Two steps hook into annotation: :func:`machine_columns` where a partition's
tables are built (the ids and confidence are machine output: cached, and the
same on every engine), and :func:`assemble` where ``annotate()`` puts the
corpus together (the corrections: never cached, re-applied on every run).
"""

from __future__ import annotations

import hashlib

import pandas as pd

from toolkit.review.ids import ID_TABLES, assign_row_ids, row_id

__all__ = ["machine_columns", "assemble", "assign_row_ids", "row_id", "ID_TABLES", "apply_corrections",
           "read_corrections", "review_status", "reviewed_only"]


def __getattr__(name: str):
    if name in ("apply_corrections", "read_corrections", "append_corrections", "machine_state"):
        from toolkit.review import corrections

        return getattr(corrections, name)
    if name in ("review_status", "reviewed_only"):
        from toolkit.review import status

        return getattr(status, name)
    raise AttributeError(name)


def machine_columns(tables: dict[str, pd.DataFrame], records: list[dict]) -> dict[str, pd.DataFrame]:
    """Give a partition's tables their ``row_id``, ``review = "none"`` and,
    on claims and quotes, ``confidence``.

    Args:
        tables: one frame per table, as the extractors filled them.
        records: the partition's articles (``article_id``, ``text``: the
            content hash is the sha256 of the text, as ``articles.content_hash``).

    Returns:
        ``tables``, with those columns filled in place.
    """
    from toolkit.review.confidence import claim_confidence, quote_confidence

    hashes = pd.DataFrame({
        "article_id": [str(r["article_id"]) for r in records],
        "content_hash": [hashlib.sha256((r.get("text") or "").encode("utf-8")).hexdigest() for r in records],
    })
    for name in ID_TABLES:
        df = tables[name]
        df["row_id"] = assign_row_ids(name, df, hashes)
        df["review"] = pd.Series("none", index=df.index, dtype="category")
    tables["claims"]["confidence"] = claim_confidence(tables["claims"])
    tables["quotes"]["confidence"] = quote_confidence(tables["quotes"])
    return tables


def assemble(annotated, *, source=None, corrections=None, catalogue=None):
    """Apply the analyst's corrections to a freshly annotated corpus.

    Args:
        annotated: the :class:`~toolkit.corpus.AnnotatedCorpus` with machine rows.
        source: what was annotated (paths or a :class:`~toolkit.corpus.Corpus`):
            its folder's ``corrections.csv`` applies when present.
        corrections: a corrections file to apply instead; ``False``: none.
        catalogue: the actor catalogue path the corpus was annotated with
            (names typed into ``claimant``/``speaker`` resolve against it).

    Returns:
        The corrected corpus; ``meta["corrections_path"]`` says where its
        corrections file is (or would be: the review widget writes there).

    Raises:
        FileNotFoundError: ``corrections`` names a file that does not exist.
    """
    from pathlib import Path

    from toolkit.review.corrections import apply_corrections, default_path

    _disambiguate_copies(annotated)
    annotated.meta["catalogue_path"] = str(catalogue) if catalogue is not None else None
    if corrections is False:
        return annotated
    if corrections is not None:
        path = Path(corrections).resolve()
        if not path.is_file():
            raise FileNotFoundError(f"corrections file {corrections} does not exist")
    else:
        path = default_path(source) if source is not None else None
    if path is not None:
        annotated.meta["corrections_path"] = str(path)
    if path is None or not path.is_file():
        return annotated
    return apply_corrections(annotated, path, catalogue=catalogue)


def _disambiguate_copies(annotated) -> None:
    """Two articles with the same text (``load(keep_duplicates=True)``) would
    share row ids: from the second on, ids mix in the article id."""
    hashes = annotated.articles["content_hash"].astype("string")
    if not hashes.duplicated().any():
        return
    for name in ID_TABLES:
        df = getattr(annotated, name)
        df["row_id"] = assign_row_ids(name, df, annotated.articles)
