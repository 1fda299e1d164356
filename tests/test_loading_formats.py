"""toolkit.load on CSV, JSON, JSONL, HTML and plain text, and on bad input:
every file and row is accounted for in the load report."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from toolkit.loading import load

# real sentences (Guardian and NYT, 2022; Kyiv Independent, 2025)
G1 = ("Russia’s invasion of Ukraine has forced millions to flee. The UN refugee agency said on Tuesday that "
      "more than 6 million people had left the country since 24 February.")
G2 = ("Ukraine’s president, Volodymyr Zelenskiy, said on Sunday that Russian forces had fired more than 2,000 "
      "missiles at Ukraine since the start of the war.")
N1 = ("Several military analysts say Russia is at peak combat effectiveness in the east, as long-range artillery "
      "systems promised to Ukraine from NATO countries are still trickling in.")
K1 = ("Russia is ready to hold a third round of peace talks on the war in Ukraine, Russian President Vladimir Putin "
      "told reporters on June 27, without specifying if he would directly participate in the negotiations.")
K2 = "\"In general, we are ready for this (next round of peace talks), we need to coordinate the place and time,\" Putin said."


def statuses(corpus) -> dict[str, str]:
    r = corpus.load_report
    return dict(zip(r["article_id"].astype(str), r["status"].astype(str)))


def test_csv_like_ru_ua_2022_with_a_broken_row(tmp_path):
    path = tmp_path / "NYT_Russia_Ukraine.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["published", "headlines", "articles"])
        w.writerow(["2022/06/21", "After a Pivotal Period in Ukraine, U.S. Officials Predict the War’s Path", N1 + "\n\n" + G2])
        w.writerow(["2022/06/23", "A broken row", "text", "an extra field"])
        w.writerow(["2022/06/24", "No text", ""])
        w.writerow(["not a date", "Refugees", G1])
    corpus = load(path)
    assert statuses(corpus) == {"NYT_Russia_Ukraine:0": "loaded", "NYT_Russia_Ukraine:1": "skipped",
                                "NYT_Russia_Ukraine:2": "skipped", "NYT_Russia_Ukraine:3": "loaded"}
    reasons = corpus.load_report.set_index("article_id")["reason"]
    assert "4 fields, header has 3" in reasons["NYT_Russia_Ukraine:1"]
    assert "no text" in reasons["NYT_Russia_Ukraine:2"]
    assert "unparseable published" in reasons["NYT_Russia_Ukraine:3"]
    arts = corpus.articles.set_index("article_id")
    row = arts.loc["NYT_Russia_Ukraine:0"]
    assert row["outlet"] == "The New York Times"  # from the file name
    assert row["title"].startswith("After a Pivotal Period")
    assert row["published"] == pd.Timestamp("2022-06-21")
    assert row["text"] == N1 + "\n\n" + G2
    assert pd.isna(arts.loc["NYT_Russia_Ukraine:3", "published"])


def test_csv_like_guardian_feb2022_columns_and_explicit_fields(tmp_path):
    path = tmp_path / "guard-articles-nato.csv"
    pd.DataFrame({
        "Unnamed: 0": [0, 1],
        "Date": ["Wednesday, 23 February 2022", "Thursday, 24 February 2022"],
        "Date Formatted": ["2022-02-23", "2022-02-24"],
        "Heading": ["What steps should Britain take to avert war in Ukraine?", "Refugees"],
        "Article Url": ["https://www.theguardian.com/world/2022/feb/23/what-steps", "https://www.theguardian.com/world/x"],
        "Text": [G1, None],
    }).to_csv(path, index=False)
    corpus = load(path)
    arts = corpus.articles
    assert len(arts) == 1 and arts["outlet"].astype(str).tolist() == ["The Guardian"]  # from the URL
    assert arts["published"].tolist() == [pd.Timestamp("2022-02-23")]
    assert len(corpus.load_report) == 2
    # columns can be named explicitly
    other = tmp_path / "other"
    other.mkdir()
    pd.DataFrame({"Body": [G2], "Headline": ["Missiles"], "When": ["2022-05-08"], "Src": ["Reuters"]}).to_csv(
        other / "wire.csv", index=False)
    arts = load(other, fields={"text": "Body", "published": "When", "outlet": "Src"}).articles
    assert arts.loc[0, "text"] == G2 and arts.loc[0, "outlet"] == "Reuters" and arts.loc[0, "title"] == "Missiles"


def test_json_list_single_object_and_jsonl_with_a_bad_line(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps({"articles": [
        {"headline": "Refugees", "body": G1, "date": "2022-03-01", "source": "guardian", "url": "https://x.org/a",
         "authors": ["Shaun Walker", "Pjotr Sauer"]},
        {"headline": "No body"},
        "not an object",
    ]}), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": "Talks", "text": K1, "published": "2025-06-27",
                                                   "url": "https://kyivindependent.com/russia-ready/"}))
    (tmp_path / "feed.jsonl").write_text("\n".join([
        json.dumps({"text": G2, "published": "2022-05-08T10:00:00+03:00"}),
        "{broken json",
        "",
        json.dumps({"text": N1}),
    ]))
    corpus = load(tmp_path)
    assert statuses(corpus) == {"feed:0": "loaded", "feed:1": "skipped", "feed:3": "loaded",
                                "list:0": "loaded", "list:1": "skipped", "list:2": "skipped", "one": "loaded"}
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["list:0", "outlet"] == "The Guardian"  # source alias
    assert arts.loc["list:0", "author"] == "Shaun Walker, Pjotr Sauer"
    assert arts.loc["one", "outlet"] == "The Kyiv Independent"  # URL domain
    assert arts.loc["feed:0", "published"] == pd.Timestamp("2022-05-08 10:00")  # wall-clock time kept
    assert arts.loc["feed:3", "outlet"] == "unknown"  # "feed.jsonl" names no outlet
    assert "line 2" in corpus.load_report.set_index("article_id").loc["feed:1", "reason"]


def test_html_is_extracted_offline_with_trafilatura(tmp_path):
    html = f"""<!doctype html><html><head>
    <title>Russia ready to hold third round of peace talks | The Kyiv Independent</title>
    <meta property="og:site_name" content="The Kyiv Independent">
    <meta name="author" content="Dmytro Basmat">
    <meta property="article:published_time" content="2025-06-27T22:57:00+03:00">
    <link rel="canonical" href="https://kyivindependent.com/russia-ready-to-hold-third-round/">
    </head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="#content">Skip to content</a></nav>
    <article><h1>Russia ready to hold third round of peace talks with Ukraine, Putin says</h1>
    <p>{K1}</p><p>{K2}</p>
    <p>Putin added that the talks could potentially be held in Istanbul but the details have not yet been worked out.</p>
    <p>Thank you for signing up for this newsletter. We’ve sent you a confirmation email.</p>
    </article><footer>© 2025 The Kyiv Independent. All rights reserved.</footer></body></html>"""
    (tmp_path / "kyiv.html").write_text(html, encoding="utf-8")
    row = load(tmp_path).articles.iloc[0]
    assert row["article_id"] == "kyiv"
    assert row["outlet"] == "The Kyiv Independent"
    assert row["author"] == "Dmytro Basmat"
    assert row["published"] == pd.Timestamp("2025-06-27")
    assert row["title"].startswith("Russia ready to hold third round")
    assert K1 in row["text"] and K2 in row["text"]
    assert "Home" not in row["text"] and "All rights reserved" not in row["text"]
    assert "Thank you for signing up" not in row["text"]


def test_encodings_are_tried_in_order_and_reported(tmp_path):
    quote = "He said: “We will not forgive.” Ukraine’s president said the talks were over."
    (tmp_path / "a_utf8.txt").write_text(quote, encoding="utf-8")
    (tmp_path / "b_bom.txt").write_text(quote.replace("said", "stated"), encoding="utf-8-sig")
    (tmp_path / "c_cp1252.txt").write_bytes(quote.replace("said", "claimed").encode("cp1252"))
    (tmp_path / "d_latin1.txt").write_bytes("Kyiv\x81 café reopened after the shelling stopped.".encode("latin-1"))
    (tmp_path / "e_utf16.txt").write_text(quote.replace("said", "told reporters"), encoding="utf-16")
    corpus = load(tmp_path)
    enc = corpus.load_report.set_index("article_id")["encoding"].to_dict()
    assert enc == {"a_utf8": "utf-8", "b_bom": "utf-8-sig", "c_cp1252": "cp1252", "d_latin1": "latin-1",
                   "e_utf16": "utf-16"}
    text = corpus.articles.set_index("article_id")["text"]
    assert "“We will not forgive.”" in text["c_cp1252"]
    assert not text["b_bom"].startswith("\ufeff")
    assert "decoded as cp1252" in corpus.load_report.set_index("article_id").loc["c_cp1252", "reason"]


def test_bad_inputs_are_reported_not_fatal(tmp_path):
    (tmp_path / "good.txt").write_text(f"Peace talks\n\n{K1}\n\n{K2}")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "huge.txt").write_text(K1 * 100)
    (tmp_path / "only_furniture.txt").write_text("Skip to content\nPostImage\nJOIN US ON TELEGRAM\n")
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / "README.txt").write_text("This folder holds the articles we scraped in June.")
    (tmp_path / "good_copy.txt").write_text(f"Peace talks\n\n{K1}\n\n{K2}\n")  # same text as good.txt
    nested = tmp_path / "2025" / "june"
    nested.mkdir(parents=True)
    (nested / "deep.txt").write_text(G1)
    (tmp_path / "metadata.csv").write_text("file,outlet,published\ngood.txt,Kyiv Independent,2025-06-27\n"
                                           "gone.txt,Kyiv Post,2025-06-01\n")
    corpus = load(tmp_path, max_bytes=10_000)
    report = corpus.load_report.assign(name=lambda r: r["path"].map(lambda p: p.rsplit("/", 1)[-1]))
    why = dict(zip(report["name"], report["reason"].fillna("")))
    status = dict(zip(report["name"], report["status"].astype(str)))
    assert set(corpus.articles["article_id"]) == {"good", "deep"}
    assert status["good_copy.txt"] == "duplicate" and "good" in why["good_copy.txt"]  # first in path order is kept
    assert "empty" in why["empty.txt"] and "empty" in why["blank.md"]
    assert "binary" in why["image.txt"] and "binary" in why["noise.txt"]
    assert "too large" in why["huge.txt"]
    assert "no text left after cleaning" in why["only_furniture.txt"]
    assert "invalid JSON" in why["bad.json"]
    assert "unsupported file type .docx" in why["notes.docx"]
    assert why[".DS_Store"] == "hidden file" and "hidden folder" in why[".git"]
    assert "not an article" in why["README.txt"]
    assert "no such file" in why["gone.txt"]
    assert "metadata sidecar" in why["metadata.csv"]
    assert all(s in {"loaded", "skipped", "duplicate"} for s in status.values())
    good = corpus.articles.set_index("article_id").loc["good"]
    assert good["outlet"] == "Kyiv Independent" and good["published"] == pd.Timestamp("2025-06-27")
    assert not good["published_inferred"]


def test_explicit_metadata_overrides_and_ids_stay_unique(tmp_path):
    for topic in ("business", "politics"):
        (tmp_path / topic).mkdir()
        (tmp_path / topic / "001.txt").write_text(f"Headline for {topic}\n\n{K1 if topic == 'business' else G1}")
    meta = pd.DataFrame({"file": ["business/001"], "outlet": ["BBC News"], "desk": ["business"]})
    arts = load(tmp_path, metadata=meta).articles.set_index("article_id")
    assert sorted(arts.index) == ["business/001", "politics/001"]
    assert arts.loc["business/001", "outlet"] == "BBC News" and arts.loc["business/001", "desk"] == "business"
    assert arts.loc["politics/001", "outlet"] == "unknown"
    assert arts.loc["politics/001", "title"] == "Headline for politics"


def test_a_list_of_sources_and_a_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text(K1)
    (tmp_path / "b.txt").write_text(K2)
    corpus = load([tmp_path / "a.txt", tmp_path / "b.txt"], outlet="The Kyiv Independent")
    assert corpus.articles["outlet"].astype(str).tolist() == ["The Kyiv Independent"] * 2
    # a path the caller names must exist: a typo raises, never an empty or partial corpus
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load([tmp_path / "a.txt", tmp_path / "nowhere"])
    with pytest.raises(FileNotFoundError, match="missing"):
        load(tmp_path / "missing")


def test_markdown_heading_is_the_title(tmp_path):
    (tmp_path / "note.md").write_text(f"# Russia ready to hold third round of peace talks\n\n{K1}\n\n## Next round\n\n{K2}\n")
    row = load(tmp_path).articles.iloc[0]
    assert row["title"] == "Russia ready to hold third round of peace talks"
    # taken from the text, the title stays in it (searched and annotated)
    assert row["text"] == f"Russia ready to hold third round of peace talks\n\n{K1}\n\nNext round\n\n{K2}"


@pytest.mark.parametrize("name", ["ru_ua_2022", "guardian_feb2022"])
def test_real_csv_corpora_when_present(name, sample_dir):
    # the project root's parent holds ../shared (a work tree sits one level deeper)
    path = next((p for p in (sample_dir.parents[2] / "shared" / "eval" / "corpora" / name,
                             sample_dir.parents[3] / "shared" / "eval" / "corpora" / name) if p.exists()),
                sample_dir / "missing")
    if not path.exists():
        pytest.skip("evaluation corpora are not part of the project")
    corpus = load(path)
    report = corpus.load_report
    assert set(report.loc[report["status"] == "loaded", "article_id"]) == set(corpus.articles["article_id"])
    assert corpus.articles["published"].notna().all()
    assert set(corpus.articles["outlet"].astype(str)) <= {"The Guardian", "The New York Times"}


def test_sidecar_saved_as_cp1252_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(K1, encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes("file,outlet,title\na.txt,Kyiv Post,Putin’s “peace” offer\n".encode("cp1252"))
    row = load(tmp_path).articles.iloc[0]
    assert row["outlet"] == "Kyiv Post" and row["title"] == "Putin’s “peace” offer"
