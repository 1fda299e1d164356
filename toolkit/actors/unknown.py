"""Actors the catalogue does not know, ranked for the analyst to promote.

:func:`unknown_actors` groups the uncatalogued mentions of an annotated corpus
(ids derived from names: ``per:``, ``org:``, ``loc:``, ``grp:``) by
``actor_id`` and ranks them by how many articles, then mentions, they occur
in. Each row carries what an analyst needs to write the catalogue entry: the
kind the model saw, every surface form, the outlets, and one example sentence.
Bare surnames that the per-article folding could not attach (the full name is
in another article) are attached here when exactly one uncatalogued person in
the corpus has that surname, so "Demchenko" in one article and "Andriy
Demchenko" in another are one row.

:func:`unify_person_ids` applies the folding to a mentions table, within each
article unless asked to fold across articles; :func:`catalogue_stub` turns report rows into YAML catalogue entries.
"""

from __future__ import annotations

import pandas as pd

from toolkit.actors.names import name_key

DERIVED_PREFIXES = ("per:", "org:", "loc:", "grp:")
COLUMNS = ["actor_id", "name", "kind", "side", "surfaces", "n_articles", "n_mentions", "outlets", "example",
           "example_article_id"]


def unknown_actors(corpus, kinds: tuple[str, ...] | None = None, min_mentions: int = 1) -> pd.DataFrame:
    """Uncatalogued actors of ``corpus`` (an :class:`~toolkit.corpus.AnnotatedCorpus`)
    by frequency: ``actor_id, name, kind, side, surfaces, n_articles,
    n_mentions, outlets, example, example_article_id``. ``side`` is the side
    their titles most often give ("Russian presidential aide ...") or
    ``unknown``.

    ``kinds`` keeps only those kinds (e.g. ``("person",)``); ``min_mentions``
    drops the long tail.
    """
    mentions = corpus.mentions
    unknown = mentions[mentions["actor_id"].astype("string").str.startswith(DERIVED_PREFIXES, na=False)].copy()
    if kinds is not None:
        unknown = unknown[unknown["kind"].astype("string").isin(list(kinds))]
    if unknown.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    unknown["actor_id"] = fold_corpus_surnames(unknown)
    articles = corpus.articles[["article_id", "outlet"]].astype({"outlet": "string"})
    unknown = unknown.merge(articles, on="article_id", how="left")
    rows = [_summary(actor_id, group, corpus) for actor_id, group in unknown.groupby("actor_id", sort=False)]
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table[table["n_mentions"] >= min_mentions]
    return table.sort_values(["n_articles", "n_mentions", "actor_id"], ascending=[False, False, True]).reset_index(drop=True)


def unify_person_ids(mentions: pd.DataFrame, across_articles: bool = False) -> pd.DataFrame:
    """The mentions table with surname folding over whole articles: a derived
    one-word person id (``per:demchenko``) becomes the one multi-word person id
    with that surname (``per:andriy_demchenko``), ``actor`` and
    ``via="surname"`` with it.

    Args:
        mentions: an assembled mentions table.
        across_articles: also fold a surname into a full name found only in
            *another* article. Off by default (issue 13): with uncatalogued
            people that is a guess — on ru_ua_2022 it gave the South Korean
            ambassador "Kim" the id of Mykolaiv's governor Vitali Kim, and
            "Mr. Young" that of a Bryan Young from another story. People the
            catalogue knows need no folding (the ruler matches their surnames
            everywhere); promote a recurring person to the catalogue instead
            (:func:`unknown_actors` lists the candidates).
    """
    out = mentions.copy()
    derived = out["actor_id"].astype("string").str.startswith("per:", na=False)
    if not derived.any():
        return out
    if across_articles:
        folded = fold_corpus_surnames(out[derived])
    else:
        folded = pd.concat([fold_corpus_surnames(group) for _, group in out[derived].groupby("article_id", sort=False, observed=True)])
        folded = folded.reindex(out[derived].index)
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
    one multi-word person id with that surname in the corpus, if exactly one."""
    ids = unknown["actor_id"].astype(str)
    people = ids[unknown["kind"].astype("string") == "person"].unique()
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
    return ids.map(lambda a: mapping.get(a, a))


def _summary(actor_id: str, group: pd.DataFrame, corpus) -> dict:
    surfaces = group["surface"].astype(str).value_counts()
    full = max(surfaces.index, key=lambda s: (len(name_key(s).split()), surfaces[s]))
    first = group.sort_values(["article_id", "sent_id"]).iloc[0]
    try:
        example = corpus.sentence(first["article_id"], int(first["sent_id"]))
    except Exception:  # a corpus without the sentences table still gets a report
        example = None
    kinds = group["kind"].astype(str).value_counts()
    sides = group["side"].astype("string").dropna()
    sides = sides[sides != "unknown"].value_counts()
    return {
        "actor_id": actor_id,
        "name": full,
        "kind": kinds.index[0],
        "side": sides.index[0] if len(sides) else "unknown",
        "surfaces": list(surfaces.index),
        "n_articles": int(group["article_id"].nunique()),
        "n_mentions": int(len(group)),
        "outlets": sorted(group["outlet"].dropna().astype(str).unique().tolist()),
        "example": example if isinstance(example, str) else None,
        "example_article_id": str(first["article_id"]),
    }
