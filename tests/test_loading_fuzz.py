"""Property-based fuzzing of toolkit.load: random bytes, encodings, file names
and formats never raise, and every input is accounted for in the load report."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.loading import OffsetMap, load

REAL_LINES = [
    "Russian President Vladimir Putin expressed readiness for discussions with U.S. President-elect Donald Trump.",
    "“If we ever have a meeting with President-elect Trump, I am sure we’ll have a lot to talk about,” Putin said.",
    "Kursk conundrum",
    "JOIN US ON TELEGRAM",
    "Follow our coverage of the war on the @Kyivpost_official.",
    "date 2025-06-27 Skip to content",
    "by Dmytro Basmat June 27, 2025 10:57 PM 2 min read",
    "PostImage",
    "“Unbalanced quote with no end",
    "",
]
EXTENSIONS = [".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".htm", ".bin", ".TXT", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]

names = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters="_-. ",
                                       max_codepoint=0x2FF), min_size=1, max_size=12)

text_bodies = st.lists(st.sampled_from(REAL_LINES), max_size=8).map("\n".join)
random_text = st.text(max_size=300)


@st.composite
def file_contents(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "text", "real", "json", "jsonl", "csv"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    encoding = draw(st.sampled_from(ENCODINGS))
    if kind == "text":
        body = draw(random_text)
    elif kind == "real":
        body = draw(text_bodies)
    elif kind == "json":
        body = json.dumps(draw(st.one_of(
            st.fixed_dictionaries({"text": text_bodies, "title": random_text}),
            st.lists(st.fixed_dictionaries({"body": st.one_of(text_bodies, st.none())}), max_size=4),
            st.integers())))
    elif kind == "jsonl":
        rows = draw(st.lists(st.one_of(st.fixed_dictionaries({"text": text_bodies}).map(json.dumps), random_text),
                             max_size=4))
        body = "\n".join(rows)
    else:
        rows = draw(st.lists(st.lists(st.one_of(text_bodies, random_text), min_size=1, max_size=4), max_size=4))
        body = "published,headlines,articles\n" + "\n".join(",".join(f'"{c}"' if draw(st.booleans()) else c
                                                                      for c in row) for row in rows)
    return body.encode(encoding, errors="replace")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, st.sampled_from(EXTENSIONS), file_contents()), min_size=1, max_size=6, unique_by=lambda t: (t[0] + t[1]).casefold()))
def test_every_input_is_accounted_for(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        written = set()
        for stem, ext, data in files:
            path = root / f"{stem}{ext}"
            if path.exists() or stem in {".", ".."}:
                continue
            path.write_bytes(data)
            written.add(path.name)
        corpus = load(root, max_bytes=300)
        report = corpus.load_report
        reported_files = {Path(p).name for p in report["path"]}
        assert reported_files == written  # one row or more per file, none for files that do not exist
        assert set(report["status"].astype(str)) <= {"loaded", "skipped", "duplicate"}
        loaded = report[report["status"].astype(str) == "loaded"]
        assert sorted(loaded["article_id"]) == sorted(corpus.articles["article_id"])
        assert corpus.articles["article_id"].is_unique
        assert report.loc[report["status"].astype(str) != "loaded", "reason"].notna().all()
        for row in corpus.articles.itertuples():
            assert row.text.strip() and row.n_words == len(row.text.split())
            offsets = OffsetMap.from_json(row.offset_map)
            for i, ch in enumerate(row.text):
                if not ch.isspace():
                    assert row.raw_text[offsets.to_raw(i)] == ch


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["a.txt", "b.json", "c.csv", "d.txt"])), max_size=8),
       st.lists(st.sampled_from(["a.txt", "gone.txt", "b.json", "x/y.txt"]), max_size=4, unique=True))
def test_rows_and_sidecar_rows_are_all_reported(layout, sidecar_files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for depth, name in layout:
            folder = root.joinpath(*[f"d{k}" for k in range(depth)])
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(REAL_LINES[0] + f" ({depth})", encoding="utf-8")
        if sidecar_files:
            (root / "metadata.csv").write_text("file,outlet\n" + "\n".join(f"{f},Kyiv Post" for f in sidecar_files))
        corpus = load(root)
        report = corpus.load_report
        on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        reported = {Path(p).relative_to(root).as_posix() for p in report["path"]}
        missing_named = {f for f in sidecar_files if not (root / f).exists()}
        assert reported == on_disk | missing_named
        assert corpus.articles["article_id"].is_unique


# -- structure and file names (issue 14) -----------------------------------------

FIELD_KEYS = ["text", "Text", "body", "title", "headline", "published", "date", "outlet", "source", "url",
              "articles", "data", "items", "x"]
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.sampled_from(REAL_LINES), st.text(max_size=40),
                         st.sampled_from(["A line\u2028with a separator", "para\u2029graph", "next\x85line"]))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELD_KEYS), inner, max_size=4)), max_leaves=25)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values, st.integers(0, 1200))
def test_any_json_structure_is_read_or_reported(value, depth):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "a.json").write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        (root / "deep.json").write_text("[" * depth + json.dumps(value) + "]" * depth, encoding="utf-8")
        corpus = load(root, outlet="x")
        report = corpus.load_report
        assert {Path(p).name for p in report["path"]} == {"a.json", "deep.json"}
        assert report.loc[report["status"].astype(str) != "loaded", "reason"].notna().all()
        assert corpus.articles["article_id"].is_unique


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
                          st.fixed_dictionaries({"text": st.sampled_from(REAL_LINES[:3] + [
                              "Peskov said\u2028talks would go on.", "Kyiv\u2029was shelled overnight."])}).map(
                              lambda v: json.dumps(v, ensure_ascii=False)),
                          st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)),
                min_size=1, max_size=8),
       st.sampled_from(["\n", "\r\n"]))
def test_every_jsonl_line_is_one_report_row(lines, newline):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "feed.jsonl").write_text(newline.join(lines) + newline, encoding="utf-8", newline="")
        corpus = load(root, outlet="x", keep_duplicates=True)
        report = corpus.load_report
        non_blank = [i for i, line in enumerate(lines) if line.strip()]
        rows = report[report["article_id"].astype(str).str.startswith("feed:")]
        # exactly one row per non-blank line, numbered by the line (U+2028/2029/0085 never split a record)
        if report["article_id"].astype(str).eq("feed").any():  # the file as a whole: empty, or no JSON lines
            assert len(report) == 1 and not rows.shape[0]
        else:
            assert sorted(int(a.split(":")[1]) for a in rows["article_id"]) == non_blank


csv_cells = st.one_of(st.sampled_from(REAL_LINES), st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                                                           max_size=30),
                      st.sampled_from(['a "quoted" cell', "a, comma", "two\nlines", "nul\x00byte", ""]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["text", "Text", "title", "published", "outlet", "text", "other", ""]),
                min_size=1, max_size=5),
       st.lists(st.lists(csv_cells, max_size=6), max_size=6))
def test_any_csv_structure_is_read_or_reported(header, rows):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "table.csv").write_text(buffer.getvalue(), encoding="utf-8")
        corpus = load(root, outlet="x", keep_duplicates=True)
        report = corpus.load_report
        assert len(report) >= 1 and report.loc[report["status"].astype(str) != "loaded", "reason"].notna().all()
        assert corpus.articles["article_id"].is_unique
        rows_read = report[report["article_id"].astype(str).str.startswith("table:")]
        if len({h.casefold() for h in header}) < len(header) and len(rows_read):
            # a repeated column is never silent: every row read from the file says so
            assert rows_read["reason"].fillna("").str.contains("repeats|fields, header has").all()


raw_names = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                      and b not in (b".", b".."))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(raw_names, st.text(min_size=1, max_size=10).filter(
    lambda t: "/" not in t and "\x00" not in t and t not in (".", "..")).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([b".txt", b".json", b".csv", b""])), min_size=1, max_size=5, unique=True))
def test_any_file_name_is_loaded_or_reported_and_saves(names_and_suffixes):
    import os

    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp)
        written = 0
        for k, (stem, suffix) in enumerate(names_and_suffixes):
            path = os.path.join(folder, stem + suffix)
            if os.path.exists(path):
                continue
            body = REAL_LINES[0] + f" ({k})"
            data = {b".json": json.dumps({"text": body}), b".csv": f"text\n{body}\n"}.get(suffix, body)
            try:
                with open(path, "wb") as fh:
                    fh.write(data.encode())
            except OSError:  # a name the file system refuses (too long when escaped)
                continue
            written += 1
        corpus = load(tmp, outlet="x")
        report = corpus.load_report
        assert len(report) >= written
        assert corpus.articles["article_id"].is_unique
        # every id and path is valid UTF-8, so the tables can be saved
        out = Path(tmp) / ".saved.parquet"  # hidden: not an input of a later load
        for value in pd.concat([report["path"], report["article_id"]]).dropna():
            value.encode("utf-8")  # raises on a lone surrogate
        corpus.articles.drop(columns=["raw_text"]).to_parquet(out)
        report.to_parquet(out)
