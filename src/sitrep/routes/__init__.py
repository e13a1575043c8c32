"""Routes stage (in progress): adds nothing yet."""
from spacy.tokens import Doc

from ..model import Analysis


def annotate(a: Analysis, doc: Doc) -> None:
    """Not built yet: the analysis keeps an empty list rather than a faked one."""
