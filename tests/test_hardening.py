"""Any input gives a valid analysis with exact offsets or a clear one-line error, never a traceback."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import check_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import InputError
from sitrep.ingest.metadata import fill_metadata
from sitrep.ingest.readers import document_from_record, read_path, read_text_input
from sitrep.model import Analysis, Document
from sitrep.pipeline import analyze
from sitrep.serialize import to_dict, validate
from sitrep.text import find_duplicates, paragraphs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus.jsonl"

# Right-to-left text, zero-width joiners, combining marks, NULs and line separators mixed with report words.
AWKWARD = st.lists(
    st.one_of(
        st.sampled_from(
            list("abc XYZ.,-\n\t'\"$")
            + [
                "\u200f",
                "\u200d",
                "\u202e",
                "\u0301",
                "\u0000",
                "\u2028",
                "\ufeff",
                "\ud7ff",
                "ادلب",
                "حلب",
                "Ürümqi",
                "Şanlıurfa",
                "Kyiv",
                "ß",
                "𝔘",
                "🙂",
                "al-",
                "Abu ",
                "Daesh",
                "$2,000",
            ]
        ),
        st.characters(),
    ),
    max_size=120,
).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _analyse(doc: Document | InputError) -> Analysis | InputError:
    return next(analyze([doc]))


def _assert_ok(result: Analysis | InputError) -> None:
    if isinstance(result, Analysis):
        data = to_dict(result)
        validate(data)
        check_offsets(data)
    else:
        assert isinstance(result, InputError)
        message = str(result)
        assert "\n" not in message and "Traceback" not in message
        assert result.stage != "analysis", message  # a stage crash is a bug, not bad input


@SETTINGS
@given(AWKWARD)
def test_text_layer_offsets_are_exact(text):
    for span in paragraphs(text):
        assert text[span.start : span.end] == span.text
    for dup in find_duplicates(paragraphs(text)):
        assert text[dup.span.start : dup.span.end] == dup.span.text


@SETTINGS
@given(AWKWARD)
def test_metadata_never_raises(text):
    doc = fill_metadata(Document(id="x", text=text))
    for value in (doc.byline, doc.outlet, doc.dateline, doc.title):
        assert value is None or isinstance(value, str)


@SETTINGS
@given(AWKWARD)
def test_any_text_gives_analysis_or_clear_error(text):
    _assert_ok(_analyse(read_text_input(text, "prop.txt")))


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(["id", "text", "published", "outlet", "title", "url", "x"]),
        st.one_of(st.none(), st.integers(), AWKWARD, st.lists(st.integers(), max_size=2)),
        max_size=6,
    )
)
def test_any_json_record_gives_document_or_error(record):
    result = document_from_record(record, "prop.jsonl:1")
    if isinstance(result, InputError):
        assert str(result).startswith("prop.jsonl:1: ")
    else:
        _assert_ok(_analyse(result))


def test_one_megabyte_single_line_document():
    # Twenty parse pieces (sitrep.nlp.pipeline.CHUNK_CHARS) joined into one Doc, with no line break
    # to bound a paragraph: offsets must stay exact and no stage may go quadratic.
    reports = [json.loads(line)["text"] for line in EXAMPLES.read_text("utf-8").splitlines()]
    body = " ".join(r.replace("\n", " ") for r in reports)
    text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    _assert_ok(_analyse(read_text_input(text, "long.txt")))


def test_fuzz_files(tmp_path):
    rng = random.Random(7)
    files = {
        "broken.html": "<html><body><div><p>Unclosed <b>tags <script>alert(1)</script>",
        "empty.html": "<html><head><title>x</title></head><body></body></html>",
        "array.json": json.dumps([{"text": "a list, not an object"}]),
        "truncated.json": '{"text": "cut off',
        "wrongtype.json": json.dumps({"text": 42}),
        "mixed.jsonl": '{"id": "ok", "text": "Fighters clashed near Gao on Monday."}\nnot json\n[1,2]\n{"id": 5, "text": ""}\n',
        "empty.txt": "",
        "spaces.txt": "   \n\t\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, "utf-8")
    (tmp_path / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (tmp_path / "latin1.txt").write_bytes("Café attaqué à Gao".encode("latin-1"))
    (tmp_path / "arabic.txt").write_bytes("قتل ثلاثة مدنيين في ادلب".encode("cp1256"))
    (tmp_path / "utf16.txt").write_bytes("Gunmen attacked a convoy.".encode("utf-16"))
    results = list(analyze(read_path(tmp_path)))
    errors = [r for r in results if isinstance(r, InputError)]
    good = [r for r in results if isinstance(r, Analysis)]
    for r in results:
        _assert_ok(r)
    assert {str(e).split(":")[0].rsplit("/", 1)[-1] for e in errors} >= {
        "random.txt",
        "latin1.txt",
        "arabic.txt",
        "utf16.txt",
        "array.json",
        "truncated.json",
        "wrongtype.json",
        "empty.txt",
        "spaces.txt",
        "mixed.jsonl",
    }
    assert any(a.document.id == "ok" for a in good)
    assert sum(str(e).startswith(str(tmp_path / "mixed.jsonl")) for e in errors) == 3


def test_cp1256_decodes_when_asked(tmp_path):
    path = tmp_path / "arabic.txt"
    path.write_bytes("قتل ثلاثة مدنيين في ادلب يوم الثلاثاء".encode("cp1256"))
    [doc] = list(read_path(path, encoding="cp1256"))
    assert isinstance(doc, Document) and "ادلب" in doc.text
    result = _analyse(doc)
    _assert_ok(result)
    assert any("English" in w for w in result.warnings)


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import sitrep.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_CHARS", 1000)
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    [err] = list(readers.read_path(path))
    assert isinstance(err, InputError) and "over the limit" in err.problem
