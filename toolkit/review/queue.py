"""The review queue behind the widget: which row is on screen, and what each
decision writes to the corrections file.

:class:`ReviewQueue` is plain Python (no widgets), so the logic the widget
runs is tested without a browser: it steps through the rows of ``claims``
or ``quotes`` (optionally one outlet, only unreviewed rows, lowest
confidence first), and ``accept()`` / ``reject()`` / ``edit(...)`` append
lines to the corrections file at once (atomically, see
:func:`~toolkit.review.corrections.append_corrections`) and update the
rows it shows, so the analyst sees the decision without re-annotating.
Edits are validated exactly as :func:`~toolkit.review.corrections.apply_corrections`
will validate them; an invalid value is refused with the same message and
nothing is written.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from pathlib import Path

import pandas as pd

from toolkit.review.corrections import _catalogue, _edit_values, append_corrections, canonical_order
from toolkit.review.status import NOUNS

#: the fields the widget edits, per table: (field in the corrections file, label)
EDIT_FIELDS = {
    "claims": (("value", "value"), ("category", "category"), ("side", "side affected"), ("claimant", "claimant")),
    "quotes": (("speaker", "speaker"),),
}
ORDERS = ("reading order", "lowest confidence first")
ALL = "(all outlets)"


class ReviewQueue:
    """Step through one table's rows and record decisions.

    Args:
        corpus: an :class:`~toolkit.corpus.AnnotatedCorpus` (its rejected rows
            are shown too, marked, so a rejection can be taken back).
        table: ``"claims"`` or ``"quotes"``.
        path: the corrections file to write; default the one the corpus was
            annotated with (``meta["corrections_path"]``: beside the articles).
        reviewer: written on every line; default the login name.
    """

    def __init__(self, corpus, table: str = "claims", path: str | os.PathLike | None = None,
                 reviewer: str | None = None):
        if table not in EDIT_FIELDS:
            raise ValueError(f"table must be one of {', '.join(EDIT_FIELDS)}, not {table!r}")
        path = path or corpus.meta.get("corrections_path")
        if not path:
            raise ValueError("no corrections file known for this corpus: pass path=… (e.g. the articles' "
                             "folder / 'corrections.csv')")
        self.corpus, self.table, self.path = corpus, table, Path(path)
        self.reviewer = reviewer or _login()
        self.catalogue = _catalogue(corpus, None)
        self.rows = self._rows()
        self.texts = dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["text"].astype(str)))
        self.outlet, self.unreviewed_only, self.order = ALL, False, ORDERS[0]
        self.view: list[int] = []
        self.pos = 0
        self.refilter()

    # -- which rows ---------------------------------------------------------
    def _rows(self) -> pd.DataFrame:
        df = getattr(self.corpus, self.table).copy()
        df["review"] = df["review"].astype("string").fillna("none")
        rejected = self.corpus.rejected
        rejected = rejected[rejected["table"].astype("string") == self.table] if len(rejected) else rejected
        if len(rejected):
            back = pd.DataFrame([json.loads(r) for r in rejected["row"]]).drop(columns="_machine_position", errors="ignore")
            back["review"] = "rejected"
            df = canonical_order(self.table, pd.concat([df, back.reindex(columns=df.columns)], ignore_index=True),
                                 self.corpus.articles)  # in reading order among the others
        arts = self.corpus.articles[["article_id", "outlet", "title", "published"]].astype({"outlet": "string"})
        df = df.merge(arts, on="article_id", how="left")
        sents = self.corpus.sentences[["article_id", "sent_id", "start", "text"]].rename(
            columns={"start": "sent_start", "text": "sentence"})
        df = df.merge(sents, on=["article_id", "sent_id"], how="left")
        return df.reset_index(drop=True)

    def outlets(self) -> list[str]:
        return [ALL, *sorted(self.rows["outlet"].dropna().unique())]

    def refilter(self, outlet: str | None = None, unreviewed_only: bool | None = None, order: str | None = None) -> None:
        """Choose the rows to step through; the row on screen stays on screen when it still qualifies."""
        if outlet is not None:
            self.outlet = outlet
        if unreviewed_only is not None:
            self.unreviewed_only = unreviewed_only
        if order is not None:
            if order not in ORDERS:
                raise ValueError(f"order must be one of {ORDERS}")
            self.order = order
        keep = pd.Series(True, index=self.rows.index)
        if self.outlet != ALL:
            keep &= self.rows["outlet"] == self.outlet
        if self.unreviewed_only:
            keep &= self.rows["review"] == "none"
        rows = self.rows[keep.fillna(False)]
        if self.order == ORDERS[1] and "confidence" in rows:
            rows = rows.sort_values("confidence", kind="stable", na_position="first")
        current = self.current_index()
        self.view = list(rows.index)
        self.pos = self.view.index(current) if current in self.view else 0

    def current_index(self) -> int | None:
        return self.view[self.pos] if self.view and 0 <= self.pos < len(self.view) else None

    def current(self) -> dict | None:
        """The row on screen as plain values (None when the view is empty)."""
        i = self.current_index()
        if i is None:
            return None
        row = self.rows.loc[i]
        return {k: (None if not isinstance(v, (list, dict, str)) and pd.isna(v) else v) for k, v in row.items()}

    def move(self, step: int) -> None:
        if self.view:
            self.pos = max(0, min(len(self.view) - 1, self.pos + step))

    # -- decisions ------------------------------------------------------------
    def accept(self, note: str = "") -> str:
        return self._decide("accept", note)

    def reject(self, note: str = "") -> str:
        return self._decide("reject", note)

    def edit(self, note: str = "", **fields) -> str:
        """Write one ``edit`` line per field whose value differs from the row's;
        returns what happened. Raises ``ValueError`` (nothing written) when a
        value would be refused when the file is applied."""
        row = self.current()
        if row is None:
            return "nothing to edit"
        changes, updates = [], {}
        table_rows = self.rows
        for name, value in fields.items():
            value = "" if value is None else str(value).strip()
            if value == self.field_value(row, name):
                continue
            rec = {"table": self.table, "field": name, "value": value, "line": "(widget)"}
            typed = _edit_values(rec, table_rows, self.catalogue)
            if isinstance(typed, str):
                raise ValueError(typed.replace("line (widget): ", ""))
            changes.append(self._line(row, "edit", note, field=name, value=value))
            updates.update(typed)
        if not changes:
            return "no change"
        append_corrections(self.path, changes)
        i = self.current_index()
        for column, value in updates.items():
            self.rows[column] = self.rows[column].astype(object)
            self.rows.at[i, column] = value
        self.rows.at[i, "review"] = "edited" if self.rows.at[i, "review"] != "added" else "added"
        self.move(1)
        return f"edited {', '.join(fields_changed(changes))}"

    def _decide(self, action: str, note: str) -> str:
        row = self.current()
        if row is None:
            return "nothing to review"
        append_corrections(self.path, [self._line(row, action, note)])
        i = self.current_index()
        if action == "reject":
            self.rows.at[i, "review"] = "rejected"
        elif self.rows.at[i, "review"] in ("none", "rejected"):
            self.rows.at[i, "review"] = "accepted"
        self.move(1)
        return f"{action}ed" if action != "accept" else "accepted"

    def _line(self, row: dict, action: str, note: str, field: str = "", value: str = "") -> dict:
        return {"table": self.table, "row_id": row["row_id"], "action": action, "field": field, "value": value,
                "note": note, "reviewer": self.reviewer,
                "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "article_id": row["article_id"], "start": row["start"], "end": row["end"],
                "span": self.texts.get(row["article_id"], "")[int(row["start"]):int(row["end"])],
                "sentence": (row.get("sentence") or "").strip()}

    # -- what the widget shows ----------------------------------------------
    @staticmethod
    def field_value(row: dict, name: str) -> str:
        """A field as the analyst types it (the inverse of the edit parsing)."""
        if name == "value":
            low, high = row.get("value_low"), row.get("value_high")
            if low is None and high is None:
                return ""
            fmt = lambda v: f"{v:,.0f}".replace(",", "") if float(v).is_integer() else str(v)  # noqa: E731
            if low is None or high is None or low == high:
                return fmt(low if low is not None else high)
            return f"{fmt(low)}-{fmt(high)}"
        column = {"side": "side_affected"}.get(name, name)
        value = row.get(column)
        return "" if value is None else str(value)

    def options(self) -> dict[str, list[str]]:
        """Choices offered per field (typing another value is allowed where the file allows it)."""
        from toolkit.claims.lexicon import CATEGORIES

        sides = sorted({a.side for a in self.catalogue.actors.values()} | {"unknown", "both", "each side"})
        names = sorted({a.name for a in self.catalogue.actors.values()})
        return {"category": list(CATEGORIES), "side": sides, "claimant": names, "speaker": names}

    def status(self) -> str:
        from toolkit.review.status import REVIEWED

        review = self.rows["review"]
        reviewed = int(review.isin(REVIEWED).sum())
        rejected = int((review == "rejected").sum())
        text = (f"{reviewed} of {int((review != 'rejected').sum())} {NOUNS[self.table]} reviewed, "
                f"{int((review == 'edited').sum())} corrected")
        return text + (f", {rejected} rejected" if rejected else "")


def fields_changed(lines: list[dict]) -> list[str]:
    return [f"{line['field']} → {line['value'] or '(empty)'}" for line in lines]


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"
