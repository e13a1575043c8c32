"""Read reports from files, folders, JSON, JSON Lines, HTML or stdin into Documents.

Readers never raise on bad input: they yield an :class:`InputError` naming the file (and
line) and the problem, so that a batch goes on past it.
"""

from .readers import MAX_CHARS, InputError, read_inputs, read_text_input

__all__ = ["MAX_CHARS", "InputError", "read_inputs", "read_text_input"]
