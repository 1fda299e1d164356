"""Provenance: the credited source of the passage each claim and quote sits in.

A corpus-level step over the tables (the claims and quotes extractors are not
touched): :func:`add_via` gives each row of ``claims`` or ``quotes``

* ``via_source_id`` / ``via`` / ``via_kind`` — the agency or outlet the
  article credits for the passage the row sits in;
* ``via_scope`` — how far that credit reaches: ``sentence`` (a credit in the
  row's own sentence: "…, Putin said, per Reuters"), ``paragraph`` (a credit
  earlier in the same paragraph: "Tass news agency reported … . ‘We confirm
  seven deaths,’ …"), ``article`` (a wire credit or republication line for the
  whole article: "AFP and AP contributed to this report"), or ``copy`` (no
  credit, but the passage is shared copy of an article another outlet
  published earlier, :func:`toolkit.sourcing.copies.find_copies`);
* ``via_agency`` — the passage was reached through a wire agency;
* ``via_copy_of`` — the earlier article of another outlet whose copy the
  passage is, when ``copies`` are given;
* ``via_chain`` — the chain read from the outlet back to the claimant or
  speaker: ``"amedpost.com ← Express ← Ukraine's State Emergency Service"``,
  ``"Kyiv Post ← Reuters ← Vladimir Putin"``.

A credit to the article's own outlet ("told the Guardian" in the Guardian) is
the outlet's own reporting, not a hop: it never becomes ``via``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

import pandas as pd

from toolkit import schema

#: kinds that credit the passage they sit in (a wire credit speaks for the article)
PASSAGE_KINDS = ("citation", "interview_with", "republished_from")
ARROW = " ← "


class ViaContext:
    """What :func:`add_via` reads of the sourcing, articles and copies tables,
    indexed once: pass one to several :func:`add_via` calls on the same
    corpus (claims and quotes) instead of indexing the same tables twice."""

    def __init__(self, sourcing: pd.DataFrame, articles: pd.DataFrame, copies: pd.DataFrame | None = None):
        arts = articles.set_index(articles["article_id"].astype(str))
        self.outlet_of = arts["outlet"].astype("string").fillna("unknown").to_dict()
        self.text_of = arts["text"].astype("string").fillna("").to_dict()
        self.credits = _credits_by_article(sourcing, self.outlet_of, self.text_of)
        self.copied = _copied_spans(copies) if copies is not None else {}
        self.breaks: dict[str, list[int]] = {}


def add_via(table: pd.DataFrame, sourcing: pd.DataFrame | None, articles: pd.DataFrame | None, *,
            who: str | None = None, copies: pd.DataFrame | None = None,
            context: ViaContext | None = None) -> pd.DataFrame:
    """``claims`` or ``quotes`` with the provenance columns (see the module docstring).

    Args:
        table: the ``claims`` or ``quotes`` table (``article_id, sent_id, start``).
        sourcing: the ``sourcing`` table of the same corpus.
        articles: the ``articles`` table (``article_id, outlet, text``): the
            outlet starts each chain, the text gives paragraph boundaries.
        who: the column naming the claimant or speaker at the end of the chain
            (default ``claimant`` when present, else ``speaker``).
        copies: optionally the ``copies`` table, to follow uncredited passages
            to the earlier article of another outlet they were copied from.
        context: a :class:`ViaContext` of the same ``sourcing``, ``articles``
            and ``copies`` (then those three are not read again).

    Returns:
        A copy of ``table`` with ``via_source_id, via, via_kind, via_scope,
        via_agency, via_copy_of, via_chain`` (existing columns of those names are
        replaced).

    Method:
        Per article, the credits of kinds citation / interview_with /
        republished_from are indexed by sentence and paragraph (paragraphs are
        the text between line breaks). A row takes, in this order, the first
        credit of its own sentence (the outermost hop; later credits of that
        sentence follow it in the chain: "Per AFP, … according to RIA Novosti"
        → AFP ← RIA Novosti), else the nearest credit before it in its
        paragraph, else an article-wide wire credit or republication line,
        else — with ``copies`` — the earlier cross-outlet article whose shared
        passage covers the row. Self-credits are skipped.

    Source:
        Written for this project.
    """
    out = table.copy()
    who = who or ("claimant" if "claimant" in out.columns else "speaker")
    cols = {"via_source_id": [], "via": [], "via_kind": [], "via_scope": [], "via_agency": [], "via_copy_of": [],
            "via_chain": []}
    if len(out) == 0:
        for name in cols:
            out[name] = pd.Series(dtype=_dtype(name))
        return out
    context = context if context is not None else ViaContext(sourcing, articles, copies)
    outlet_of, text_of, credits, copied = context.outlet_of, context.text_of, context.credits, context.copied
    breaks = context.breaks  # line breaks per article, found once

    for aid, sent_id, start, claimant in zip(out["article_id"].astype(str), out["sent_id"], out["start"],
                                             out[who] if who in out.columns else [None] * len(out)):
        outlet = outlet_of.get(aid, "unknown")
        found = credits.get(aid, {})
        hops: list[dict] = []
        scope = None
        if aid not in breaks:
            text = text_of.get(aid, "")
            breaks[aid] = _newlines(text)
        para = bisect.bisect_right(breaks[aid], int(start)) if not pd.isna(start) else None
        in_sentence = [c for c in found.get("passage", []) if not pd.isna(sent_id) and c["sent_id"] == int(sent_id)]
        if in_sentence:
            hops, scope = in_sentence, "sentence"
        else:
            before = [c for c in found.get("passage", [])
                      if para is not None and c["para"] == para and not pd.isna(start) and c["start"] < int(start)]
            if before:
                hops, scope = [before[-1]], "paragraph"
            elif found.get("article"):
                hops, scope = [found["article"][0]], "article"
        copy_of = None
        if not hops and not pd.isna(start):
            for a0, a1, source_article, source_outlet in copied.get(aid, []):
                if a0 <= int(start) < a1 and source_outlet != outlet:
                    copy_of, scope = (source_article, source_outlet), "copy"
                    break
        first = hops[0] if hops else None
        cols["via_source_id"].append(first["source_id"] if first else None)
        cols["via"].append(first["source"] if first else (copy_of[1] if copy_of else None))
        cols["via_kind"].append(first["kind"] if first else ("shared_copy" if copy_of else None))
        cols["via_scope"].append(scope)
        cols["via_agency"].append(any(h["source_type"] == "agency" for h in hops) if hops else False)
        cols["via_copy_of"].append(copy_of[0] if copy_of else None)
        chain = [str(outlet)]
        if copy_of:
            chain.append(f"{copy_of[1]} (shared copy)")
        chain += [str(h["source"]) for h in hops]
        if isinstance(claimant, str) and claimant and claimant not in chain and claimant != "unknown":
            chain.append(claimant)
        cols["via_chain"].append(ARROW.join(chain) if len(chain) > 1 else None)
    for name, values in cols.items():
        out[name] = pd.Series(values, index=out.index, dtype=object).astype(_dtype(name))
    return out


def _newlines(text: str) -> list[int]:
    """Offsets of every line break in ``text`` (``str.find``, not a Python loop per character)."""
    out, i = [], text.find("\n")
    while i != -1:
        out.append(i)
        i = text.find("\n", i + 1)
    return out


def _dtype(name: str) -> str:
    return {"via_kind": schema.CAT, "via_scope": schema.CAT, "via_agency": schema.BOOL}.get(name, schema.STR)


def _credits_by_article(sourcing: pd.DataFrame, outlet_of: dict, text_of: dict) -> dict[str, dict[str, list[dict]]]:
    by_article: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"passage": [], "article": []})
    if sourcing is None or len(sourcing) == 0:
        return {}
    rows = sourcing.sort_values(["article_id", "start"]).to_dict("records")
    breaks: dict[str, list[int]] = {}
    for r in rows:
        aid = str(r["article_id"])
        if _is_self_credit(r, outlet_of.get(aid)):
            continue  # the outlet's own reporting, not a hop
        entry = {k: r.get(k) for k in ("sent_id", "start", "source_id", "source", "source_type", "kind", "cue")}
        if aid not in breaks:
            breaks[aid] = _newlines(text_of.get(aid, ""))
        entry["para"] = bisect.bisect_right(breaks[aid], int(r["start"]))
        if r["kind"] in PASSAGE_KINDS and r.get("cue") != "embedded post" and not str(r.get("cue") or "").startswith(
                ("originally", "first", "this ")):
            by_article[aid]["passage"].append(entry)
        if r["kind"] == "wire_credit" or (r["kind"] == "republished_from" and r.get("cue") != "embedded post"):
            by_article[aid]["article"].append(entry)
    return dict(by_article)


def _is_self_credit(row: dict, outlet) -> bool:
    """The extractor's ``self_credit`` (decided with the list annotate used);
    for a table saved before that column existed, the shipped list decides."""
    flag = row.get("self_credit")
    if flag is not None and not pd.isna(flag):
        return bool(flag)
    from toolkit.sourcing.sources import cached_sources

    own = cached_sources().for_outlet(outlet)
    return own is not None and row["source_id"] == own.source_id


def _copied_spans(copies: pd.DataFrame) -> dict[str, list[tuple[int, int, str, str]]]:
    """article_b -> [(b_start, b_end, article_a, outlet_a)] for pairs where a was published first."""
    from toolkit.sourcing.copies import parse_spans

    out: dict[str, list] = defaultdict(list)
    for r in copies.itertuples(index=False):
        if r.first_published != "article_a":
            continue
        for _, _, b0, b1 in parse_spans(r.spans):
            out[str(r.article_b)].append((b0, b1, str(r.article_a), str(r.outlet_a)))
    return dict(out)
