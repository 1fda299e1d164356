"""Nothing lost, nothing duplicated (issue 14): the hostile inputs and faults
that used to crash the run or lose data silently, each re-run as a test. Every
case ends either in a clear error before any work starts, or in a load-report
row with the reason, never in a crash or a silent loss."""

from __future__ import annotations

import importlib
import json
import os

import pandas as pd
import pytest

import toolkit
from toolkit.annotation import TEXT_TABLES, annotate
from toolkit.corpus import AnnotatedCorpus, Corpus, CorruptTableError, UnknownNameError
from toolkit.loading import MAX_ARTICLE_CHARS, load

annotate_module = importlib.import_module("toolkit.annotation")

# real sentences from the sample (data/articles/001_…, 003_…)
PESKOV = ("Kremlin spokesperson Dmitry Peskov said on Friday that Russian President Vladimir Putin is interested "
          "in high-level talks on the Ukraine issue.")
ISTANBUL = ("The second round of direct talks between Russia and Ukraine took place in Istanbul on June 2, "
            "where the parties exchanged memorandums.")


@pytest.fixture(autouse=True)
def frozen_code_digest(monkeypatch):
    digest = toolkit.code_digest()
    monkeypatch.setattr(toolkit, "code_digest", lambda: digest)


@pytest.fixture(scope="module")
def one_article(sample_corpus):
    arts = sample_corpus.articles.iloc[[1]].reset_index(drop=True)
    return Corpus(arts, sample_corpus.load_report[sample_corpus.load_report["article_id"].isin(arts["article_id"])])


# -- the cache ---------------------------------------------------------------

def test_compaction_keeps_one_version_per_article(one_article, tmp_path, monkeypatch):
    """The outlet changed over nine cached runs, then the shards were merged:
    the next run used to return the article's rows nine times."""
    monkeypatch.setattr("toolkit.cache.MAX_SHARDS", 3)
    baseline = annotate(one_article, cache_dir=None, progress=False)
    for n in range(9):
        arts = one_article.articles.assign(outlet=pd.array([f"Outlet {n}"], dtype=one_article.articles["outlet"].dtype))
        run = annotate(Corpus(arts, one_article.load_report), cache_dir=tmp_path, progress=False)
        assert len(run.sentences) == len(baseline.sentences)
    shards = list(tmp_path.glob("*/shard-*"))
    assert len(shards) <= 4  # compaction ran
    again = annotate(Corpus(arts, one_article.load_report), cache_dir=tmp_path, progress=False)
    assert again.meta["n_from_cache"] == 1
    for name in TEXT_TABLES:
        assert len(getattr(again, name)) == len(getattr(baseline, name)), name
    keys = pd.concat([pd.read_parquet(s / "keys.parquet") for s in tmp_path.glob("*/shard-*")])
    assert not keys["article_id"].duplicated().any()  # never two versions of one article


@pytest.mark.parametrize("batch_size", [-1, 0, 2.5, True])
def test_a_bad_batch_size_is_refused_before_any_work(one_article, tmp_path, batch_size):
    with pytest.raises(ValueError, match="batch_size"):
        annotate(one_article, cache_dir=tmp_path, batch_size=batch_size, progress=False)
    assert not list(tmp_path.glob("*/shard-*"))  # nothing (least of all an empty result) was cached


