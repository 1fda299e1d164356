"""Sourcing: who cites whom, which copy travels, where each figure came from.

* :func:`extract_credits` — per article: every credit to a news agency or outlet
  (the ``sourcing`` table), resolved through the editable list in
  :mod:`toolkit.sourcing.sources`.
* :mod:`toolkit.sourcing.copies` — per corpus: passages two articles share
  (MinHash/LSH near-duplicates), the ``copies`` table and the outlet-by-outlet
  matrix of shared copy.
* :mod:`toolkit.sourcing.provenance` — per corpus: the credited source (``via``)
  of the passage each claim and quote sits in.
"""

from toolkit.sourcing.credits import KINDS, extract_credits
from toolkit.sourcing.sources import Source, Sources, SourcesError, cached_sources, load_sources

__all__ = ["KINDS", "Source", "Sources", "SourcesError", "cached_sources", "extract_credits", "load_sources"]
