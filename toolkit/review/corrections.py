"""The corrections file: the analyst's accept / reject / edit / add, kept beside the articles.

``corrections.csv`` sits in the source folder (``--corrections PATH`` or
``annotate(..., corrections=PATH)`` names another) and is plain CSV an
analyst can read, diff and share::

    table,row_id,action,field,value,note,reviewer,at,article_id,start,end,span,sentence
    claims,c-3f2a9b1c0d4e5f60,edit,value,12,"the ministry's later figure",ak,2025-06-20T10:02:11Z,000_305f…,896,902,dozens,"…"
    claims,c-91d0…,reject,,,"a 1944 toll, not this war",ak,2025-06-20T10:03:40Z,…
    quotes,q-77ab…,edit,speaker,Dmitry Peskov,,ak,…
    claims,,add,,,"missed: 'three civilians'",ak,…,003_585b…,1204,1219,

Columns
    ``table, row_id, action, field, value, note, reviewer, at`` are the
    record; ``article_id, start, end, span, sentence`` are optional context
    that the review widget fills in: an ``add`` needs ``article_id, start,
    end`` (the span in ``articles.text``); an orphan is reported with its
    ``sentence`` (the row it named is gone, so the file is the only place
    that still knows it); and ``sentence`` + ``span`` re-anchor a correction
    when the article's text changed *elsewhere*: if the sentence is still
    there verbatim and the span occurs once in it, the correction applies to
    the row on that span (status ``applied``, message "re-anchored to …").

Actions
    ``accept`` marks the row reviewed as right; ``reject`` takes it out of its
    table into ``corpus.rejected``; ``edit`` sets ``field`` to ``value``
    (any column of the table but the keys; ``value`` on claims sets
    ``value_low``/``value_high`` from ``"12"`` or ``"10-20"``, ``side`` is
    ``side_affected``; naming a catalogued actor in ``claimant``, ``speaker``
    or ``actor`` also sets its ``*_actor_id``; an empty value clears the
    field); ``add`` creates a row anchored to an article and a character span
    (its ``row_id`` is derived like the machine's, from the text, so an add
    on text that later changes is an orphan too) and may carry one
    ``field``/``value``, further ``edit`` lines on its ``row_id`` fill the rest.

Semantics (deterministic, and applying a file twice gives the same tables)
    Lines apply in file order. For one row and one field the last ``edit``
    wins; the row is rejected when its last ``accept``/``reject``/``edit``
    line is a ``reject``. Earlier lines that a later one overrides are
    ``superseded``. ``review`` becomes ``added``, ``edited`` or ``accepted``
    (in that precedence), ``none`` for rows no line names. Corrections are
    always applied to the machine's rows: applying to an already corrected
    corpus first restores the machine values it recorded.

Every line gets a ``status`` in ``corpus.corrections``: ``applied``,
``superseded``, ``orphan`` (the row no longer exists: its article's text
changed or the article is gone; reported with its sentence, never dropped) or
``invalid`` (with a message naming the line and the problem: an unknown table,
action or field, a value that is not a number / date / known category, a span
outside the text). A bad line never stops the run or the other lines.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit import schema
from toolkit.review.ids import ID_TABLES, row_id as make_row_id

FILE_NAME = "corrections.csv"
COLUMNS = ("table", "row_id", "action", "field", "value", "note", "reviewer", "at")
CONTEXT_COLUMNS = ("article_id", "start", "end", "span", "sentence")
ACTIONS = ("accept", "reject", "edit", "add")
REVIEW_VALUES = ("none", "accepted", "edited", "added")
#: columns a correction never edits: the row's identity and anchor (reject and add instead)
KEY_COLUMNS = {"article_id", "sent_id", "start", "end", "row_id", "review", "confidence"}
#: convenience field names -> the columns they set
FIELD_ALIASES = {
    "claims": {"value": ("value_low", "value_high"), "side": ("side_affected",)},
    "quotes": {},
    "mentions": {},
    "dates": {},
    "framing": {},
}
#: editing the name also sets the id, when the name is a catalogued actor
ACTOR_FIELDS = {("claims", "claimant"): "claimant_actor_id", ("quotes", "speaker"): "speaker_actor_id",
                ("mentions", "actor"): "actor_id"}
#: the column that holds a row's own text, filled from the span on ``add``
TEXT_COLUMN = {"mentions": "surface", "quotes": "text", "claims": "surface", "dates": "surface", "framing": "term"}
SIDE_COLUMNS = {("claims", "side_affected"), ("mentions", "side")}
ADDED = "added"  # the discriminator of an added row's id
POSITION = "_machine_position"  # where a rejected row stood in its machine table (restoring puts it back there)


class CorrectionsError(ValueError):
    """The corrections file cannot be read at all (not a line-level problem)."""


# -- reading and writing the file -------------------------------------------

def read_corrections(path: str | os.PathLike) -> pd.DataFrame:
    """The file's lines as strings, with their 1-based ``line`` in the file.

    Raises:
        CorrectionsError: unreadable file, not CSV, or a header without the
            record columns (the message names them).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: cannot read the corrections file ({exc})") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise CorrectionsError(f"{path}: not valid CSV ({exc})") from exc
    if not rows:
        return pd.DataFrame(columns=["line", *COLUMNS, *CONTEXT_COLUMNS], dtype="string")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CorrectionsError(f"{path}: line 1: the header lacks {', '.join(missing)} "
                               f"(expected {','.join(COLUMNS)}[,{','.join(CONTEXT_COLUMNS)}])")
    records = []
    # csv.reader counts physical lines, so a quoted sentence with a line break keeps later line numbers right
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        record = {"line": line}
        for i, name in enumerate(header):
            if name in (*COLUMNS, *CONTEXT_COLUMNS):
                record[name] = cells[i] if i < len(cells) else ""
        if len(cells) > len(header):
            record["_extra_cells"] = len(cells) - len(header)
        records.append(record)
    df = pd.DataFrame.from_records(records)
    for column in ("line", *COLUMNS, *CONTEXT_COLUMNS, "_extra_cells"):
        if column not in df.columns:
            df[column] = None
    return df


