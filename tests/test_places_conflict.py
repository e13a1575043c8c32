"""Places in conflict reporting, end to end, on sentences written for each class of #20."""

import pytest


def _places(data: dict) -> dict[str, dict]:
    ents = {e["id"]: e for e in data["entities"]}
    return {m["text"]: ents[m["entity"]] for m in data["mentions"] if m["kind"] == "place"}


def _near(geo: dict | None, lat: float, lon: float, km: float = 25) -> bool:
    from sitrep.geodesy import km as dist

    return geo is not None and dist(geo["lat"], geo["lon"], lat, lon) <= km


def test_an_unknown_village_is_kept_without_coordinates_and_with_a_warning(analyze):
    data = analyze("Gunmen raided the village of Kharbet Zummarin near Daraa on Tuesday.")
    places = _places(data)
    assert places["Kharbet Zummarin"]["geo"] is None
    assert any("Kharbet Zummarin" in w and "unresolved" in w for w in data["warnings"])
    assert places["Daraa"]["geo"]["country"] == "SY"


def test_an_unknown_town_spacy_calls_a_place_after_a_locative_is_kept(analyze):
    data = analyze("Aid trucks arrived in Tell Qarmoush after dark, the agency said.")
    assert _places(data)["Tell Qarmoush"]["geo"] is None
    assert any("Tell Qarmoush" in w for w in data["warnings"])


def test_a_byline_name_is_no_place(analyze):
    data = analyze("Reporting by Nadia Karam\nShelling hit Aleppo on Monday, residents said.")
    places = _places(data)
    assert "Nadia" not in places
    assert places["Aleppo"]["geo"]["country"] == "SY"


def test_weapon_systems_are_no_places(analyze):
    data = analyze("Forces fired Grad rockets and Tochka missiles at Kramatorsk overnight.")
    places = _places(data)
    assert "Grad" not in places and "Tochka" not in places
    assert places["Kramatorsk"]["geo"]["country"] == "UA"


def test_a_place_inside_a_cartel_name_is_no_place(analyze):
    data = analyze("The Jalisco New Generation Cartel clashed with soldiers in Michoacán.")
    places = _places(data)
    assert "Jalisco" not in places
    assert places["Michoacán"]["geo"]["country"] == "MX"


def test_a_transliteration_variant_finds_the_gazetteer_row(analyze):
    data = analyze("Four smugglers were killed near Dair al-Kahf, east of Mafraq, the army said.")
    places = _places(data)
    assert places["Dair al-Kahf"]["geo"]["country"] == "JO"
    assert _near(places["Dair al-Kahf"]["geo"], 32.28, 36.83, km=30)


def test_a_dated_bullet_marks_its_town(analyze):
    data = analyze(
        "Weekly summary.\n\u2022 4 Mar, Kismayo \u2013 Police arrested six men after a grenade attack."
    )
    assert _places(data)["Kismayo"]["geo"]["country"] == "SO"


def test_a_locative_outweighs_a_label_spacy_gets_wrong(analyze):
    data = analyze(
        "Smugglers say the groups leave from Yabroud in the Qalamoun mountains at night."
    )
    places = _places(data)
    assert _near(places["Yabroud"]["geo"], 33.97, 36.66)
    assert places["Qalamoun"]["geo"]["country"] == "SY"


def test_a_type_word_after_a_short_name_keeps_it(analyze):
    data = analyze("Boatmen charge 20,000 meticais to take families to Ibo island from Pemba.")
    places = _places(data)
    assert places["Ibo"]["geo"]["country"] == "MZ"


def test_a_place_before_a_provincial_office_is_no_speaker(analyze):
    data = analyze("Nine passengers died, said Balkh provincial police spokesman Ahmad Zia.")
    assert _places(data)["Balkh"]["geo"]["country"] == "AF"


def test_a_name_with_its_type_word_beats_the_type_word_alone(analyze):
    data = analyze("Ministers from the Arab Gulf states met in Riyadh on Monday.")
    places = _places(data)
    assert "Gulf" not in places
    assert places["Arab Gulf"]["geo"]["feature"] == "GULF"


def test_the_report_names_the_province_of_a_village(analyze):
    data = analyze("Houthi forces shelled the Yemeni governorates of Saada and Al Jawf on Sunday.")
    places = _places(data)
    assert places["Al Jawf"]["geo"]["country"] == "YE" and places["Saada"]["geo"]["country"] == "YE"


def test_an_unknown_village_in_a_named_province_takes_the_provinces_point(analyze):
    for text, name, province in (
        (
            "Gunmen raided the village of Kharbet Zummarin in Daraa province on Tuesday.",
            "Kharbet Zummarin",
            "Daraa",
        ),
        (
            "Drones hit the village of Tell Qarmoush in Idlib province overnight.",
            "Tell Qarmoush",
            "Idlib",
        ),
        (
            "Soldiers searched the village of Tell Zummarin in Hama province at dawn.",
            "Tell Zummarin",
            "Hama",
        ),
    ):
        data = analyze(text)
        places = _places(data)
        village, area = places[name]["geo"], places[province]["geo"]
        assert area["feature"] == "ADM1", text
        assert village["precision"] == "province" and village.get("geonameid") is None, text
        assert (village["lat"], village["lon"]) == (area["lat"], area["lon"]), text
        assert places[name]["name"] == name, text
        assert any(name in w and "province" in w for w in data["warnings"]), text