def test_an_unwritable_cache_folder_is_refused_before_any_work(one_article, tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    parsed = []
    monkeypatch.setattr(annotate_module, "annotate_partition", lambda *a: parsed.append(a))
    with pytest.raises(PermissionError, match="cache folder .* not writable"):
        annotate(one_article, cache_dir=blocker, progress=False)
    assert parsed == []


def test_a_cache_that_fails_to_write_keeps_the_annotation(one_article, tmp_path, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("toolkit.cache.write_tables", full_disk)
    with pytest.warns(RuntimeWarning, match="No space left"):
        run = annotate(one_article, cache_dir=tmp_path, progress=False)
    assert len(run.sentences) > 5 and any("not cached" in e for e in run.meta["cache_events"])


def flip_byte_in_text(path, needle=b"Putin"):
    """Alter one character of a stored string without changing the file size
    (the manifest's row and byte counts cannot see it)."""
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at > 0, f"{needle!r} not stored verbatim in {path.name}"
    data[at + 3] = ord("l")  # "Putin" -> "Putln"
    path.write_bytes(bytes(data))


def test_a_flipped_byte_is_refused_on_open(annotated_sample, tmp_path):
    target = annotated_sample.save(tmp_path / "corpus")
    flip_byte_in_text(target / "sentences.parquet")
    with pytest.raises(CorruptTableError, match="checksum"):
        toolkit.open(target)


def test_a_flipped_byte_in_the_cache_is_rebuilt(sample_corpus, annotated_sample, tmp_path):
    annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    [sentences] = tmp_path.glob("*/shard-*/sentences.parquet")
    flip_byte_in_text(sentences)
    with pytest.warns(RuntimeWarning, match="checksum"):
        rebuilt = annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    assert rebuilt.meta["n_annotated"] == len(sample_corpus)
    assert not rebuilt.sentences["text"].str.contains("Putln").any()
    pd.testing.assert_frame_equal(rebuilt.sentences, annotated_sample.sentences)


# -- saving ------------------------------------------------------------------

def test_a_failed_save_leaves_the_previous_corpus_openable(annotated_sample, tmp_path, monkeypatch):
    target = annotated_sample.save(tmp_path / "corpus")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real = pd.DataFrame.to_parquet
    calls = []

    def fails_on_the_third(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            real(self, path, *args, **kwargs)  # a partial file on disk, as a full disk leaves it
            raise OSError(28, "No space left on device")
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", fails_on_the_third)
    smaller = annotated_sample.filter(outlets=["Kyiv Post"])
    with pytest.raises(OSError, match="No space"):
        smaller.save(target)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before  # no stray .tmp, nothing replaced
    back = toolkit.open(target)
    assert len(back.articles) == len(annotated_sample.articles)


def test_open_and_sentence_raise_on_what_is_not_there(annotated_sample, tmp_path):
    with pytest.raises(FileNotFoundError, match="no such corpus folder"):
        toolkit.open(tmp_path / "missing")
    with pytest.raises(UnknownNameError, match="nope"):
        annotated_sample.sentence("nope", 0)
    aid = annotated_sample.articles["article_id"].iloc[0]
    with pytest.raises(UnknownNameError, match="no sentence 9999"):
        annotated_sample.sentence(aid, 9999)
    first = annotated_sample.sentences.iloc[0]
    assert annotated_sample.sentence(first["article_id"], int(first["sent_id"])) == first["text"]


def test_filter_names_the_closest_outlet_and_actor(annotated_sample):
    with pytest.raises(UnknownNameError, match="'Kyiv post'.*closest: 'Kyiv Post'"):
        annotated_sample.filter(outlets=["Kyiv post"])
    with pytest.raises(UnknownNameError, match="unknown actor 'zzz'"):
        annotated_sample.filter(actors=["zzz"])
    with pytest.raises(UnknownNameError, match="closest: 'peskov'"):
        annotated_sample.filter(actors=["peskof"])
    # a catalogued actor the corpus does not mention is a real, empty answer
    # (Lavrov is catalogued, no sample article names him); NATO is in three
    assert len(annotated_sample.filter(actors=["lavrov"]).articles) == 0
    assert len(annotated_sample.filter(actors=["nato"]).articles) == 3


# -- loading -----------------------------------------------------------------

def test_deep_json_costs_one_file_not_the_run(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    nested = "[" * 900 + '"x"' + "]" * 900
    (tmp_path / "rows.json").write_text(f'[{{"text": {json.dumps(PESKOV)}}}, {{"text": {nested}}}]')
    (tmp_path / "rows.jsonl").write_text(f'{{"text": {json.dumps(ISTANBUL)}}}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    corpus = load(tmp_path, outlet="TASS")
    why = dict(zip(corpus.load_report["article_id"], corpus.load_report["reason"].fillna("")))
    assert "nested too deeply" in why["deep"]
    assert "nested too deeply" in why["rows.json:1"] and "nested too deeply" in why["rows.jsonl:1"]
    assert set(corpus.articles["text"]) == {PESKOV, ISTANBUL}


def test_a_file_name_that_is_not_utf8_is_loaded_and_saved(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"peskov-\xff.txt"), "wb") as fh:
        fh.write(PESKOV.encode())
    corpus = load(tmp_path, outlet="TASS")
    [aid] = corpus.articles["article_id"]
    assert aid == "peskov-\\xff" and corpus.articles["text"].iloc[0] == PESKOV
    out = AnnotatedCorpus(articles=corpus.articles, load_report=corpus.load_report).save(tmp_path / "saved")
    assert toolkit.open(out).articles["article_id"].iloc[0] == aid


def test_an_article_over_a_million_characters_is_split_not_lost(tmp_path):
    paragraph = f"Update 00000: {PESKOV} {ISTANBUL}"  # a live blog: many distinct entries
    raw = "\n\n".join(f"Update {n:05d}: {PESKOV} {ISTANBUL}" for n in range(2 * MAX_ARTICLE_CHARS // len(paragraph) + 5))
    (tmp_path / "liveblog.txt").write_text(raw)
    corpus = load(tmp_path, outlet="TASS")
    parts = corpus.articles.set_index("article_id")
    assert list(parts.index) == ["liveblog#1", "liveblog#2", "liveblog#3"]
    assert (parts["raw_text"].str.len() <= MAX_ARTICLE_CHARS).all()
    assert "".join(parts["raw_text"]) == raw  # nothing dropped at the cuts
    assert all(r.startswith("Update ") for r in parts["raw_text"])  # cut at paragraph breaks
    assert corpus.load_report["reason"].str.contains("part 2 of 3").sum() == 1


def test_annotate_reports_a_hand_built_article_spacy_would_refuse(one_article, monkeypatch):
    arts = one_article.articles
    long = arts.assign(article_id="huge", text="word " * (MAX_ARTICLE_CHARS // 5 + 1))
    corpus = Corpus(pd.concat([arts, long], ignore_index=True), one_article.load_report)
    run = annotate(corpus, cache_dir=None, progress=False)
    assert set(run.sentences["article_id"]) == set(arts["article_id"])
    row = run.load_report.set_index("article_id").loc["huge"]
    assert row["status"] == "skipped" and "longer than spaCy's limit" in row["reason"]


def test_jsonl_records_may_hold_unicode_line_separators(tmp_path):
    texts = [PESKOV.replace(" said ", " said\u2028"), ISTANBUL.replace(", ", ",\u2029 "), f"{PESKOV}\x85{ISTANBUL}"]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
                                         + "\r\n")
    corpus = load(tmp_path, outlet="TASS")
    assert list(corpus.articles["article_id"]) == ["feed:0", "feed:1", "feed:2"]
    assert (corpus.load_report["status"] == "loaded").all()
    assert "Peskov said" in corpus.articles["text"].iloc[0].replace("\n", " ")


def test_ids_never_collide(tmp_path):
    (tmp_path / "a.txt").write_text(PESKOV)
    (tmp_path / "a.json").write_text(json.dumps({"text": ISTANBUL}))
    (tmp_path / "a~2.txt").write_text(f"{ISTANBUL} {PESKOV}")
    (tmp_path / "x.csv").write_text(f'text\n"{PESKOV} Again."\n"{ISTANBUL} Again."\n')
    (tmp_path / "x:1.txt").write_text(f"{PESKOV} {PESKOV}")
    corpus = load(tmp_path, outlet="TASS")
    ids = corpus.articles["article_id"]
    assert len(ids) == 6 and ids.is_unique
    assert not corpus.load_report["article_id"].duplicated().any()
    renamed = corpus.load_report[corpus.load_report["reason"].fillna("").str.contains("already taken")]
    assert list(renamed["article_id"]) == ["x:1~2"]


# -- the command line ----------------------------------------------------------

def test_cli_refuses_missing_or_empty_sources_without_touching_out(annotated_sample, tmp_path, capsys):
    from toolkit.cli import main

    out = annotated_sample.save(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty"
    empty.mkdir()
    for source, expected in ((str(tmp_path / "missing"), "no such file or folder"), (str(empty), "no article")):
        assert main(["annotate", source, "--out", str(out), "--no-cache", "--quiet"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("error: ") and expected in err and len(err.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("args, expected", [
    (["--model", "/tmp"], "not a spaCy model folder"),
    (["--batch-size", "0"], "batch_size must be"),
    (["--out-is-a-file"], "is not writable"),
])
def test_cli_bad_settings_fail_in_one_line_before_work(sample_dir, tmp_path, capsys, monkeypatch, args, expected):
    from toolkit.cli import main

    monkeypatch.setattr(annotate_module, "annotate_partition", lambda *a: pytest.fail("annotated anyway"))
    out = tmp_path / "out"
    if args == ["--out-is-a-file"]:
        out.write_text("not a folder")
        out, args = out / "x", []
    assert main(["annotate", str(sample_dir), "--out", str(out), "--no-cache", "--quiet", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1


# -- valid input never vanishes ---------------------------------------------------

def test_symlinked_folders_are_walked_once_and_loops_reported(tmp_path):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text(PESKOV)
    (real / "sub" / "b.txt").write_text(ISTANBUL)
    (real / "sub" / "loop").symlink_to("..")  # a link back up: must not walk forever
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "linked").symlink_to(real)
    (corpus_dir / "linked_again").symlink_to(real)
    corpus = load(corpus_dir, outlet="TASS")
    assert sorted(corpus.articles["text"]) == sorted([PESKOV, ISTANBUL])
    report = corpus.load_report
    twice = report[report["reason"].fillna("").str.contains("already read")]
    assert sorted(p.rsplit("/", 1)[-1] for p in twice["path"]) == ["linked_again", "loop"]


def test_sidecar_rows_that_describe_nothing_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text(PESKOV)
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,TASS\na.txt,RIA Novosti\n,Kyiv Post\n"
                                           "../elsewhere.txt,BBC\n/etc/hosts,BBC\n")
    corpus = load(tmp_path)
    assert corpus.articles["outlet"].tolist() == ["TASS"]  # the first row naming a file is used
    reasons = corpus.load_report["reason"].fillna("")
    assert reasons.str.contains("names 'a.txt' again").sum() == 1
    assert reasons.str.contains("names no file").sum() == 1
    assert reasons.str.contains("outside the folder").sum() == 2


def test_explicit_metadata_rows_matching_nothing_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text(PESKOV)
    meta = pd.DataFrame({"file": ["a.txt", "typo.txt"], "outlet": ["TASS", "BBC"]})
    report = load(tmp_path, metadata=meta).load_report.set_index("article_id")
    assert "matches no file" in report.loc["typo.txt", "reason"]


def test_a_repeated_csv_column_is_reported_and_a_nul_costs_nothing(tmp_path):
    (tmp_path / "dup.csv").write_text(f'text,text\n"{PESKOV}","{ISTANBUL}"\n')
    (tmp_path / "nul.csv").write_bytes(f'text\n"First: {PESKOV}"\n"Bad\x00 row: {ISTANBUL}"\n"{PESKOV} Again."\n'.encode())
    corpus = load(tmp_path, outlet="TASS")
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["dup:0", "text"] == PESKOV
    assert "repeats column 1" in corpus.load_report.set_index("article_id").loc["dup:0", "reason"]
    assert list(arts.loc[["nul:0", "nul:1", "nul:2"], "text"]) == [
        f"First: {PESKOV}", f"Bad row: {ISTANBUL}", f"{PESKOV} Again."]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(f"{PESKOV}\n\n{ISTANBUL}\n".encode(encoding))
    corpus = load(tmp_path, outlet="TASS")
    assert corpus.articles["text"].iloc[0] == f"{PESKOV}\n\n{ISTANBUL}"
    assert corpus.load_report["encoding"].iloc[0] == encoding


def test_relative_published_values_are_not_resolved_against_the_clock(tmp_path):
    (tmp_path / "a.txt").write_text(PESKOV)
    (tmp_path / "metadata.csv").write_text("file,outlet,published\na.txt,TASS,yesterday\n")
    first, second = load(tmp_path), load(tmp_path)
    assert first.articles["published"].isna().all()
    assert "names no year" in first.load_report.set_index("article_id").loc["a", "reason"]
    pd.testing.assert_frame_equal(first.articles, second.articles)


def test_boilerplate_recurring_within_one_outlet_is_removed_and_listed(sample_dir, tmp_path):
    """Real paragraphs of the sample, one per article, plus an outlet's own
    furniture (a video link in 7 of 8, an app promotion in 6 of 8) and a
    background sentence the outlet genuinely repeats in 6 of 8, which stays."""
    paragraphs = [p for f in sorted(sample_dir.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").splitlines() if len(p.split()) > 25][:8]
    assert len(paragraphs) == 8
    background = "Russia launched its full-scale invasion of Ukraine on February 24, 2022."
    video = "WATCH: Zelensky addresses the nation from Kyiv"
    app = "Download the Daily Express app for the latest news."
    for i, body in enumerate(paragraphs):
        lines = [body]
        if i < 7:
            lines.append(video)
        if i < 6:
            lines += [background, app]
        (tmp_path / f"{i}.txt").write_text("\n\n".join(lines) + "\n")
    corpus = load(tmp_path, outlet="Daily Express")
    texts = corpus.articles["text"]
    assert len(texts) == 8
    assert not texts.str.contains("WATCH: Zelensky").any() and not texts.str.contains("Download the").any()
    assert texts.str.contains(background, regex=False).sum() == 6  # genuinely repeated prose is kept
    assert all(body[:80] in text for body, text in zip(paragraphs, texts))
    reasons = corpus.load_report.set_index("article_id")["reason"]
    assert "'WATCH: Zelensky addresses the nation from Kyiv' (7 of 8)" in reasons["0"]
    assert "(6 of 8)" in reasons["0"] and "Download the Daily Express app" in reasons["0"]
    assert "recurring" not in str(reasons["7"])  # it held neither line
    # the removal keeps the map back to the raw text
    from toolkit.loading import OffsetMap

    row = corpus.articles.iloc[0]
    offsets = OffsetMap.from_json(row["offset_map"])
    start = row["text"].index(background)
    s, e = offsets.to_raw_span(start, start + len(background))
    assert row["raw_text"][s:e] == background


# -- one article that breaks an extractor costs that article only ----------------

def rows_of(table: pd.DataFrame, ids) -> pd.DataFrame:
    return table[table["article_id"].isin(list(ids))].reset_index(drop=True)


def test_an_article_an_extractor_raises_on_is_skipped_and_reported(sample_corpus, annotated_sample, tmp_path,
                                                                    monkeypatch):
    """The dates extractor raises on one real article of the sample (all five
    are one partition): the other four keep every row, the fifth is skipped
    with the step and the error in the load report, and nothing of it is
    cached, so the next run (fault gone) annotates it and serves the others."""
    import toolkit.dates as dates

    bad = sample_corpus.articles["article_id"].iloc[2]
    real = dates.extract_dates

    def dates_fail_on_one(doc, ctx):
        if ctx.article_id == bad:
            raise ValueError("year 1600 is out of range")  # as OutOfBoundsDatetime once failed whole runs
        return real(doc, ctx)

    monkeypatch.setattr(dates, "extract_dates", dates_fail_on_one)
    with pytest.warns(RuntimeWarning, match="1 article.* could not be annotated"):
        run = annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    good = [a for a in sample_corpus.articles["article_id"] if a != bad]
    assert list(run.articles["article_id"]) == good
    assert (run.meta["n_failed"], run.meta["n_annotated"]) == (1, 4)
    [failure] = run.meta["annotate_failures"]
    assert failure["article_id"] == bad and failure["step"] == "dates"
    row = run.load_report[run.load_report["article_id"] == bad].iloc[0]
    assert row["status"] == "skipped"
    assert row["reason"].startswith("annotation failed in dates: ValueError: year 1600 is out of range (at tests/")
    assert row["path"].endswith(".txt")  # still traceable to its file
    assert bad not in set(run.sentences["article_id"])
    # the others lose nothing: sentences, quotes, dates and claims as in a run without the fault
    for name in ("sentences", "quotes", "dates", "claims"):
        got, want = rows_of(getattr(run, name), good), rows_of(getattr(annotated_sample, name), good)
        assert len(want) > 0 or name == "claims"
        pd.testing.assert_frame_equal(got[list(want.columns)], want, obj=name, check_dtype=False,
                                      check_categorical=False)

    monkeypatch.setattr(dates, "extract_dates", real)
    again = annotate(sample_corpus, cache_dir=tmp_path, progress=False)
    assert (again.meta["n_from_cache"], again.meta["n_annotated"], again.meta["n_failed"]) == (4, 1, 0)
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(annotated_sample, name), obj=name)


def test_an_article_the_parser_raises_on_costs_that_article_only(sample_corpus, annotated_sample, monkeypatch):
    """A pipeline component that raises on one real text breaks spaCy's whole
    batch; the partition is parsed again article by article, so only that
    article is skipped."""
    from spacy.language import Language

    from toolkit import pipeline
    from toolkit.actors.catalogue import resolve_path

    nlp = pipeline.build_pipeline(None, str(resolve_path(None)))
    bad = sample_corpus.articles["article_id"].iloc[1]
    needle = "Putin is interested in holding high-level talks on the Ukraine issue"  # its lede
    assert needle in sample_corpus.articles["text"].iloc[1]

    def refuse_one_text(doc):
        if needle in doc.text:
            raise RuntimeError("component failed")
        return doc

    if not Language.has_factory("refuse_one_text"):
        Language.component("refuse_one_text", func=refuse_one_text)
    nlp.add_pipe("refuse_one_text", last=True)
    monkeypatch.setattr(pipeline, "cached_pipeline", lambda *a, **k: nlp)
    with pytest.warns(RuntimeWarning, match="could not be annotated"):
        run = annotate(sample_corpus, cache_dir=None, progress=False)
    good = [a for a in sample_corpus.articles["article_id"] if a != bad]
    assert list(run.articles["article_id"]) == good
    [failure] = run.meta["annotate_failures"]
    assert failure["step"] == "parse" and failure["reason"].startswith("RuntimeError: component failed")
    for name in ("sentences", "quotes", "dates"):
        got, want = rows_of(getattr(run, name), good), rows_of(getattr(annotated_sample, name), good)
        pd.testing.assert_frame_equal(got[list(want.columns)], want, obj=name, check_dtype=False,
                                      check_categorical=False)


# -- kill and restart ------------------------------------------------------------

KILLED_MIDWAY = """
import os, signal, sys
import toolkit, toolkit.annotation as annotation
import toolkit.extraction
toolkit.extraction.PARTITION_CHARS = 1  # one article per partition
real, calls = annotation.annotate_partition, []
def partition_then_die(records, settings):
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a closed laptop would
    calls.append(1)
    return real(records, settings)
annotation.annotate_partition = partition_then_die
toolkit.annotate(toolkit.load(sys.argv[1]), cache_dir=sys.argv[2], progress=False)
"""


def test_a_killed_run_resumes_from_the_partitions_it_finished(sample_dir, annotated_sample, tmp_path):
    import subprocess
    import sys

    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(sample_dir.parents[1])}
    proc = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(sample_dir), str(cache)], env=env,
                          capture_output=True, timeout=600)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    assert len(list(cache.glob("*/shard-*/manifest.json"))) == 2  # two partitions were cached as they finished
    resumed = annotate(toolkit.load(sample_dir), cache_dir=cache, progress=False)
    assert (resumed.meta["n_from_cache"], resumed.meta["n_annotated"]) == (2, 3)
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(resumed, name), getattr(annotated_sample, name), obj=name)


ORPHANED_WORKER = """
import os, signal, sys, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from toolkit.annotation import exit_with_parent
pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                           initializer=exit_with_parent, initargs=(os.getpid(), 0.2))
print(pool.submit(os.getpid).result(), flush=True)
pool.submit(time.sleep, 120)
time.sleep(0.5)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_pool_workers_exit_with_their_killed_parent(sample_dir):
    import subprocess
    import sys
    import time

    env = {**os.environ, "PYTHONPATH": str(sample_dir.parents[1])}
    proc = subprocess.run([sys.executable, "-c", ORPHANED_WORKER], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -9
    worker = int(proc.stdout.decode().split()[0])

    def running() -> bool:  # a zombie (exited, not yet reaped by a container's init) is not running
        try:
            with open(f"/proc/{worker}/stat") as fh:
                return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and running():
        time.sleep(0.2)
    assert not running(), "the worker outlived its killed parent"


class StopAfter(RuntimeError):
    """Stands in for a crash of the annotating process after k partitions."""


def stop_after(k: int, results):
    """Yield the first ``k`` finished partitions, then fail as a crash would."""
    for n, item in enumerate(results):
        if n == k:
            raise StopAfter(f"stopped after {k} partitions")
        yield item


def test_a_pool_run_stopped_after_two_partitions_resumes_from_them(sample_dir, annotated_sample, tmp_path,
                                                                   monkeypatch):
    """n_process=2 caches each partition as it arrives, not at the end."""
    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)  # five one-article partitions
    real = annotate_module.share_partitions
    monkeypatch.setattr(annotate_module, "share_partitions", lambda *a, **k: stop_after(2, real(*a, **k)))
    cache = tmp_path / "cache"
    with pytest.raises(StopAfter):
        annotate(toolkit.load(sample_dir), cache_dir=cache, n_process=2, progress=False)
    monkeypatch.setattr(annotate_module, "share_partitions", real)
    resumed = annotate(toolkit.load(sample_dir), cache_dir=cache, progress=False)
    assert (resumed.meta["n_from_cache"], resumed.meta["n_annotated"]) == (2, 3)
    for name in TEXT_TABLES:
        pd.testing.assert_frame_equal(getattr(resumed, name), getattr(annotated_sample, name), obj=name)


def test_the_progress_bar_moves_as_each_partition_finishes(sample_corpus, monkeypatch):
    """Five one-article partitions: the bar advances by one after each, never
    sits at 0 % until the end (its total is the articles to annotate)."""
    import tqdm.auto

    events: list = []

    class RecordingBar:
        def __init__(self, *, total, disable, **kwargs):
            events.append(("bar", total, disable))

        def update(self, n):
            events.append(("update", n))

        def close(self):
            events.append(("close",))

    real = annotate_module.annotate_partition

    def spy(records, settings):
        events.append(("partition", len(records)))
        return real(records, settings)

    monkeypatch.setattr("toolkit.extraction.PARTITION_CHARS", 1)
    monkeypatch.setattr(tqdm.auto, "tqdm", RecordingBar)
    monkeypatch.setattr(annotate_module, "annotate_partition", spy)
    annotate(sample_corpus, cache_dir=None, progress=True)
    assert events == [("bar", 5, False), *[("partition", 1), ("update", 1)] * 5, ("close",)]
