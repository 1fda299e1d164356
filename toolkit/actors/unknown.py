"""Actors the catalogue does not know, ranked for the analyst to promote.

:func:`unknown_actors` groups the uncatalogued mentions of an annotated corpus
(ids derived from names: ``per:``, ``org:``, ``loc:``, ``grp:``) by
``actor_id`` and ranks them by how many articles, then mentions, they occur
in. Each row carries what an analyst needs to write the catalogue entry: the
kind the model saw, every surface form, the outlets, and one example sentence.

A bare surname is never given the id of a full name from another article
(issue 13): "Kim" in one story and "Vitali Kim" in another may be two people
(on ru_ua_2022 the South Korean ambassador Kim and Mykolaiv's governor). The
row of a one-word person instead lists, in ``namesakes``, the uncatalogued
full names with that surname elsewhere in the corpus: a suggestion for the
analyst, who promotes the person (with the surname as an alias) when they are
one. Catalogued people need no folding: the ruler matches their aliases in
every article.

:func:`unify_person_ids` applies the folding to a mentions table within each
article; :func:`catalogue_stub` turns report rows into YAML catalogue entries.
"""

from __future__ import annotations

import pandas as pd

from toolkit.actors.names import name_key

DERIVED_PREFIXES = ("per:", "org:", "loc:", "grp:")
COLUMNS = ["actor_id", "name", "kind", "side", "surfaces", "namesakes", "n_articles", "n_mentions", "outlets",
           "example", "example_article_id"]


def unknown_actors(corpus, kinds: tuple[str, ...] | None = None, min_mentions: int = 1) -> pd.DataFrame:
    """Uncatalogued actors of ``corpus`` (an :class:`~toolkit.corpus.AnnotatedCorpus`)
    by frequency: ``actor_id, name, kind, side, surfaces, namesakes,
    n_articles, n_mentions, outlets, example, example_article_id``. ``side``
    is the side their titles most often give ("Russian presidential aide ...")
    or ``unknown``; ``namesakes`` (one-word people only) the full-name ids with
    that surname in other articles, never merged (module docstring).

    ``kinds`` keeps only those kinds (e.g. ``("person",)``); ``min_mentions``
    drops the long tail.
    """
    mentions = corpus.mentions
    unknown = mentions[mentions["actor_id"].astype("string").str.startswith(DERIVED_PREFIXES, na=False)].copy()
    if kinds is not None:
        unknown = unknown[unknown["kind"].astype("string").isin(list(kinds))]
    if unknown.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    articles = corpus.articles[["article_id", "outlet"]].astype({"outlet": "string"})
    unknown = unknown.merge(articles, on="article_id", how="left")
    table = pd.DataFrame(_summaries(unknown, corpus), columns=COLUMNS)
    table["namesakes"] = _namesakes(table["actor_id"].astype(str), table["kind"].astype(str))
    table = table[table["n_mentions"] >= min_mentions]
    return table.sort_values(["n_articles", "n_mentions", "actor_id"], ascending=[False, False, True]).reset_index(drop=True)


