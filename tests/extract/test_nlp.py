"""The pinned model is the one installed; extraction still runs on a blank pipeline without it."""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import pytest

from api.extract import extract_document
from api.extract import nlp as nlp_mod

WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


def _model_dir() -> Path:
    pkg = importlib.import_module(nlp_mod.MODEL)
    root = Path(pkg.__file__).parent
    return next(p.parent for p in root.rglob("config.cfg"))


@pytest.mark.parametrize("rel,digest", sorted(WEIGHTS.items()))
def test_installed_model_weights_are_the_pinned_ones(rel, digest):
    data = (_model_dir() / rel).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest


def test_pipeline_is_loaded_once_with_the_gazetteer_before_ner(nlp):
    assert nlp_mod.get_nlp()[0] is nlp
    names = nlp.pipe_names
    assert "lemmatizer" not in names
    assert names.index("entity_ruler") < names.index("ner")


def test_blank_pipeline_when_the_model_is_missing(monkeypatch, caplog):
    monkeypatch.setattr(nlp_mod, "MODEL", "no_such_model_xx")
    nlp_mod.get_nlp.cache_clear()
    try:
        pipeline, blank = nlp_mod.get_nlp()
        assert blank and "entity_ruler" in pipeline.pipe_names
        assert "unavailable" in caplog.text
        ex = extract_document("Headline here\nThe Kremlin said on Monday that talks had stalled.\n")
        assert any("blank pipeline" in n for n in ex.notes)
        assert any(a.name == "Kremlin" for a in ex.actors)
    finally:
        nlp_mod.get_nlp.cache_clear()
