"""Two classes from real wire copy. A name the tagger found, followed by a lower-case place word
("in Nangade district", "Ali Saray village", "the Kalay-Falam highway"), names a place, never a
person or a body. "Army officers" are the army's, not police officers a later "police" could join.
Texts are our own."""

import pytest
from test_actors_recognition import entity_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen killed two farmers in Kutunga district on Friday, residents said.", "Kutunga"),
        ("Two policemen were shot dead in Ali Baraz village late on Sunday.", "Ali Baraz"),
        (
            "Troops were ambushed on the Tamu-Kalewa highway on Monday, a resistance group said.",
            "Tamu-Kalewa",
        ),
    ],
)
def test_a_name_before_a_place_word_is_no_actor_or_person(analyze, text, name):
    data = analyze(text, published="2024-03-02")
    found = entity_of(data, name)
    assert found is None or found["kind"] == "place"


@pytest.mark.parametrize(
    "text",
    [
        "Army officers seized power in January. On Thursday gunmen killed 11 military police "
        "near the border.",
        "Army officers took over the broadcaster. Police later closed the road.",
        "Military officers met the envoy on Monday. Police arrested two protesters outside.",
    ],
)
def test_army_officers_are_not_the_police(analyze, text):
    data = analyze(text, published="2024-03-02")
    officers = entity_of(data, "officers")
    police = entity_of(data, "olice")
    assert officers is not None and police is not None and officers["id"] != police["id"]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        (
            "Rebels killed 12 villagers in the east of the Democratic Republic of the Congo (DRC) on "
            "Sunday. The DRC army said it had sent troops.",
            "DRC",
        ),
        (
            "The Central African Republic (CAR) said rebels had attacked a convoy near Bangui.",
            "CAR",
        ),
        (
            "Fighting in the United Arab Emirates (UAE)-backed forces' area stopped, the UAE said.",
            "UAE",
        ),
    ],
)
def test_a_countrys_name_with_its_acronym_stays_a_place(analyze, text, acronym):
    data = analyze(text, published="2024-03-02")
    found = entity_of(data, acronym)
    assert found is None or found["kind"] == "place"