def append_corrections(path: str | os.PathLike, lines: list[dict]) -> Path:
    """Append lines to a corrections file atomically (the file is rewritten
    beside and renamed, so an interrupted write never leaves half a line).
    A new file gets the full header; a file with fewer columns (written by
    hand with the eight record columns) keeps its lines and its columns, and
    the missing context columns are added after them."""
    path = Path(path)
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    ours = [*COLUMNS, *CONTEXT_COLUMNS]
    header = next(csv.reader(io.StringIO(existing, newline="")), []) if existing.strip() else []
    names = [h.strip().lower() for h in header]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    if not names:
        names = ours
        writer.writerow(names)
    elif [n for n in ours if n not in names]:
        # widen the file: every old line keeps its cells, new columns go at the end
        names = names + [n for n in ours if n not in names]
        writer.writerow(names)
        rows = list(csv.reader(io.StringIO(existing, newline="")))[1:]
        writer.writerows(row + [""] * (len(names) - len(row)) if len(row) < len(names) else row for row in rows)
        existing = ""
    elif not existing.endswith("\n"):
        buffer.write("\n")
    for line in lines:
        writer.writerow(["" if line.get(c) is None or (not isinstance(line.get(c), str) and pd.isna(line.get(c)))
                         else str(line.get(c)) for c in names])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(existing + buffer.getvalue())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def default_path(source) -> Path | None:
    """Where the corrections file of a source lives: ``corrections.csv`` in
    the folder given (or beside the file given); for a loaded corpus, in the
    folder its articles were read from. None when there is no one folder."""
    from toolkit.corpus import Corpus

    if isinstance(source, Corpus):
        paths = [p for p in source.articles.get("path", pd.Series(dtype="string")).dropna().astype(str)]
        if not paths:
            return None
        try:
            folder = Path(os.path.commonpath([str(Path(p).resolve().parent) for p in paths]))
        except ValueError:
            return None
        return folder / FILE_NAME
    if isinstance(source, (str, os.PathLike)):
        source = Path(source)
        return (source if source.is_dir() else source.parent).resolve() / FILE_NAME
    sources = [Path(s) for s in source or ()]
    return default_path(sources[0]) if sources else None


