"""The review widget for JupyterLab: step through claims or quotes, decide with the keyboard.

```python
from toolkit.review import widget
widget.review(corpus, "claims")     # or "quotes"; writes the corrections file as you go
```

One card shows the row: outlet, date, title, the sentence with the row's
span highlighted (article text is set as text, never as markup), its
``review`` status, its confidence and the evidence behind it, and the fields
to edit (claims: value, category, side affected, claimant; quotes: speaker),
with the catalogue's names and sides offered as you type. Above it: filter
by outlet, only unreviewed rows, lowest confidence first.

Keys (with the card focused; click it once): ``a`` accept, ``r`` reject,
``e`` edit (focus the first field), ``Enter`` save the edit, ``Esc`` leave the
field, ``j``/``→`` next, ``k``/``←`` previous. Every decision appends a
line to the corrections file at once (atomic rewrite), so closing the
notebook loses nothing; ``python -m toolkit annotate`` applies the file on
the next run. The card is an anywidget (its ES module is
``toolkit/review/widget.js``), because plain ipywidgets cannot listen to keys.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as W
import traitlets

from toolkit.review.confidence import explain
from toolkit.review.queue import ALL, EDIT_FIELDS, ORDERS, ReviewQueue

CSS = """
.nf-review { font: 14px/1.45 system-ui, sans-serif; border: 1px solid #ccc; border-radius: 6px; padding: 12px 16px;
             max-width: 980px; outline: none; }
.nf-review:focus { border-color: #1f6feb; box-shadow: 0 0 0 2px #1f6feb33; }
.nf-review-head { display: flex; justify-content: space-between; color: #444; margin-bottom: 6px; }
.nf-review-source { color: #555; font-size: 13px; }
.nf-review-sentence { font-size: 16px; margin: 8px 0; }
.nf-review-sentence mark { background: #ffe58f; padding: 0 2px; }
.nf-review-meta span { margin-right: 12px; font-size: 12px; color: #555; }
.nf-review-badge { padding: 1px 6px; border-radius: 8px; background: #eee; }
.nf-review-accepted { background: #d3f9d8 !important; } .nf-review-edited { background: #d0ebff !important; }
.nf-review-rejected { background: #ffe3e3 !important; } .nf-review-added { background: #e5dbff !important; }
.nf-review-evidence { margin: 4px 0 8px 18px; padding: 0; font-size: 12px; color: #666; }
.nf-review-fields { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
.nf-review-field { display: flex; flex-direction: column; font-size: 12px; color: #444; }
.nf-review-field input { font-size: 14px; padding: 3px 6px; min-width: 150px; }
.nf-review-buttons button { margin-right: 6px; }
.nf-review-message { min-height: 1.4em; color: #1f6feb; font-size: 13px; }
.nf-review-keys { color: #888; font-size: 11px; }
"""


class ReviewCard(anywidget.AnyWidget):
    """The keyboard-driven card (see the module docstring)."""

    _esm = Path(__file__).with_name("widget.js")
    _css = CSS
    row = traitlets.Dict().tag(sync=True)
    fields = traitlets.List().tag(sync=True)
    options = traitlets.Dict().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)


class ReviewWidget(W.VBox):
    """Filters plus the card, over a :class:`~toolkit.review.queue.ReviewQueue`."""

    def __init__(self, corpus, table: str = "claims", path=None, reviewer: str | None = None):
        self.queue = ReviewQueue(corpus, table, path=path, reviewer=reviewer)
        self.card = ReviewCard(fields=[list(f) for f in EDIT_FIELDS[table]], options=self.queue.options())
        self.outlet = W.Dropdown(options=self.queue.outlets(), value=ALL, description="Outlet")
        self.unreviewed = W.Checkbox(value=False, description="only unreviewed", indent=False)
        self.order = W.Dropdown(options=list(ORDERS), value=ORDERS[0], description="Order")
        self.file = W.HTML()
        for control in (self.outlet, self.unreviewed, self.order):
            control.observe(self._refilter, names="value")
        self.card.on_msg(self._on_message)
        super().__init__([W.HBox([self.outlet, self.unreviewed, self.order]), self.card, self.file])
        self.add_class("newsframe-review")
        self._draw("")

    def _refilter(self, _change=None) -> None:
        self.queue.refilter(outlet=self.outlet.value, unreviewed_only=self.unreviewed.value, order=self.order.value)
        self._draw("")

    def _on_message(self, _widget, content, _buffers) -> None:
        action = content.get("action")
        try:
            if action == "accept":
                message = self.queue.accept()
            elif action == "reject":
                message = self.queue.reject()
            elif action == "edit":
                message = self.queue.edit(**(content.get("fields") or {}))
            elif action in ("next", "prev"):
                self.queue.move(1 if action == "next" else -1)
                message = ""
            else:
                message = f"unknown action {action!r}"
        except (ValueError, OSError) as exc:  # a refused value or an unwritable file: say so, keep the row
            message = f"not saved: {exc}"
        self._draw(message)

    def _draw(self, message: str) -> None:
        import html

        q = self.queue
        row = q.current()
        if row is None:
            payload = {}
        else:
            sentence = row.get("sentence") or ""
            offset = int(row["sent_start"]) if row.get("sent_start") is not None else 0
            a, b = max(0, int(row["start"]) - offset), max(0, int(row["end"]) - offset)
            published = row.get("published")
            payload = {
                "row_id": row["row_id"], "article_id": row["article_id"], "outlet": row.get("outlet"),
                "title": row.get("title"), "published": str(published)[:10] if published is not None else None,
                "before": sentence[:a], "span": sentence[a:b], "after": sentence[b:],
                "review": row.get("review") or "none",
                "confidence": None if row.get("confidence") is None else round(float(row["confidence"]), 2),
                "evidence": [f"{w:+.1f} {meaning}" for _, w, meaning in explain(q.table, row)],
                "fields": {name: q.field_value(row, name) for name, _ in EDIT_FIELDS[q.table]},
                "position": q.pos + 1, "total": len(q.view),
            }
        with self.card.hold_sync():
            self.card.status = q.status()
            self.card.message = message
            self.card.row = payload
        self.file.value = f"<small>corrections file: <code>{html.escape(str(q.path))}</code></small>"


def review(corpus, table: str = "claims", path=None, reviewer: str | None = None) -> ReviewWidget:
    """The review widget for ``table`` (``"claims"`` or ``"quotes"``) of ``corpus``."""
    return ReviewWidget(corpus, table, path=path, reviewer=reviewer)
