"""Shared copy: passages two articles carry word for word or nearly.

Corpus-level analysis, tables in → tidy frames out (charts only encode them):

* :func:`find_copies` — the ``copies`` table (one row per pair of articles that
  share copy, see :mod:`toolkit.schema`), from ``articles``;
* :func:`copy_passages` — one row per shared passage of those pairs, with the
  text on both sides (every figure traces to its sentences);
* :func:`copy_matrix` — outlet × outlet: how many article pairs, how many words
  of shared copy, and who published first.

Method. Each article's text is split into words (lower-cased ``\\w+``); every
run of ``k`` consecutive words (a *shingle*, k = 5) gets a 64-bit hash. Shingles
found in more than ``max_df`` of the articles are boilerplate ("Sign up to First
Edition, our free daily newsletter") and are dropped. Articles are cut into
overlapping windows of ``window`` words (stride ``window // 2``) and each window
gets a MinHash signature (``datasketch.MinHash``, ``num_perm`` permutations);
``datasketch.MinHashLSH`` returns the windows of *other* articles whose
estimated Jaccard similarity may exceed ``threshold`` — no pair of articles is
ever compared unless LSH puts two of their windows in one bucket, so the cost
grows with the number of windows, not with its square. Each candidate pair is
then checked exactly: the shingles the two articles share, aligned in reading
order into passages (runs of shared shingles whose positions advance together
in both articles), kept when they cover at least ``min_words`` words.

Windows, not whole articles, are hashed so that one wire paragraph inside a
long live blog is still found; a whole-article MinHash would see a Jaccard of
0.02 there.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit import schema

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MASK32 = np.uint64(0xFFFFFFFF)


@dataclass
class _Article:
    article_id: str
    starts: np.ndarray  # char start of each word
    ends: np.ndarray  # char end of each word
    shingles: np.ndarray  # uint64 hash of the k-word run starting at each word (len = n_words - k + 1)
    keep: np.ndarray  # bool: shingle is not boilerplate


def _token_hash(token: str, cache: dict[str, int]) -> int:
    h = cache.get(token)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
        cache[token] = h
    return h


def _shingle_hashes(token_hashes: np.ndarray, k: int) -> np.ndarray:
    """Order-sensitive hash of each run of k token hashes (rotate-xor), vectorised."""
    n = len(token_hashes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    out = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        part = token_hashes[j:j + n]
        rot = np.uint64(7 * j + 1)
        out ^= (part << rot) | (part >> (np.uint64(64) - rot))
    return out


def _prepare(articles: pd.DataFrame, k: int) -> list[_Article]:
    cache: dict[str, int] = {}
    prepared = []
    for aid, text in zip(articles["article_id"].astype(str), articles["text"].fillna("").astype(str)):
        spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        hashes = np.fromiter((_token_hash(t, cache) for _, _, t in spans), dtype=np.uint64, count=len(spans))
        sh = _shingle_hashes(hashes, k)
        prepared.append(_Article(
            article_id=aid,
            starts=np.fromiter((s for s, _, _ in spans), dtype=np.int64, count=len(spans)),
            ends=np.fromiter((e for _, e, _ in spans), dtype=np.int64, count=len(spans)),
            shingles=sh,
            keep=np.ones(len(sh), dtype=bool),
        ))
    return prepared


def find_copies(
    articles: pd.DataFrame,
    *,
    k: int = 5,
    window: int = 50,
    num_perm: int = 64,
    threshold: float = 0.3,
    min_words: int = 25,
    max_df: float = 0.02,
    same_outlet: bool = True,
    progress: bool = False,
) -> pd.DataFrame:
    """Pairs of articles that share passages of text.

    Args:
        articles: the ``articles`` table (``article_id, outlet, published, text``).
        k: words per shingle.
        window: words per MinHash window (stride ``window // 2``).
        num_perm: MinHash permutations per window.
        threshold: LSH Jaccard threshold for two windows to become a candidate pair.
        min_words: a pair is kept when its aligned shared passages cover at
            least this many words (in the shorter side).
        max_df: shingles found in more than this share of the articles (at
            least 10 articles) are boilerplate and ignored.
        same_outlet: keep pairs from one outlet too (a live blog re-using its
            own paragraphs); ``False`` keeps cross-outlet pairs only.
        progress: a tqdm bar over the windows.

    Returns:
        The ``copies`` table: one row per pair, ``article_a`` the one published
        first when both dates are known (``first_published`` says which, or
        ``same_time`` / ``unknown``), ``spans`` the aligned passages as
        ``"a_start-a_end>b_start-b_end"`` joined by ``";"`` (character offsets
        into each article's text), ``n_shared_words`` (words in shared passages,
        the smaller of the two sides), ``share_a``/``share_b`` (those words over
        each article's words) and ``similarity`` (Jaccard of the two articles'
        non-boilerplate shingle sets).

    Method:
        See the module docstring: 5-word shingles, MinHash/LSH over windows
        (``datasketch``), exact alignment of the candidate pairs.

    Source:
        Broder (1997), "On the resemblance and containment of documents";
        ``datasketch`` (MIT) for MinHash and LSH.
    """
    from datasketch import MinHash, MinHashLSH

    arts = articles.reset_index(drop=True)
    if len(arts) < 2:
        return schema.frame("copies")
    prepared = _prepare(arts, k)
    # boilerplate shingles: in more than max_df of the articles
    df_count: Counter = Counter()
    for a in prepared:
        df_count.update(np.unique(a.shingles).tolist())
    limit = max(10, int(max_df * len(prepared)))
    common = {h for h, n in df_count.items() if n > limit}
    del df_count
    if common:
        common_arr = np.fromiter(common, dtype=np.uint64, count=len(common))
        for a in prepared:
            a.keep = ~np.isin(a.shingles, common_arr)

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    stride = max(1, window // 2)
    template = MinHash(num_perm=num_perm, seed=1, scheme="affine32")
    identity = _identity
    signatures: list[tuple[tuple[int, int], MinHash]] = []
    for ai, a in enumerate(prepared):
        sh = a.shingles[a.keep]
        if len(sh) < max(3, min_words // 4):
            continue
        for wi, lo in enumerate(range(0, max(1, len(sh) - window + stride), stride)):
            part = sh[lo:lo + window]
            if len(part) < 3:
                continue
            m = MinHash(num_perm=num_perm, seed=1, hashfunc=identity, permutations=template.permutations,
                        scheme="affine32")
            m.update_batch((part & _MASK32).tolist())
            key = (ai, wi)
            lsh.insert(key, m, check_duplication=False)
            signatures.append((key, m))
    candidates: set[tuple[int, int]] = set()
    iterator: Iterable = signatures
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(signatures, desc="copies", unit="window")
    for (ai, _), m in iterator:
        for bi, _ in lsh.query(m):
            if bi != ai:
                candidates.add((min(ai, bi), max(ai, bi)))
    del lsh, signatures

    outlet = arts["outlet"].astype("string").fillna("unknown").tolist() if "outlet" in arts else ["unknown"] * len(arts)
    published = pd.to_datetime(arts["published"], errors="coerce") if "published" in arts else pd.Series(pd.NaT, index=arts.index)
    rows = []
    for ai, bi in sorted(candidates):
        if not same_outlet and outlet[ai] == outlet[bi]:
            continue
        row = _verify(prepared[ai], prepared[bi], k, min_words)
        if row is None:
            continue
        # article_a is the one published first
        pa, pb = published.iloc[ai], published.iloc[bi]
        if pd.isna(pa) or pd.isna(pb):
            first = "unknown"
        elif pa == pb:
            first = "same_time"
        else:
            first = "article_a"
            if pb < pa:
                ai, bi = bi, ai
                row = _swap(row)
        rows.append({"article_a": prepared[ai].article_id, "article_b": prepared[bi].article_id,
                     "outlet_a": outlet[ai], "outlet_b": outlet[bi], "first_published": first, **row})
    out = schema.frame("copies", rows)
    return out.sort_values(["n_shared_words", "article_a", "article_b"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def _identity(x):
    return x


def _verify(a: _Article, b: _Article, k: int, min_words: int) -> dict | None:
    """Align the shingles a and b share into passages (exact check of an LSH candidate)."""
    sa, sb = a.shingles, b.shingles
    ka, kb = sa[a.keep], sb[b.keep]
    shared = np.intersect1d(ka, kb, assume_unique=False)
    if len(shared) == 0:
        return None
    union = len(np.union1d(ka, kb))
    # first position of each shared shingle in b
    b_pos: dict[int, int] = {}
    for j in np.nonzero(np.isin(sb, shared) & b.keep)[0].tolist():
        b_pos.setdefault(int(sb[j]), j)
    runs: list[list[int]] = []  # [a_first, a_last, b_first, b_last]
    for i in np.nonzero(np.isin(sa, shared) & a.keep)[0].tolist():
        j = b_pos[int(sa[i])]
        if runs:
            r = runs[-1]
            # the same passage when both sides advance together (small edits allowed)
            if 0 < i - r[1] <= k + 2 and 0 < j - r[3] <= k + 2:
                r[1], r[3] = i, j
                continue
        runs.append([i, i, j, j])
    passages = []
    cov_a = np.zeros(len(a.starts), dtype=bool)
    cov_b = np.zeros(len(b.starts), dtype=bool)
    for a0, a1, b0, b1 in runs:
        na, nb = a1 - a0 + k, b1 - b0 + k
        if min(na, nb) < max(k + 3, min_words // 3):
            continue  # a stray shared phrase ("the Russian president, Vladimir Putin"), not copy
        passages.append((int(a.starts[a0]), int(a.ends[a1 + k - 1]), int(b.starts[b0]), int(b.ends[b1 + k - 1])))
        cov_a[a0:a1 + k] = True
        cov_b[b0:b1 + k] = True
    # words, not shingles, and each word once (a live blog repeats its own paragraphs)
    words_a, words_b = int(cov_a.sum()), int(cov_b.sum())
    n_shared = min(words_a, words_b)
    if n_shared < min_words:
        return None
    return {
        "spans": ";".join(f"{p[0]}-{p[1]}>{p[2]}-{p[3]}" for p in passages),
        "n_shared_words": n_shared,
        "share_a": words_a / max(1, len(a.starts)),
        "share_b": words_b / max(1, len(b.starts)),
        "similarity": len(shared) / union if union else 0.0,
    }


def _swap(row: dict) -> dict:
    spans = ";".join(f"{p.split('>')[1]}>{p.split('>')[0]}" for p in row["spans"].split(";") if p)
    return {**row, "spans": spans, "share_a": row["share_b"], "share_b": row["share_a"]}


def parse_spans(spans: str) -> list[tuple[int, int, int, int]]:
    """``"a0-a1>b0-b1;…"`` → ``[(a0, a1, b0, b1), …]``."""
    out = []
    for part in (spans or "").split(";"):
        if not part:
            continue
        left, right = part.split(">")
        a0, a1 = left.split("-")
        b0, b1 = right.split("-")
        out.append((int(a0), int(a1), int(b0), int(b1)))
    return out


def copy_passages(copies: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per shared passage: ``article_a, a_start, a_end, text_a,
    article_b, b_start, b_end, text_b`` (offsets into each article's text), so
    an analyst reads both sides of every figure in the copies table."""
    text = articles.set_index("article_id")["text"].astype("string")
    rows = []
    for r in copies.itertuples(index=False):
        for a0, a1, b0, b1 in parse_spans(r.spans):
            rows.append({"article_a": r.article_a, "outlet_a": r.outlet_a, "a_start": a0, "a_end": a1,
                         "text_a": str(text.get(r.article_a, ""))[a0:a1],
                         "article_b": r.article_b, "outlet_b": r.outlet_b, "b_start": b0, "b_end": b1,
                         "text_b": str(text.get(r.article_b, ""))[b0:b1]})
    cols = ["article_a", "outlet_a", "a_start", "a_end", "text_a", "article_b", "outlet_b", "b_start", "b_end", "text_b"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"article_a": "string", "article_b": "string", "outlet_a": "category", "outlet_b": "category",
                       "a_start": "Int64", "a_end": "Int64", "b_start": "Int64", "b_end": "Int64",
                       "text_a": "string", "text_b": "string"})


