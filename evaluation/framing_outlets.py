"""Framing compared across outlets on real war coverage.

Corpora (``../shared/eval/corpora``; not part of the project):
``ru_ua_2022/Guardians_Russia_Ukraine.csv`` and ``NYT_Russia_Ukraine.csv``
(2022; columns published, headlines, articles; many NYT texts are truncated)
and ``guardian_feb2022/guard-articles-nato.csv`` (Feb 2022; Date Formatted,
Heading, Text) as a third outlet-period.

Each article is parsed once; the real extractors give mentions, quotes and
the framing table, and :func:`toolkit.framing.term_counts` gives lemma and
noun-phrase counts per voice. Printed as markdown: the most distinctive terms
per outlet (weighted log-odds, every outlet against the other two), the
attribution-verb mix, naming choices, signal rates by voice, share of voice
and tone.

Usage: ``python -m evaluation.framing_outlets [--data ../shared/eval/corpora] [--sample N] [--out FILE]``
(``--audit N`` prints N random rows per signal with context instead, for a hand audit.)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import pandas as pd

from evaluation.eval_framing_semeval import markdown

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "corpora"
GUARDIAN_2022, NYT_2022, GUARDIAN_FEB = "Guardian 2022", "NYT 2022", "Guardian Feb 2022"


def read_articles(data: Path, sample: int | None) -> pd.DataFrame:
    """The three outlet-periods as articles-table records (toolkit.load is
    not used: these CSVs need a column mapping it does not guess)."""
    frames = []
    for outlet, path, cols in (
        (GUARDIAN_2022, data / "ru_ua_2022" / "Guardians_Russia_Ukraine.csv", ("published", "headlines", "articles")),
        (NYT_2022, data / "ru_ua_2022" / "NYT_Russia_Ukraine.csv", ("published", "headlines", "articles")),
        (GUARDIAN_FEB, data / "guardian_feb2022" / "guard-articles-nato.csv", ("Date Formatted", "Heading", "Text")),
    ):
        df = pd.read_csv(path)
        df = df.rename(columns=dict(zip(cols, ("published", "title", "text"))))[["published", "title", "text"]]
        df = df.dropna(subset=["text"])
        df["text"] = df["text"].astype(str).str.replace("\r\n", "\n").str.strip()
        df = df[df["text"].str.split().str.len() >= 50].drop_duplicates("text")
        if sample:
            df = df.sample(min(sample, len(df)), random_state=0)
        df["outlet"] = outlet
        df["published"] = pd.to_datetime(df["published"], errors="coerce", utc=True).dt.tz_localize(None).dt.normalize()
        frames.append(df)
    arts = pd.concat(frames, ignore_index=True)
    arts["article_id"] = [f"{o[:3].lower()}{i:04d}" for i, o in enumerate(arts["outlet"])]
    arts["n_words"] = arts["text"].str.split().str.len()
    arts["content_hash"] = [hashlib.sha256(t.encode()).hexdigest()[:16] for t in arts["text"]]
    return arts


def annotate(arts: pd.DataFrame):
    from toolkit import schema
    from toolkit.actors import extract_mentions
    from toolkit.actors.catalogue import load_catalogue
    from toolkit.context import ArticleContext
    from toolkit.corpus import AnnotatedCorpus
    from toolkit.framing import extract_framing, term_counts
    from toolkit.pipeline import cached_pipeline
    from toolkit.quotes import extract_quotes

    nlp = cached_pipeline()
    catalogue = load_catalogue()
    tables = {"sentences": [], "mentions": [], "quotes": [], "framing": []}
    terms = []
    records = arts.to_dict("records")
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16)):
        ctx = ArticleContext(rec["article_id"], outlet=rec["outlet"],
                             published=rec["published"].date() if pd.notna(rec["published"]) else None)
        mentions = extract_mentions(doc, ctx, catalogue)
        quotes = extract_quotes(doc, ctx, mentions)
        framing = extract_framing(doc, ctx, mentions=mentions, quotes=quotes)
        aid = rec["article_id"]
        tables["sentences"] += [{"article_id": aid, "sent_id": i, "start": s.start_char, "end": s.end_char, "text": s.text}
                                for i, s in enumerate(doc.sents)]
        for name, rows in (("mentions", mentions), ("quotes", quotes), ("framing", framing)):
            tables[name] += [{**r, "article_id": aid} for r in rows]
        terms += [{**t, "article_id": aid} for t in term_counts(doc, quotes)]
    corpus = AnnotatedCorpus(articles=schema.frame("articles", arts.to_dict("records")),
                             **{name: schema.frame(name, rows) for name, rows in tables.items()})
    return corpus, pd.DataFrame(terms)


def report(corpus, terms: pd.DataFrame, top: int) -> str:
    from toolkit import framing

    out = []
    arts = corpus.articles.groupby(corpus.articles["outlet"].astype("string")).agg(
        articles=("article_id", "size"), words=("n_words", "sum"))
    out += ["### Corpus", "", markdown(arts, index=True), ""]

    dist = framing.distinctive_terms(corpus, terms=terms, kinds=("lemma", "noun_phrase"), voice="outlet",
                                     min_count=10, top=top)
    out += [f"### Most distinctive terms per outlet (outlet's own voice; weighted log-odds z, top {top})", ""]
    for kind in ("lemma", "noun_phrase"):
        cols = {}
        for group, g in dist[dist["kind"] == kind].groupby("group"):
            cols[group] = [f"{t} ({z:.1f})" for t, z in zip(g["term"], g["z"])]
        width = max((len(v) for v in cols.values()), default=0)
        table = pd.DataFrame({k: v + [""] * (width - len(v)) for k, v in cols.items()})
        out += [f"**{kind}**", "", markdown(table), ""]

    mix = framing.attribution(corpus)
    overall = (mix.groupby(["outlet", "category"])["n"].sum().unstack(fill_value=0))
    shares = overall.div(overall.sum(axis=1), axis=0).round(3)
    shares["n_verbs"] = overall.sum(axis=1)
    out += ["### Attribution-verb mix (share of reporting verbs, all speakers)", "", markdown(shares, index=True), ""]
    sided = mix[mix["speaker_side"].isin(["Russia", "Ukraine"])]
    sided = sided.pivot_table(index=["outlet", "speaker_side"], columns="category", values="share", fill_value=0).round(3)
    sided["n_verbs"] = mix[mix["speaker_side"].isin(["Russia", "Ukraine"])].groupby(["outlet", "speaker_side"])["n"].sum()
    out += ["### Attribution-verb mix by speaker side", "", markdown(sided, index=True), ""]

    f = corpus.with_outlet("framing")
    naming = f[f["signal"].astype("string") == "naming"]
    naming = naming.assign(outlet=naming["outlet"].astype("string"))
    counts = naming.groupby(["category", "term", "outlet"]).size().unstack(fill_value=0)
    counts = counts[counts.sum(axis=1) >= 5]
    share = counts / counts.groupby(level="category").transform("sum")
    out += ["### Naming choices (share of each outlet's uses within the group)", "",
            markdown(share.round(3).assign(n=counts.sum(axis=1)), index=True), ""]

    rates = framing.by_outlet(corpus)
    rates = rates[rates["signal"].isin(["loaded_term", "euphemism", "official_term", "hedge", "epithet"])]
    rates = rates.groupby(["signal", "category", "voice", "outlet"])["per_1000_words"].sum().unstack().round(2)
    rates = rates[rates.sum(axis=1) > 0.05]
    out += ["### Signal rates per 1,000 words, outlet's voice vs quoted", "", markdown(rates, index=True), ""]

    voice = framing.voice(corpus, by="side")
    voice = voice.groupby(["outlet", "side"])[["n_quotes", "share_quotes", "share_words"]].sum()
    voice = voice[voice["share_quotes"] >= 0.02].round(3)
    out += ["### Share of voice by speaker side (sides with at least 2% of an outlet's quotes)", "",
            markdown(voice, index=True), ""]

    t = framing.tone(corpus)
    t = t.groupby(["outlet", "voice"])[["tone_mean", "share_negative"]].mean().round(3)
    out += ["### Tone (VADER lexicon score, mean of articles)", "", markdown(t, index=True), ""]
    return "\n".join(out)


def audit_rows(corpus, per_signal: int, seed: int = 1) -> str:
    """Random framing rows of each signal with their context, for a hand
    audit of term, category and voice (``--audit N``)."""
    text = corpus.articles.set_index("article_id")["text"].to_dict()
    f = corpus.framing
    lines = []
    for signal in ("loaded_term", "hedge", "euphemism", "official_term", "epithet", "agency"):
        rows = f[f["signal"].astype("string") == signal]
        lines.append(f"===== {signal}: {len(rows)} rows")
        for r in rows.sample(min(per_signal, len(rows)), random_state=seed).itertuples():
            context = text[r.article_id][max(0, r.start - 90):r.end + 60].replace("\n", " ")
            lines.append(f"[{r.term} | {r.category} | actor={r.actor_id} | in_quote={r.in_quote} | "
                         f"speaker={r.speaker_actor_id}] ...{context}...")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=None, help="at most N articles per outlet")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--out", type=Path, default=None, help="also write the markdown here")
    parser.add_argument("--audit", type=int, default=0, help="print N random rows per signal for a hand audit")
    args = parser.parse_args(argv)
    if not (args.data / "ru_ua_2022").exists():
        print(f"no corpora at {args.data}; skipped")
        return 0
    started = time.perf_counter()
    arts = read_articles(args.data, args.sample)
    corpus, terms = annotate(arts)
    if args.audit:
        print(audit_rows(corpus, args.audit))
        return 0
    text = report(corpus, terms, args.top)
    text += f"\n_{len(arts)} articles, {int(arts['n_words'].sum()):,} words, {time.perf_counter() - started:.0f}s._\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