# -- applying ----------------------------------------------------------------

@dataclass
class _Row:
    """What the lines say about one row."""

    table: str
    row_id: str
    edits: dict[str, tuple[int, dict]] = field(default_factory=dict)  # field -> (line index, {column: value})
    decision: tuple[int, str] | None = None  # (line index, accept/reject/edit)
    added: bool = False


def apply_corrections(corpus, corrections, *, catalogue=None):
    """Apply a corrections file to an :class:`~toolkit.corpus.AnnotatedCorpus`.

    Args:
        corpus: the annotated corpus (machine rows, or already corrected:
            its earlier corrections are undone first).
        corrections: path of the file, or a DataFrame as :func:`read_corrections`
            returns.
        catalogue: the actor catalogue (path or :class:`Catalogue`) for names
            in ``claimant``/``speaker``/``actor`` edits; default: the one the
            corpus was annotated with, else the shipped one.

    Returns:
        A new corpus with the edits in its tables, ``review`` set, rejected
        rows in ``corpus.rejected``, the file as applied (a status per line)
        in ``corpus.corrections`` and counts in ``meta["corrections"]``.
    """
    base = machine_state(corpus)
    path = None
    if isinstance(corrections, pd.DataFrame):
        lines = corrections.copy()
        if "line" not in lines.columns:
            lines.insert(0, "line", range(2, len(lines) + 2))  # as if read from a file with a header
        for column in (*COLUMNS, *CONTEXT_COLUMNS, "_extra_cells"):
            if column not in lines.columns:
                lines[column] = None
    else:
        path = Path(corrections)
        try:
            lines = read_corrections(path)
        except CorrectionsError as exc:
            out = _copy(base)
            out.corrections = schema.frame("corrections", [{"line": 1, "status": "invalid", "message": str(exc)}])
            out.meta = {**out.meta, "corrections": {"path": str(path), "error": str(exc), "lines": 0}}
            return out
    return _apply(base, lines, path=path, catalogue=_catalogue(corpus, catalogue))


def machine_state(corpus):
    """The corpus without any applied correction: edited fields get back the
    machine values recorded in ``corpus.corrections``, rejected rows return,
    added rows go, ``review`` is ``none`` everywhere."""
    out = _copy(corpus)
    tables = {}
    for name in ID_TABLES:
        df = getattr(out, name)
        df = df[df["review"].astype("string").fillna("none") != "added"].reset_index(drop=True)
        rejected = out.rejected[out.rejected["table"].astype("string") == name] if len(out.rejected) else []
        if len(rejected):
            restored = [json.loads(r) for r in rejected["row"]]
            positions = [r.pop(POSITION, None) for r in restored]
            df = _insert_at(df, schema.conform(name, pd.DataFrame(restored)), positions)
        tables[name] = df
    # then the edited fields (a rejected row was saved with its edits)
    applied = out.corrections
    if len(applied):
        applied = applied[(applied["status"].astype("string") == "applied") & applied["machine_value"].notna()]
        for rec in applied.itertuples(index=False):
            df = tables.get(rec.table)
            if df is None:
                continue
            at = df.index[df["row_id"].astype(str) == rec.row_id]
            for column, value in json.loads(rec.machine_value).items():
                if column in df.columns and len(at):
                    df[column] = df[column].astype(object)
                    df.loc[at, column] = value
    for name in ID_TABLES:
        tables[name] = schema.conform(name, tables[name].assign(review="none"))
    for name, df in tables.items():
        setattr(out, name, df)
    out.rejected = schema.frame("rejected")
    out.corrections = schema.frame("corrections")
    out.meta = {k: v for k, v in out.meta.items() if k != "corrections"}
    return out