def copy_matrix(copies: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Outlet × outlet shared copy, tidy: one row per ordered pair of outlets.

    ``outlet_first`` published the shared copy first, ``outlet_later`` carried
    it later (pairs with ``same_time``/``unknown`` order count in both
    directions, flagged by ``n_pairs_undated``). Columns: ``n_pairs``,
    ``n_pairs_undated``, ``shared_words`` (sum over pairs), ``articles_later``
    (articles of ``outlet_later`` sharing copy with ``outlet_first``) and
    ``share_of_later_articles`` (that over all of ``outlet_later``'s articles).
    Outlets with no shared copy still get their rows (0), so a chart shows
    every outlet.
    """
    outlets = sorted(articles["outlet"].astype("string").fillna("unknown").unique())
    per_outlet = articles["outlet"].astype("string").fillna("unknown").value_counts()
    acc: dict[tuple[str, str], dict] = defaultdict(lambda: {"n_pairs": 0, "n_pairs_undated": 0, "shared_words": 0,
                                                              "later_ids": set()})
    for r in copies.itertuples(index=False):
        dated = r.first_published == "article_a"
        directions = [(r.outlet_a, r.outlet_b, r.article_b)]
        if not dated:
            directions.append((r.outlet_b, r.outlet_a, r.article_a))
        for first, later, later_id in directions:
            cell = acc[(str(first), str(later))]
            cell["n_pairs"] += 1
            cell["n_pairs_undated"] += 0 if dated else 1
            cell["shared_words"] += int(r.n_shared_words)
            cell["later_ids"].add(later_id)
    rows = []
    for first in outlets:
        for later in outlets:
            cell = acc.get((first, later), {"n_pairs": 0, "n_pairs_undated": 0, "shared_words": 0, "later_ids": set()})
            n_later = len(cell["later_ids"])
            rows.append({"outlet_first": first, "outlet_later": later, "n_pairs": cell["n_pairs"],
                         "n_pairs_undated": cell["n_pairs_undated"], "shared_words": cell["shared_words"],
                         "articles_later": n_later,
                         "share_of_later_articles": n_later / per_outlet.get(later, 1) if per_outlet.get(later) else 0.0})
    out = pd.DataFrame(rows)
    return out.astype({"outlet_first": "category", "outlet_later": "category", "n_pairs": "Int64",
                       "n_pairs_undated": "Int64", "shared_words": "Int64", "articles_later": "Int64",
                       "share_of_later_articles": "Float64"})


def _words_key(text: str) -> str:
    return " ".join(m.group().lower() for m in _WORD.finditer(text))


def copy_groups(table: pd.DataFrame, copies: pd.DataFrame | None, articles: pd.DataFrame) -> pd.DataFrame:
    """Which rows of a text table (claims, quotes, …) are the same figure or
    quote carried in shared copy, so a comparison can count it once.

    Args:
        table: a table with ``article_id, start, end`` (character offsets of
            the row's own span: a claim's figure, a quote's words).
        copies: the ``copies`` table of the same articles
            (:func:`find_copies`); ``None`` or empty: nothing is shared.
        articles: the ``articles`` table (``article_id, outlet, published, text``).

    Returns:
        A frame on ``table``'s index: ``shared_group`` (one id per figure or
        quote found in several articles' shared copy, ``"<article_id>:<start>"``
        of its first publication; NA for rows not shared), ``first_copy``
        (``True`` for the row to count when a shared passage counts once: the
        earliest-published article's, and for every row not shared),
        ``n_copies`` (articles carrying it; 1 when not shared) and
        ``first_outlet`` (the outlet that published it first).

    Method:
        For every pair of the copies table and every aligned passage, the
        rows inside the passage on side a and on side b are matched by the
        words of their own span (lower-cased, punctuation ignored; the k-th
        occurrence on one side with the k-th on the other), so an edited
        figure ("at least 10" vs "10") or a quote the later outlet trimmed is
        not the same row. Matches are joined transitively (a wire story
        carried by three outlets is one group), and each group's first row is
        the one of the earliest-published article (undated last, then
        ``article_id``, then offset). A figure inside shared copy that only
        one side's extractor found stays a single row: it is counted once
        already.

    Source:
        Written for this project.
    """
    out = pd.DataFrame({"shared_group": pd.Series(pd.NA, index=table.index, dtype="string"),
                        "first_copy": pd.Series(True, index=table.index, dtype=bool),
                        "n_copies": pd.Series(1, index=table.index, dtype="Int64"),
                        "first_outlet": pd.Series(pd.NA, index=table.index, dtype="string")})
    if copies is None or len(copies) == 0 or len(table) == 0:
        return out
    arts = articles.drop_duplicates("article_id").set_index(articles.drop_duplicates("article_id")["article_id"].astype(str))
    text_of = arts["text"].astype("string").fillna("")
    paired = set(copies["article_a"].astype(str)) | set(copies["article_b"].astype(str))
    rows: dict[str, list[tuple[int, str, object]]] = defaultdict(list)
    for idx, aid, start, end in zip(table.index, table["article_id"].astype(str), table["start"], table["end"]):
        if aid not in paired or pd.isna(start) or pd.isna(end):
            continue
        rows[aid].append((int(start), _words_key(str(text_of.get(aid, ""))[int(start):int(end)]), idx))
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for r in copies.itertuples(index=False):
        side_a, side_b = rows.get(str(r.article_a)), rows.get(str(r.article_b))
        if not side_a or not side_b:
            continue
        for a0, a1, b0, b1 in parse_spans(r.spans):
            waiting: dict[str, list] = defaultdict(list)
            for start, key, idx in sorted(side_a, key=lambda t: t[0]):
                if a0 <= start < a1 and key:
                    waiting[key].append(idx)
            for start, key, idx in sorted(side_b, key=lambda t: t[0]):
                if b0 <= start < b1 and waiting.get(key):
                    ra, rb = find(waiting[key].pop(0)), find(idx)
                    parent.setdefault(ra, ra)
                    if ra != rb:
                        parent[rb] = ra
    if not parent:
        return out
    members: dict = defaultdict(list)
    for idx in list(parent):
        members[find(idx)].append(idx)
    published = pd.to_datetime(arts["published"], errors="coerce") if "published" in arts else None
    outlet = arts["outlet"].astype("string") if "outlet" in arts else None
    for group in members.values():
        group = sorted(set(group), key=lambda i: _first_key(table, i, published))
        first = group[0]
        aid = str(table.at[first, "article_id"])
        out.loc[group, "shared_group"] = f"{aid}:{int(table.at[first, 'start'])}"
        out.loc[group[1:], "first_copy"] = False
        out.loc[group, "n_copies"] = len({str(table.at[i, "article_id"]) for i in group})
        out.loc[group, "first_outlet"] = outlet.get(aid, pd.NA) if outlet is not None else pd.NA
    return out


def _first_key(table: pd.DataFrame, idx, published) -> tuple:
    aid = str(table.at[idx, "article_id"])
    when = published.get(aid, pd.NaT) if published is not None else pd.NaT
    return (pd.isna(when), when if not pd.isna(when) else pd.Timestamp.min, aid, int(table.at[idx, "start"]))


def corpus_copies(corpus) -> pd.DataFrame:
    """An :class:`~toolkit.corpus.AnnotatedCorpus`'s ``copies`` table: the one
    saved with it (``meta["copies"]`` records that it was computed), else
    :func:`find_copies` of its articles now."""
    if "copies" in corpus.meta:
        return corpus.copies
    return find_copies(corpus.articles)


def counted_once(table: pd.DataFrame, corpus, copies: pd.DataFrame | None = None) -> pd.DataFrame:
    """``table`` (claims or quotes, any extra columns) without the rows that
    repeat a figure or quote of an earlier article's shared copy: each shared
    passage's figures and quotes count once, for the outlet that published
    them first (:func:`copy_groups`). ``copies``: default
    :func:`corpus_copies`. The comparisons that offer this
    (``once_per_copy=True``: the claims analyses, share of voice) call it; rows
    not in shared copy are all kept."""
    copies = corpus_copies(corpus) if copies is None else copies
    keep = copy_groups(table, copies, corpus.articles)["first_copy"]
    return table[keep.to_numpy()]
