"""The one spaCy pipeline of the process, built once and shared by every stage."""
from .pipeline import MODEL, get_nlp, parse

__all__ = ["MODEL", "get_nlp", "parse"]
