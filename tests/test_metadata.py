"""Lead-in metadata: title, byline, outlet, dateline in both shapes, published date, language."""

from __future__ import annotations

import pytest

from sitrep.ingest.metadata import detect_language, fill_metadata
from sitrep.model import Document

BODY = (
    "Gunmen attacked a police checkpoint outside the town late on Monday, killing two officers, "
    "a local official said. The attackers fled towards the hills, residents said."
)


def meta(text: str, **given) -> Document:
    return fill_metadata(Document(id="t", text=text, **given))


def test_reporting_by_byline_and_outlet_first_dateline():
    doc = meta(f"Reporting by Hana Aziz\nCedar Files (Tripoli)- {BODY}")
    assert (doc.byline, doc.outlet, doc.dateline) == ("Hana Aziz", "Cedar Files", "Tripoli")
    assert doc.published is None  # this shape carries no date


def test_by_byline_and_city_first_dateline_with_agency():
    doc = meta(
        f"Checkpoint attack kills two\nBy Karim Nasser\nHERMEL, Lebanon, March 3 (The Frontier Ledger) - {BODY}"
    )
    assert doc.title == "Checkpoint attack kills two"
    assert doc.byline == "Karim Nasser"
    assert doc.dateline == "Hermel"
    assert doc.outlet == "The Frontier Ledger"
    assert doc.published is None  # "March 3" alone has no year to anchor it


def test_dated_dateline_gives_published():
    doc = meta(f"MOSUL, Iraq, June 7, 2023 (Tigris Wire) - {BODY}")
    assert (doc.dateline, doc.outlet, doc.published) == ("Mosul", "Tigris Wire", "2023-06-07")


def test_abbreviated_month_and_en_dash_dateline():
    doc = meta(f"GAO, Mali, Feb. 9, 2025 (Sahel Monitor) \u2013 {BODY}")
    assert (doc.dateline, doc.outlet, doc.published) == ("Gao", "Sahel Monitor", "2025-02-09")


def test_dateline_without_agency_but_with_date():
    doc = meta(f"MAIDUGURI, Nigeria, Sept. 1, 2024 - {BODY}")
    assert doc.dateline == "Maiduguri"
    assert doc.outlet is None
    assert doc.published == "2024-09-01"


def test_impossible_dateline_date_is_not_a_published_date():
    doc = meta(f"MOSUL, Iraq, February 30, 2023 (Tigris Wire) - {BODY}")
    assert doc.dateline == "Mosul" and doc.published is None


def test_values_from_the_input_win_over_the_lead_in():
    doc = meta(
        f"Headline\nBy Karim Nasser\nMOSUL, Iraq, June 7, 2023 (Tigris Wire) - {BODY}",
        outlet="Given Outlet",
        published="2023-06-08",
        title="Given title",
        byline="Given Name",
    )
    assert (doc.outlet, doc.published, doc.title, doc.byline) == (
        "Given Outlet",
        "2023-06-08",
        "Given title",
        "Given Name",
    )
    assert doc.dateline == "Mosul"  # not given, so still read from the text


def test_plain_text_has_no_invented_metadata():
    doc = meta(BODY + "\n" + BODY)
    assert (doc.byline, doc.outlet, doc.dateline, doc.published) == (None, None, None, None)
    assert doc.title is None  # the first line is a sentence, not a headline


def test_lower_case_words_before_brackets_are_not_an_outlet():
    doc = meta(f"officials in Basra (southern Iraq) - said on Monday that {BODY}")
    assert doc.outlet is None and doc.dateline is None


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué un poste de police près de la ville lundi soir, tuant deux agents, "
        "selon un responsable local. Les assaillants ont fui vers les collines, ont indiqué des habitants.",
        "هاجم مسلحون نقطة تفتيش للشرطة قرب المدينة مساء الاثنين وقتلوا اثنين من عناصرها حسب مسؤول محلي "
        "وفر المهاجمون نحو التلال",
    ],
)
def test_non_english_text_has_no_language(text):
    assert detect_language(text) is None
    assert meta(text).language is None


def test_english_text_is_english():
    assert meta(BODY).language == "en"


def test_non_english_report_is_analysed_with_a_warning(analyze):
    data = analyze(
        "Des hommes armés ont attaqué un poste de police près de la ville lundi soir, tuant deux "
        "agents, selon un responsable local. Les assaillants ont fui vers les collines."
    )
    assert data["document"]["language"] is None
    assert any("English" in w for w in data["warnings"])


def test_english_report_has_no_language_warning(analyze):
    data = analyze(BODY)
    assert data["document"]["language"] == "en"
    assert not any("English" in w for w in data["warnings"])


def test_published_given_to_analysis_is_kept(analyze):
    data = analyze(f"MOSUL, Iraq, June 7, 2023 (Tigris Wire) - {BODY}", published="2023-06-09")
    assert data["document"]["published"] == "2023-06-09"


# The seed report's shapes, in a text of our own: a "Reporting by" byline, an outlet-first
# "<Name> Files (City)- " dateline, and one paragraph repeated word for word further down.
SEED_SHAPED = """Reporting by Rami Khoury
Cedar Files (Tripoli)- Sources told Cedar Files that fighters of a small jihadist faction have been slipping out of Idlib towards northern Lebanon, paying smugglers large sums to get past army checkpoints.
The crossings run through the hills above Wadi Khaled, where smugglers lead groups on foot at night and hand them to drivers waiting on the Lebanese side near the town of Akkar al-Atika.
Each fighter pays about $1,800 for the whole journey, and many carry forged identity papers, the sources added.
The Lebanese army said it had stepped up patrols along the northern border and detained several people last week.
The crossings run through the hills above Wadi Khaled, where smugglers lead groups on foot at night and hand them to drivers waiting on the Lebanese side near the town of Akkar al-Atika.
"""


def test_seed_shaped_report(analyze):
    data = analyze(SEED_SHAPED)
    doc = data["document"]
    assert (doc["outlet"], doc["byline"], doc["dateline"]) == (
        "Cedar Files",
        "Rami Khoury",
        "Tripoli",
    )
    assert len(data["duplicates"]) == 1
    dup = data["duplicates"][0]
    assert dup["similarity"] == 1.0
    assert dup["span"]["text"].startswith("The crossings run through the hills above Wadi Khaled")
    assert dup["duplicate_of"]["start"] < dup["span"]["start"]
    assert dup["span"]["text"] == dup["duplicate_of"]["text"]
