"""Claims stage: attributed statements with their source, its type and an Admiralty grade.

Runs after places and actors, so a source that names an actor or a person links to that
entity. Only attributed statements become claims: the outlet's own voice (unattributed
sentences) is the default source of everything else and is not listed, so that a claim always
means "someone other than the outlet said this". Repeated passages are read once.
"""

from spacy.tokens import Doc

from ..model import Analysis, Claim, Source
from .attribution import attributions
from .grading import grade
from .sources import make_source


def annotate(a: Analysis, doc: Doc) -> None:
    found: list[Claim] = []
    earlier: list[Source] = []
    for sent in doc.sents:
        if a.in_duplicate(sent.start_char):
            continue
        for att in sorted(
            attributions(sent), key=lambda x: (x.content[0], x.content[0] - x.content[1])
        ):
            source = make_source(a, doc, *att.source, earlier)
            earlier.append(source)
            lo, hi = att.content
            found.append(
                Claim(
                    id="",
                    start=lo,
                    end=hi,
                    text=a.document.text[lo:hi],
                    source=source,
                    cue=a.span(*att.cue),
                )
            )
    grade(found, doc)
    for claim in found:
        claim.id = a.new_id("cl", a.claims)
        a.claims.append(claim)
