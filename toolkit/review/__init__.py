"""Review: the analyst corrects the machine, and the corrections survive re-annotation.

* :mod:`toolkit.review.ids` — a stable ``row_id`` on every mention, quote,
  claim, date and framing row (from the article's content hash, the table and
  the span), so a correction finds its row again after any re-run.
* :mod:`toolkit.review.corrections` — the ``corrections.csv`` file (accept /
  reject / edit / add by ``row_id``), validated line by line and applied
  deterministically; rejected rows go to ``corpus.rejected``, the file as
  applied to ``corpus.corrections``, orphans are reported with their sentence.
* :mod:`toolkit.review.confidence` — a confidence per claim and quote from the
  evidence that produced it, so a review can start with the weakest rows.
* :mod:`toolkit.review.widget` — the JupyterLab review widget.

:func:`assemble` is the one step table assembly calls (``toolkit.annotate``).
"""

from __future__ import annotations

from toolkit.review.ids import ID_TABLES, assign_row_ids, row_id

__all__ = ["assemble", "assign_row_ids", "row_id", "ID_TABLES"]


def assemble(annotated, *, corrections=None):
    """Add the review columns to an :class:`~toolkit.corpus.AnnotatedCorpus`
    straight from the extractors and apply the analyst's corrections.

    Args:
        annotated: the corpus as the extractors produced it (the cache holds
            machine rows only, so corrections never leak into it).
        corrections: path of a corrections file, or None for none.

    Returns:
        The same corpus object, its tables given ``row_id`` and ``review``
        (``none`` until a correction says otherwise).
    """
    from toolkit import schema

    for name in ID_TABLES:
        df = getattr(annotated, name).copy()
        df["row_id"] = assign_row_ids(name, df, annotated.articles)
        df["review"] = "none"
        setattr(annotated, name, schema.conform(name, df))
    return annotated
