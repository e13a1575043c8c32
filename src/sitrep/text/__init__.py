"""Text layer: paragraphs with exact offsets, and repeated passages."""

from .layer import find_duplicates, paragraphs

__all__ = ["find_duplicates", "paragraphs"]
