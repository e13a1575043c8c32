"""Report files made in the tests from our own text: two-column PDF, scanned page, .docx, .eml.

Each maker returns the bytes and what a reader should give back, so the tests compare the
reader's output with the text that was laid out rather than with a stored answer.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

TITLE = "Northern Corridor Situation Report"
DATE_LINE = "Issued 4 March 2026 by the Frontier Monitor desk"
HEADER = "Frontier Monitor | Situation Report 12"
# Each paragraph as printed lines; the second splits "reinforcements" at a line end.
LEFT = [
    [
        "Gunmen attacked a police checkpoint near",
        "Kandahar on Monday, killing four officers",
        "and wounding two others, local officials said.",
    ],
    [
        "The provincial governor ordered reinforce-",
        "ments to the district after the attack and",
        "closed the main road to Spin Boldak.",
    ],
]
RIGHT = [
    [
        "In Mosul, a roadside bomb struck a convoy",
        "of the Iraqi army on Tuesday, the defence",
        "ministry said. No casualties were reported.",
    ],
    [
        "Aid agencies suspended deliveries to the",
        "villages south of Mosul until the route is",
        "cleared of explosives.",
    ],
]
PAGE2 = [
    [
        "Protesters gathered outside the governor's",
        "office in Herat on Wednesday to demand",
        "the release of detained traders.",
    ],
]
PAGE2_RIGHT = [
    ["Police dispersed the crowd with tear gas", "and arrested eleven people, witnesses", "said."],
]


def joined(paragraph: list[str]) -> str:
    """How a reader should rejoin a printed paragraph (the one hyphenated word made whole)."""
    return " ".join(paragraph).replace("reinforce- ments", "reinforcements")


def pdf_expected() -> tuple[str, str]:
    """The two pages' texts in reading order."""
    page1 = [TITLE, DATE_LINE, *(joined(p) for p in LEFT), *(joined(p) for p in RIGHT)]
    page2 = [*(joined(p) for p in PAGE2), *(joined(p) for p in PAGE2_RIGHT)]
    return "\n\n".join(page1), "\n\n".join(page2)


def _column(c, paragraphs: list[list[str]], x: float, y: float) -> None:
    for paragraph in paragraphs:
        for line in paragraph:
            c.drawString(x, y, line)
            y -= 13
        y -= 10


def two_column_pdf(encrypt: object = None, metadata_title: bool = False) -> bytes:
    """Two A4 pages: running header, page-number footer, a title across, then two columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if metadata_title:
        c.setTitle("Corridor report from the metadata")
    width, height = A4
    for number, (left, right) in enumerate([(LEFT, RIGHT), (PAGE2, PAGE2_RIGHT)], 1):
        c.setFont("Helvetica", 8)
        c.drawString(50, height - 30, HEADER)
        c.drawCentredString(width / 2, 25, str(number))
        top = height - 80
        if number == 1:
            c.setFont("Helvetica-Bold", 18)
            c.drawString(50, top, TITLE)
            c.setFont("Helvetica", 10)
            c.drawString(50, top - 24, DATE_LINE)
            top -= 60
        c.setFont("Helvetica", 10)
        _column(c, left, 50, top)
        _column(c, right, 310, top)
        c.showPage()
    c.save()
    return buf.getvalue()


SCAN_PARAGRAPHS = [
    "Militants fired rockets at an army base near Kandahar on Sunday, killing two soldiers, "
    "the provincial police chief said.",
    "Residents of the nearby villages fled towards the city as the fighting spread along the "
    "main road during the afternoon.",
    "The governor said that security forces had arrested three suspects and seized a truck "
    "loaded with weapons and explosives.",
]


def scanned_page(dpi: int = 200) -> tuple[bytes, str]:
    """A PNG of a printed page (our text, DejaVu Sans at 11 pt) and the text on it."""
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    font = ImageFont.truetype("DejaVuSans.ttf", int(11 * scale))
    page = Image.new("L", (int(8.27 * dpi), int(5 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    y = int(50 * scale)
    for paragraph in SCAN_PARAGRAPHS:
        for line in textwrap.wrap(paragraph, 70):
            draw.text((int(50 * scale), y), line, font=font, fill=0)
            y += int(16 * scale)
        y += int(12 * scale)
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue(), "\n\n".join(SCAN_PARAGRAPHS)


def scanned_pdf() -> tuple[bytes, str]:
    """A PDF whose one page is the scanned image, with no text layer."""
    from PIL import Image

    png, text = scanned_page()
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="PDF", resolution=200)
    return out.getvalue(), text


DOCX_TITLE = "Weekly security brief: Herat province"
DOCX_PARAGRAPHS = [
    "Unknown attackers set fire to a girls' school in Herat on Thursday night, the education "
    "department said.",
    "Police in Kabul arrested two men suspected of planning the attack.",
]


def docx_file() -> bytes:
    """A Word file: a Heading 1, two body paragraphs and a two-row table."""
    import docx

    word = docx.Document()
    word.add_heading(DOCX_TITLE, level=1)
    for p in DOCX_PARAGRAPHS:
        word.add_paragraph(p)
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate([("District", "Incidents"), ("Injil", "3")]):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    word.core_properties.author = "Rana Haidari"
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


EMAIL_BODY = (
    "Dear colleagues,\n\nA car bomb exploded near the central market in Mosul on "
    "Friday morning, killing six civilians, police said.\n\nThe full situation report "
    "is attached.\n"
)


def eml_file(attachment: bytes | None = None, name: str = "sitrep.pdf") -> bytes:
    """A message from a named sender with a body and, by default, the two-column PDF attached."""
    msg = EmailMessage()
    msg["From"] = "Layla Hassan <layla.hassan@frontier-monitor.org>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Fwd: Mosul market bombing"
    msg["Date"] = "Fri, 06 Mar 2026 09:15:00 +0300"
    msg.set_content(EMAIL_BODY)
    data = two_column_pdf() if attachment is None else attachment
    msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes()


def read(data: bytes, name: str) -> list:
    """What the reader of ``name``'s type gives for these bytes (Documents and InputErrors)."""
    from sitrep.ingest.formats import read_bytes

    return list(read_bytes(data, name, name.rsplit(".", 1)[0]))


def analysed(doc) -> dict:
    """A Document through the whole pipeline, as validated contract JSON with exact offsets."""
    from conftest import check_offsets

    from sitrep.pipeline import analyze
    from sitrep.serialize import to_dict, validate

    data = to_dict(next(analyze([doc])))
    validate(data)
    check_offsets(data)
    return data


def place_names(data: dict) -> set[str]:
    """Place names as written in the text (resolved names may carry diacritics)."""
    return {m["text"] for m in data["mentions"] if m["kind"] == "place"}
