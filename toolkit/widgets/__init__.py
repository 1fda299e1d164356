"""Widget explorers (ipywidgets 8) linked to a chart, a table and a sentence
viewer. ``Explorer(corpus, table)`` or the shortcuts below, in a notebook cell."""

from toolkit.widgets.explorer import (ANY, VIEWS, Explorer, actor_explorer, claims_explorer, dates_explorer,
                                      framing_explorer, highlight, prepare, quotes_explorer)

__all__ = ["ANY", "VIEWS", "Explorer", "actor_explorer", "claims_explorer", "dates_explorer", "framing_explorer",
           "highlight", "prepare", "quotes_explorer"]