def unify_person_ids(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions table with surname folding over whole articles: a derived
    one-word person id (``per:demchenko``) becomes the one multi-word person id
    with that surname (``per:andriy_demchenko``) in the *same article*,
    ``actor`` and ``via="surname"`` with it.

    Never across articles (issue 13): with uncatalogued people that is a
    guess — on ru_ua_2022 it gave the South Korean ambassador "Kim" the id of
    Mykolaiv's governor Vitali Kim, and "Mr. Young" that of a Bryan Young from
    another story. People the catalogue knows need no folding (the ruler
    matches their surnames everywhere); promote a recurring person to the
    catalogue instead (:func:`unknown_actors` lists the candidates and their
    ``namesakes``).

    Args:
        mentions: an assembled mentions table.
    """
    out = mentions.copy()
    derived = out["actor_id"].astype("string").str.startswith("per:", na=False)
    if not derived.any():
        return out
    folded = _fold_per_article(out[derived])
    changed = folded != out.loc[derived, "actor_id"].astype(str)
    if not changed.any():
        return out
    index = changed[changed].index
    names = out[derived].groupby(out.loc[derived, "actor_id"].astype(str))["actor"].first()
    out.loc[index, "actor_id"] = folded[index]
    out.loc[index, "actor"] = folded[index].map(names).fillna(out.loc[index, "actor"].astype(str))
    if "via" in out and isinstance(out["via"].dtype, pd.CategoricalDtype) and "surname" not in out["via"].cat.categories:
        out["via"] = out["via"].cat.add_categories(["surname"])
    out.loc[index, "via"] = "surname"
    return out


def catalogue_stub(table: pd.DataFrame, side: str = "other") -> str:
    """YAML entries for rows of :func:`unknown_actors`, ready to edit and paste
    into an analyst's catalogue (``extends: default``): id without its prefix,
    the fullest name, kind, side (the row's, else ``side``), every surface as
    an alias."""
    import yaml

    entries = []
    for row in table.itertuples(index=False):
        entries.append({
            "actor_id": str(row.actor_id).split(":", 1)[-1],
            "name": str(row.name),
            "kind": str(row.kind),
            "side": row.side if getattr(row, "side", "unknown") not in (None, "unknown") else side,
            "role": "",
            "aliases": sorted({str(s) for s in row.surfaces}),
        })
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120)


def fold_corpus_surnames(unknown: pd.DataFrame) -> pd.Series:
    """``actor_id`` with one-word person ids (``per:demchenko``) replaced by the
    one multi-word person id with that surname in ``unknown``, if exactly one
    (:func:`unify_person_ids` calls it on one article at a time)."""
    ids = unknown["actor_id"].astype(str)
    mapping = _surname_mapping(ids[unknown["kind"].astype("string") == "person"].unique())
    return ids.map(lambda a: mapping.get(a, a))


def _surname_mapping(people) -> dict[str, str]:
    """``{one-word person id: the one multi-word person id with that surname}``
    among ``people`` (distinct person ids of one article)."""
    by_surname: dict[str, set[str]] = {}
    for actor_id in people:
        parts = actor_id.split(":", 1)[1].split("_")
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], set()).add(actor_id)
    mapping = {}
    for actor_id in people:
        parts = actor_id.split(":", 1)[1].split("_")
        targets = by_surname.get(parts[0], set()) if len(parts) == 1 else set()
        if len(targets) == 1:
            mapping[actor_id] = next(iter(targets))
    return mapping


def _fold_per_article(derived: pd.DataFrame) -> pd.Series:
    """:func:`fold_corpus_surnames` on each article's rows of ``derived``, in
    one pass over plain lists (a pandas groupby with a few Series operations
    per article cost ~2.5 ms per article, 0.4 s on 150 ru_ua_2022 articles:
    docs/results/scale.md); rows without an article id stay NaN, as they
    were left out of the groupby."""
    ids = derived["actor_id"].astype(str).tolist()
    is_person = (derived["kind"].astype("string") == "person").fillna(False).tolist()
    rows_of: dict = {}
    for pos, aid in enumerate(derived["article_id"].tolist()):
        if not pd.isna(aid):
            rows_of.setdefault(aid, []).append(pos)
    folded: list = [float("nan")] * len(ids)
    for positions in rows_of.values():
        mapping = _surname_mapping(dict.fromkeys(ids[p] for p in positions if is_person[p]))
        for p in positions:
            folded[p] = mapping.get(ids[p], ids[p])
    return pd.Series(folded, index=derived.index, dtype=object)


def _namesakes(ids: pd.Series, kinds: pd.Series) -> list[list[str]]:
    """For each one-word person id, the multi-word person ids ending in that
    surname (``per:demchenko`` -> ``["per:andriy_demchenko"]``); ``[]`` otherwise."""
    by_surname: dict[str, list[str]] = {}
    for actor_id, kind in zip(ids, kinds):
        parts = actor_id.split(":", 1)[-1].split("_")
        if kind == "person" and actor_id.startswith("per:") and len(parts) >= 2:
            by_surname.setdefault(parts[-1], []).append(actor_id)
    out = []
    for actor_id, kind in zip(ids, kinds):
        parts = actor_id.split(":", 1)[-1].split("_")
        single = kind == "person" and actor_id.startswith("per:") and len(parts) == 1
        out.append(sorted(by_surname.get(parts[0], [])) if single else [])
    return out


def _summaries(unknown: pd.DataFrame, corpus) -> list[dict]:
    """One summary row per ``actor_id`` of ``unknown`` (mentions with their
    outlet), in order of first appearance. Plain Python over the columns: a
    per-group pandas pass took 20-40 s for the ~2,000 unknown actors of
    ru_ua_2022."""
    from collections import Counter

    ids = unknown["actor_id"].astype(str).tolist()
    surface = unknown["surface"].astype(str).tolist()
    kind = unknown["kind"].astype(str).tolist()
    side = [None if pd.isna(v) or v == "unknown" else str(v) for v in unknown["side"].astype("string")]
    article = unknown["article_id"].astype(str).tolist()
    sent = pd.to_numeric(unknown["sent_id"], errors="coerce").tolist()
    outlet = [None if pd.isna(v) else str(v) for v in unknown["outlet"]]
    rows_of: dict[str, list[int]] = {}
    for i, actor_id in enumerate(ids):
        rows_of.setdefault(actor_id, []).append(i)
    # the example: the actor's first mention by article, then sentence
    first_of = {a: min(rows, key=lambda i: (article[i], sent[i])) for a, rows in rows_of.items()}
    texts = _sentence_texts(corpus, {(article[i], sent[i]) for i in first_of.values()})
    out = []
    for actor_id, rows in rows_of.items():
        surfaces = Counter(surface[i] for i in rows).most_common()  # ties: first seen first
        full = max(surfaces, key=lambda sc: (len(name_key(sc[0]).split()), sc[1]))[0]
        sides = Counter(side[i] for i in rows if side[i] is not None).most_common(1)
        first = first_of[actor_id]
        out.append({
            "actor_id": actor_id,
            "name": full,
            "kind": Counter(kind[i] for i in rows).most_common(1)[0][0],
            "side": sides[0][0] if sides else "unknown",
            "surfaces": [s for s, _ in surfaces],
            "n_articles": len({article[i] for i in rows}),
            "n_mentions": len(rows),
            "outlets": sorted({outlet[i] for i in rows if outlet[i] is not None}),
            "example": texts.get((article[first], sent[first])),
            "example_article_id": article[first],
        })
    return out


def _sentence_texts(corpus, keys: set) -> dict:
    """``(article_id, sent_id) -> text`` for ``keys``; empty for a corpus
    without the sentences table (it still gets a report)."""
    sentences = getattr(corpus, "sentences", None)
    if sentences is None or not len(sentences) or not {"article_id", "sent_id", "text"} <= set(sentences):
        return {}
    wanted = {a for a, _ in keys}
    s = sentences[sentences["article_id"].astype(str).isin(wanted)]
    return {k: t for k, t in zip(zip(s["article_id"].astype(str), pd.to_numeric(s["sent_id"], errors="coerce")),
                                 s["text"]) if k in keys and isinstance(t, str)}
