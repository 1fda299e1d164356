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