def canonical_order(name: str, df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows in reading order (article order, sentence, start), as
    ``annotate()`` orders them; a stable sort, so machine rows keep their
    order and an added row goes after the rows it ties with."""
    if df.empty:
        return df.reset_index(drop=True)
    rank = {aid: i for i, aid in enumerate(articles["article_id"].astype(str))}
    order = df.assign(_rank=df["article_id"].astype(str).map(rank).fillna(len(rank)))
    order = order.sort_values(["_rank", "sent_id", "start"], kind="stable", na_position="last")
    return order.drop(columns="_rank").reset_index(drop=True)


def _insert_at(kept: pd.DataFrame, restored: pd.DataFrame, positions: list) -> pd.DataFrame:
    """``kept`` (machine rows in machine order) with the ``restored`` rows put
    back at the positions they had in the machine table."""
    n = len(kept) + len(restored)
    taken = [p for p in positions if isinstance(p, int) and 0 <= p < n]
    if len(set(taken)) != len(restored):  # positions lost (a hand-edited file): reading order instead
        return pd.concat([kept, restored], ignore_index=True)
    free = [i for i in range(n) if i not in set(taken)]
    both = pd.concat([kept.assign(_at=free), restored.assign(_at=taken)], ignore_index=True)
    return both.sort_values("_at", kind="stable").drop(columns="_at").reset_index(drop=True)


def _apply(base, lines: pd.DataFrame, *, path, catalogue):
    out = _copy(base)
    tables = {name: getattr(out, name).copy() for name in ID_TABLES}
    machine_positions = {name: {rid: i for i, rid in enumerate(df["row_id"].astype(str))} for name, df in tables.items()}
    articles = out.articles.set_index(out.articles["article_id"].astype(str))
    status: list[dict] = []
    rows: dict[tuple[str, str], _Row] = {}

    def note(i, st, message="", **extra):
        status.append({"i": i, "status": st, "message": message, **extra})

    records = lines.to_dict("records")
    for i, rec in enumerate(records):
        for key, value in rec.items():
            if key != "line" and (value is None or (not isinstance(value, str) and pd.isna(value))):
                rec[key] = ""
            elif key not in ("line", "_extra_cells"):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)  # offsets from a DataFrame with gaps arrive as floats
                rec[key] = str(value).strip() if key != "value" else str(value)
    # pass 1: checks that need no row, and the adds (an edit may name an added row)
    pending = []
    moved_ids: dict[tuple[str, str], str] = {}  # (table, id in the file) -> id of the same row in this text
    texts = out.articles.set_index(out.articles["article_id"].astype(str))["text"]
    for i, rec in enumerate(records):
        problem = _static_problem(rec)
        if problem:
            note(i, "invalid", problem)
            continue
        if rec["action"].lower() == "add":
            added = _add_row(rec, tables, articles, out.sentences)
            if isinstance(added, str):
                kind, _, message = added.partition(":")
                note(i, kind, message.strip())
                continue
            rid = added["row_id"]
            if rec["row_id"] and rec["row_id"] != rid:
                moved_ids[(rec["table"], rec["row_id"])] = rid
            rec["row_id"] = rid
            key = (rec["table"], rid)
            if key in rows and rows[key].added:
                note(i, "superseded", "the same span was added again further up")  # keep the first row
                continue
            df = tables[rec["table"]]
            if (df["row_id"] == rid).any():
                note(i, "invalid", f"row {rid} already exists: edit it instead of adding it")
                continue
            tables[rec["table"]] = pd.concat([df, schema.conform(rec["table"], pd.DataFrame([added]))], ignore_index=True)
            rows[key] = _Row(rec["table"], rid, added=True)
            note(i, "applied")
            if rec["field"]:
                pending.append((i, {**rec, "action": "edit"}))
            continue
        pending.append((i, rec))
    # pass 2: accept / reject / edit, in file order
    index = {name: pd.Index(df["row_id"].astype(str)) for name, df in tables.items()}
    for i, rec in pending:
        table, rid, action = rec["table"], rec["row_id"], rec["action"].lower()
        reanchored = ""
        if rid not in index[table] and (table, rid) not in moved_ids:
            found = _reanchor(rec, tables[table], texts)
            if isinstance(found, str) and found.startswith(PREFIXES):
                moved_ids[(table, rid)] = found
            elif found:
                note(i, "orphan", found)
                continue
        if (table, rid) in moved_ids:
            rid = rec["row_id"] = moved_ids[(table, rid)]
            reanchored = (f"re-anchored to {rid}: the article's text changed, this sentence and span did not")
        if rid not in index[table]:
            note(i, "orphan", _orphan_reason(rec, articles))
            continue
        row = rows.setdefault((table, rid), _Row(table, rid))
        if action == "edit":
            values = _edit_values(rec, tables[table], catalogue)
            if isinstance(values, str):
                note(i, "invalid", values)
                continue
            name = rec["field"].lower()
            if name in row.edits:
                _supersede(status, row.edits[name][0], f"line {rec['line']} edits {name} again")
            row.edits[name] = (i, values)
        if action in ("accept", "reject", "edit"):
            if row.decision is not None and row.decision[1] != "edit":
                _supersede(status, row.decision[0], f"line {rec['line']} decides again")
            row.decision = (i, action)
        note(i, "applied", reanchored)
    # apply
    rejected, machine = [], {}
    for (table, rid), row in rows.items():
        df = tables[table]
        at = df.index[df["row_id"].astype(str) == rid]
        if not len(at):
            continue
        for name, (i, values) in row.edits.items():
            if _status_of(status, i) != "applied":
                continue
            machine[i] = {c: _jsonable(df.at[at[0], c]) for c in values}
            for column, value in values.items():
                df[column] = df[column].astype(object)
                df.loc[at, column] = value
        review = "added" if row.added else "edited" if any(
            _status_of(status, i) == "applied" for i, _ in row.edits.values()) else "accepted" if row.decision else "none"
        df["review"] = df["review"].astype(object)
        df.loc[at, "review"] = review
        if row.decision is not None and row.decision[1] == "reject":
            rejected.append((table, rid, row.decision[0]))
    for table in tables:
        tables[table] = schema.conform(table, tables[table])
    rejected_rows = []
    for table, rid, i in rejected:
        df = tables[table]
        hit = df[df["row_id"].astype(str) == rid]
        rec = records[i]
        full = {k: _jsonable(v) for k, v in hit.iloc[0].to_dict().items()}
        full[POSITION] = machine_positions[table].get(rid)
        full["review"] = "none" if full.get("review") in ("accepted", "edited") else full.get("review")
        rejected_rows.append({
            "table": table, "row_id": rid, **{k: full.get(k) for k in schema.TEXT_KEYS},
            "text": full.get(TEXT_COLUMN[table]), "note": rec["note"] or None, "reviewer": rec["reviewer"] or None,
            "at": rec["at"] or None, "row": json.dumps(full, ensure_ascii=False, default=str),
        })
        tables[table] = df[df["row_id"].astype(str) != rid]
    for name, df in tables.items():
        setattr(out, name, canonical_order(name, schema.conform(name, df), out.articles))
    out.rejected = schema.frame("rejected", rejected_rows)
    out.corrections = _status_frame(records, status, machine, out)
    counts = out.corrections["status"].astype("string").value_counts().to_dict()
    out.meta = {**out.meta, "corrections": {"path": str(path) if path else None, "lines": len(records),
                                            **{k: int(v) for k, v in counts.items()}}}
    return out


def _static_problem(rec: dict) -> str:
    line = rec["line"]
    if rec.get("_extra_cells"):
        return f"line {line}: {int(rec['_extra_cells'])} more cells than the header has columns (an unquoted comma?)"
    table, action = rec["table"], rec["action"].lower()
    if table not in ID_TABLES:
        return f"line {line}: unknown table {table!r} (one of {', '.join(ID_TABLES)})"
    if action not in ACTIONS:
        return f"line {line}: unknown action {rec['action']!r} (one of {', '.join(ACTIONS)})"
    if action != "add" and not rec["row_id"]:
        return f"line {line}: {action} needs a row_id"
    if action == "edit" and not rec["field"]:
        return f"line {line}: edit needs a field"
    if rec["field"]:
        name = rec["field"].lower()
        editable = _editable(table)
        if name not in editable:
            close = difflib.get_close_matches(name, editable, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (editable: {', '.join(sorted(editable))})"
            return f"line {line}: {table} has no editable field {rec['field']!r}{hint}"
    return ""


def _editable(table: str) -> list[str]:
    columns = [c for c in schema.SCHEMAS[table] if c not in KEY_COLUMNS]
    return [*columns, *FIELD_ALIASES[table]]


def _edit_values(rec: dict, df: pd.DataFrame, catalogue) -> dict | str:
    """``{column: typed value}`` for an edit line, or the problem as a message."""
    table, name, raw, line = rec["table"], rec["field"].lower(), rec["value"].strip(), rec["line"]
    if table == "claims" and name == "value":
        if not raw:
            return {"value_low": None, "value_high": None}
        parts = re.split(r"\s*(?:-|–|—|to)\s*(?=\d)", raw, maxsplit=1)
        values = [_number(p) for p in parts]
        if any(v is None for v in values):
            return f"line {line}: value {raw!r} is not a number or a range such as 10-20"
        low, high = values[0], values[-1]
        if low > high:
            return f"line {line}: value {raw!r}: the low end is above the high end"
        return {"value_low": low, "value_high": high}
    columns = FIELD_ALIASES[table].get(name, (name,))
    out = {}
    for column in columns:
        value = _typed(table, column, raw, df, line, catalogue)
        if isinstance(value, Problem):
            return value.message
        out[column] = value
    id_column = ACTOR_FIELDS.get((table, name))
    if id_column and raw:
        out[id_column] = _actor_id(raw, catalogue, df, name, id_column)
        if table == "mentions" and out[id_column] in catalogue.actors:
            actor = catalogue.actors[out[id_column]]
            out.update({"kind": actor.kind, "side": actor.side})
    elif id_column:
        out[id_column] = None
    return out


@dataclass
class Problem:
    message: str


def _typed(table: str, column: str, raw: str, df: pd.DataFrame, line: int, catalogue=None):
    dtype = schema.SCHEMAS[table][column]
    if raw == "":
        return None
    if dtype in (schema.FLOAT, schema.INT):
        value = _number(raw)
        if value is None:
            return Problem(f"line {line}: {column} must be a number, not {raw!r}")
        if dtype == schema.INT:
            if value != int(value):
                return Problem(f"line {line}: {column} must be a whole number, not {raw!r}")
            value = int(value)
        return value
    if dtype == schema.BOOL:
        lowered = raw.lower()
        if lowered in ("true", "yes", "1", "y"):
            return True
        if lowered in ("false", "no", "0", "n"):
            return False
        return Problem(f"line {line}: {column} must be true or false, not {raw!r}")
    if dtype == schema.DATE:
        try:
            return pd.Timestamp(raw).normalize() if len(raw) <= 10 else pd.Timestamp(raw)
        except (ValueError, TypeError):
            return Problem(f"line {line}: {column} must be a date such as 2025-06-17, not {raw!r}")
    known = _known_values(table, column, df, catalogue)
    if known is not None and raw not in known:
        close = difflib.get_close_matches(raw, sorted(known), n=3)
        hint = f"did you mean {' / '.join(repr(c) for c in close)}?" if close else f"one of {', '.join(sorted(known)[:20])}"
        return Problem(f"line {line}: {raw!r} is not a known {table}.{column} ({hint})")
    return raw


def _known_values(table: str, column: str, df: pd.DataFrame, catalogue=None) -> set[str] | None:
    """The values an edited category may take: the toolkit's vocabulary for
    the column plus what the table already holds; None = free text."""
    vocab = set()
    if (table, column) in SIDE_COLUMNS:
        if catalogue is None:
            from toolkit.actors.catalogue import load_catalogue

            catalogue = load_catalogue(None)
        vocab |= {a.side for a in catalogue.actors.values()} | {"unknown", "both", "each side"}
    elif schema.SCHEMAS[table][column] != schema.CAT:
        return None
    elif (table, column) == ("claims", "category"):
        from toolkit.claims.lexicon import CATEGORIES

        vocab |= set(CATEGORIES)
    elif (table, column) in (("claims", "qualifier"), ("claims", "stated_qualifier")):
        from toolkit.claims.numbers import MODIFIERS

        vocab |= set(MODIFIERS.values()) | {"exact", "vague", "range"}
    elif (table, column) == ("claims", "scope"):
        vocab |= {"incident", "cumulative"}
    elif (table, column) == ("mentions", "kind"):
        from toolkit.actors.catalogue import KINDS

        vocab |= set(KINDS)
    elif (table, column) == ("mentions", "via"):
        vocab |= {"model", "catalogue", "epithet", "surname", "pronoun", "analyst"}
    if column in df.columns:
        vocab |= set(df[column].dropna().astype(str))
    return vocab


def _number(text: str) -> float | None:
    from toolkit.claims.numbers import parse_number

    try:
        return float(text.replace("_", "")) if re.fullmatch(r"-?\d+(\.\d+)?", text.replace("_", "")) else parse_number(text)
    except (ValueError, OverflowError):
        return None


def _actor_id(name: str, catalogue, df: pd.DataFrame, field_name: str, id_column: str) -> str:
    """The id for a name typed by the analyst: the catalogued actor it names,
    an id the table already pairs with that name, else one derived from it
    (as the extractors derive ids of uncatalogued people)."""
    from toolkit.actors.names import actor_slug

    hit = catalogue.by_alias.get(name.lower())
    if hit:
        return hit
    if field_name in df.columns and id_column in df.columns:
        same = df.loc[df[field_name].astype("string") == name, id_column].dropna()
        if len(same):
            return str(same.iloc[0])
    return actor_slug(name, "per:")


def _add_row(rec: dict, tables, articles: pd.DataFrame, sentences: pd.DataFrame) -> dict | str:
    """The row an ``add`` line creates, or ``"invalid: …"`` / ``"orphan: …"``."""
    line, table, aid = rec["line"], rec["table"], rec["article_id"]
    if not aid or not rec["start"] or not rec["end"]:
        return f"invalid: line {line}: add needs article_id, start and end (the span in articles.text)"
    try:
        start, end = int(rec["start"]), int(rec["end"])
    except ValueError:
        return f"invalid: line {line}: start and end must be character offsets, not {rec['start']!r}, {rec['end']!r}"
    if aid not in articles.index:
        return f"orphan: line {line}: article {aid!r} is not in the corpus"
    text = str(articles.at[aid, "text"])
    if not 0 <= start < end <= len(text):
        return f"invalid: line {line}: span {start}-{end} lies outside the article's {len(text)} characters"
    rid = make_row_id(str(articles.at[aid, "content_hash"]), table, start, end, ADDED)
    if rec["row_id"] and rec["row_id"] != rid:
        moved = relocate(rec, text)
        if moved is None:
            return f"orphan: line {line}: the article's text changed since the row was added"
        start, end = moved
        rid = make_row_id(str(articles.at[aid, "content_hash"]), table, start, end, ADDED)
    sents = sentences[(sentences["article_id"] == aid) & (sentences["start"] <= start) & (sentences["end"] > start)]
    row = {"article_id": aid, "sent_id": int(sents["sent_id"].iloc[0]) if len(sents) else None,
           "start": start, "end": end, "row_id": rid, "review": "added", TEXT_COLUMN[table]: text[start:end]}
    if table == "claims":
        outlet = str(articles.at[aid, "outlet"])
        value = _number(text[start:end].split(" ")[0])
        row.update({"value_low": value, "value_high": value, "qualifier": "exact" if value is not None else None,
                    "claimant": outlet, "claimant_actor_id": f"outlet:{outlet}"})
        quotes = tables["quotes"]
        inside = quotes[(quotes["article_id"] == aid) & (quotes["start"] <= start) & (quotes["end"] >= end)]
        row["in_quote"] = bool(len(inside))
    elif table == "mentions":
        row["via"] = "analyst"
    return row


PREFIXES = tuple(f"{p}-" for p in ("m", "q", "c", "d", "f"))


def relocate(rec: dict, text: str) -> tuple[int, int] | None:
    """Where a correction's span is in an article's new text: its ``sentence``
    (from the file) found verbatim (the occurrence nearest the old offset), and
    its ``span`` found exactly once inside that sentence. None when the
    sentence changed, or the span is not unique in it."""
    sentence, span = (rec.get("sentence") or "").strip(), rec.get("span") or ""
    if not sentence or not span:
        return None
    hits = [m.start() for m in re.finditer(re.escape(sentence), text)]
    try:
        old = int(rec.get("start"))
    except (TypeError, ValueError):
        old = None
    if not hits or (len(hits) > 1 and old is None):
        return None
    at = min(hits, key=lambda h: abs(h - old)) if old is not None else hits[0]
    inner = [m.start() for m in re.finditer(re.escape(span), sentence)]
    if len(inner) != 1:
        return None
    start = at + inner[0]
    return start, start + len(span)


def _reanchor(rec: dict, df: pd.DataFrame, texts: pd.Series) -> str:
    """The id of the row a correction names, in a changed text (see
    :func:`relocate`), or why not ("" when there is nothing to go on)."""
    aid = rec.get("article_id")
    if not aid or aid not in texts.index or not rec.get("sentence") or not rec.get("span"):
        return ""
    where = relocate(rec, str(texts[aid]))
    if where is None:
        return ""
    hit = df[(df["article_id"] == aid) & (df["start"] == where[0]) & (df["end"] == where[1])]
    if len(hit) > 1:
        return (f"no such row: the article's text changed; its sentence is still there but {len(hit)} rows "
                f"stand on the span, so which one is meant cannot be told")
    return str(hit["row_id"].iloc[0]) if len(hit) else ""


def _orphan_reason(rec: dict, articles: pd.DataFrame) -> str:
    aid = rec.get("article_id")
    if aid and aid in articles.index:
        return "no such row: the article's text changed since the correction"
    if aid:
        return f"no such row: article {aid!r} is not in the corpus"
    return "no such row (the file gives no article_id, so the cause cannot be told)"


def _supersede(status: list[dict], i: int, message: str) -> None:
    for entry in status:
        if entry["i"] == i and entry["status"] == "applied":
            entry["status"], entry["message"] = "superseded", message


def _status_of(status: list[dict], i: int) -> str | None:
    for entry in status:
        if entry["i"] == i:
            return entry["status"]
    return None


def _status_frame(records, status, machine, corpus) -> pd.DataFrame:
    by_i = {entry["i"]: entry for entry in status}
    sentences = corpus.sentences.set_index(["article_id", "sent_id"])["text"]
    located = {}
    for name in ID_TABLES:
        df = getattr(corpus, name)
        for rid, aid, sid, s, e in zip(df["row_id"], df["article_id"], df["sent_id"], df["start"], df["end"]):
            located[(name, rid)] = (aid, sid, s, e)
    for r in corpus.rejected.itertuples(index=False):
        located[(r.table, r.row_id)] = (r.article_id, r.sent_id, r.start, r.end)
    rows = []
    for i, rec in enumerate(records):
        entry = by_i.get(i, {"status": "invalid", "message": "not applied"})
        row = {k: rec.get(k) or None for k in (*COLUMNS, *CONTEXT_COLUMNS)}
        row.update({"line": rec["line"], "status": entry["status"], "message": entry["message"] or None,
                    "machine_value": json.dumps(machine[i], default=str) if i in machine else None})
        where = located.get((rec["table"], rec["row_id"]))
        if where is not None:
            aid, sid, s, e = where
            row.update({"article_id": aid, "start": s, "end": e})
            if not pd.isna(sid) and (aid, sid) in sentences.index:
                row["sentence"] = sentences.loc[(aid, sid)]
        rows.append(row)
    return schema.frame("corrections", rows)


def _copy(corpus):
    from dataclasses import replace

    return replace(corpus, meta=dict(corpus.meta))


def _catalogue(corpus, catalogue):
    from toolkit.actors.catalogue import Catalogue, load_catalogue

    if isinstance(catalogue, Catalogue):
        return catalogue
    return load_catalogue(catalogue if catalogue is not None else corpus.meta.get("catalogue_path"))


def _jsonable(value):
    if value is None or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value
