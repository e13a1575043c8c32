"""The one spaCy pipeline of the process, built once and shared by every stage."""

from .pipeline import MODEL, ents_in, get_nlp, parse, text_of

__all__ = ["MODEL", "ents_in", "get_nlp", "parse", "text_of"]