def test_an_unknown_village_near_a_town_keeps_no_point(analyze):
    data = analyze("Shepherds fled the village of Tell Zummarin near Hama after the raid.")
    assert _places(data)["Tell Zummarin"]["geo"] is None


def test_an_ocean_named_in_full_is_the_ocean(analyze):
    for text, name, lat, lon in (
        ("Pirates seized a cargo ship in the Indian Ocean off Somalia.", "Indian Ocean", -10, 70),
        (
            "The boat drifted for days on the Atlantic Ocean west of Mauritania.",
            "Atlantic Ocean",
            10,
            -25,
        ),
        ("Two fishing crews vanished in the Pacific Ocean last month.", "Pacific Ocean", 0, -160),
    ):
        geo = _places(analyze(text))[name]["geo"]
        assert geo["feature"] == "OCN" and _near(geo, lat, lon, 50), text


def test_a_division_named_with_its_type_word_is_the_division_not_the_city(analyze):
    for text, name, lat, lon in (
        ("Clashes spread across Hasakah governorate this week.", "Hasakah", 36.46, 41.11),
        ("Power was cut across Kherson oblast after the strikes.", "Kherson", 46.69, 33.44),
        ("Convoys crossed Balkh province on their way north.", "Balkh", 36.66, 67.08),
    ):
        geo = _places(analyze(text))[name]["geo"]
        assert geo is not None and geo["feature"] == "ADM1", text
        assert _near(geo, lat, lon, km=30), text


def test_an_unknown_village_in_a_named_governorate_takes_its_point(analyze):
    data = analyze("Drones struck the village of Zahdoun Saghir in Hasakah governorate.")
    geo = _places(data)["Zahdoun Saghir"]["geo"]
    assert geo is not None and geo["precision"] == "province"
    assert _near(geo, 36.46, 41.11, km=30)


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        (
            "A bomb hit a minibus in Mazar-i-Sharif on Wednesday evening.",
            "Mazar-i-Sharif",
            36.71,
            67.11,
        ),
        (
            "Fighters pulled out of Pul-i-Khumri after a night of clashes.",
            "Pul-i-Khumri",
            35.94,
            68.72,
        ),
        (
            "Families fleeing the fighting reached Mazar-e Sharif by bus.",
            "Mazar-e Sharif",
            36.71,
            67.11,
        ),
        (
            "The militia said the fall of Mazar-e-sharif was a betrayal.",
            "Mazar-e-sharif",
            36.71,
            67.11,
        ),
    ],
)
def test_a_compound_name_with_a_linking_vowel_is_one_place(analyze, text, name, lat, lon):
    places = _places(analyze(text))
    assert _near(places[name]["geo"], lat, lon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen killed 12 villagers near Boni, Mali, on Sunday. Residents of Boni fled.", "Boni"),
        ("Jihadists stormed Solhan, Burkina Faso, overnight and burned the market.", "Solhan"),
        ("Al-Shabaab fighters overran an army base in Mahas, Somalia, on Tuesday.", "Mahas"),
    ],
)
def test_a_town_the_text_puts_in_a_country_is_no_namesake_abroad(analyze, text, name):
    data = analyze(text)
    ents = {e["id"]: e for e in data["entities"]}
    mentions = [m for m in data["mentions"] if m["kind"] == "place" and m["text"] == name]
    assert mentions and all(ents[m["entity"]]["geo"] is None for m in mentions)
    assert any(name in w and "where the text puts it" in w for w in data["warnings"])


def test_a_town_and_its_own_country_stay_resolved(analyze):
    places = _places(analyze("Police in Atlanta, Georgia, arrested two men; Mosul, Iraq was calm."))
    assert places["Atlanta"]["geo"]["country"] == "US"
    assert places["Mosul"]["geo"]["country"] == "IQ"


def test_a_country_that_speaks_after_a_town_is_not_its_container():
    from sitrep.places.detect import Hit, _parents

    text = "Shells hit Gaza, Israel said, and Kharkiv, Ukraine."
    hits = [
        Hit(text.index(n), text.index(n) + len(n), n.lower())
        for n in ("Gaza", "Israel", "Kharkiv", "Ukraine")
    ]
    _parents(text, hits)
    assert hits[0].parents == [] and hits[2].parents == [3]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Taliban fighters took Zaranj, the capital of Nimruz, on Friday.", "Nimruz"),
        ("Gunmen ambushed a police patrol in Urozgan on Sunday.", "Urozgan"),
        ("Three soldiers died when a mine exploded in Lugar, officials said.", "Lugar"),
    ],
)
def test_an_o_or_u_spelling_the_gazetteer_lacks_finds_its_row(analyze, text, name):
    geo = _places(analyze(text))[name]["geo"]
    assert geo is not None and geo["country"] == "AF"
