"""Views of an analysis for people: a terminal digest and a self-contained HTML page."""

from .html import render_html
from .text import render_text

__all__ = ["render_html", "render_text"]
