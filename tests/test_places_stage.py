"""The places stage end to end: detection, nesting, demonyms, context and abstention."""


def _places(data: dict) -> list[tuple[str, dict]]:
    ents = {e["id"]: e for e in data["entities"]}
    return [(m["text"], ents[m["entity"]]) for m in data["mentions"] if m["kind"] == "place"]


def _near(geo: dict, lat: float, lon: float, km: float = 25) -> bool:
    from sitrep.places.resolve import km as dist

    return geo is not None and dist(geo["lat"], geo["lon"], lat, lon) <= km


def test_lebanese_context_resolves_tripoli_to_lebanon(analyze):
    data = analyze("Shelling was reported in the north of Lebanon on Monday. Residents of Tripoli said the road "
                   "to Hermel was closed for hours.")
    places = dict(_places(data))
    assert places["Tripoli"]["geo"]["country"] == "LB"
    assert _near(places["Hermel"]["geo"], 34.39, 36.38)


def test_typed_and_nested_names(analyze):
    data = analyze("Fighters moved from Idlib province towards the Qalamoun mountains, then on to the town of Al-Qusayr.")
    places = dict(_places(data))
    assert places["Idlib"]["geo"]["feature"] == "ADM1"
    assert places["Qalamoun"]["geo"]["feature"] == "MTS"
    assert _near(places["Al-Qusayr"]["geo"], 34.51, 36.58)


def test_demonyms_point_at_their_country(analyze):
    data = analyze("A Syrian delegation met Lebanese officials in Beirut on Tuesday.")
    places = _places(data)
    demonyms = {text: ent for text, ent in places if ent["demonym"]}
    assert demonyms["Syrian"]["geo"]["country"] == "SY"
    assert demonyms["Lebanese"]["geo"]["country"] == "LB"
    mention = next(m for m in data["mentions"] if m["text"] == "Syrian")
    assert mention["demonym"] is True


def test_repeated_mentions_share_one_entity(analyze):
    data = analyze("Aid reached Damascus on Monday. By Friday, Damascus had received three more convoys.")
    ids = {ent["id"] for text, ent in _places(data) if text == "Damascus"}
    assert len(ids) == 1


def test_unknown_camp_abstains_with_a_warning(analyze):
    data = analyze("Families were moved to the Zarbatoukh camp outside the city of Tripoli in Lebanon.")
    places = dict(_places(data))
    assert places["Zarbatoukh"]["geo"] is None
    assert any("Zarbatoukh" in w for w in data["warnings"])


def test_common_words_and_people_are_not_places(analyze):
    data = analyze("Will the mobile clinic open? Jordan Peterson spoke in Toronto about Aleppo.")
    texts = [text for text, _ in _places(data)]
    assert "Will" not in texts and "Jordan" not in texts
    assert "Toronto" in texts and "Aleppo" in texts


def test_gazetteer_lookup_lists_scored_candidates(cli):
    result = cli("gazetteer", "lookup", "Tripoli", "--limit", "5")
    assert result.returncode == 0, result.stderr
    assert "LB" in result.stdout and "LY" in result.stdout


def test_gazetteer_lookup_of_an_unknown_name_fails_with_one_line(cli):
    result = cli("gazetteer", "lookup", "Xqzzyville")
    assert result.returncode == 1
    assert "no place called" in result.stderr


def test_speakers_and_titled_names_are_people_not_towns():
    from sitrep.nlp import get_nlp
    from sitrep.places.detect import people
    from sitrep.places.fold import words

    text = "\u201cThe bridge will hold,\u201d Kessling said. Later Gov. Brandtner toured the levee with Mrs. Oakhurst."
    names = people(text, get_nlp()(text), words(text))
    assert {"Kessling", "Brandtner", "Oakhurst"} <= names
    assert "Gov." not in names and "The" not in names


def test_a_surname_used_for_a_speaker_is_not_a_place_elsewhere(analyze):
    data = analyze("Flood crews worked through the night in Cincinnati. \u201cWe filled every sandbag,\u201d Nelson said. "
                   "Nelson added that the river crested at noon.")
    texts = [text for text, _ in _places(data)]
    assert "Cincinnati" in texts
    assert "Nelson" not in texts


def test_abbreviated_titles_are_not_places(analyze):
    data = analyze("Sen. Marla Quint and Gov. Dave Orrin met reporters in Nashville on Monday.")
    texts = [text for text, _ in _places(data)]
    assert "Nashville" in texts
    assert not {"Sen", "Sen.", "Gov", "Gov."} & set(texts)


def test_a_small_town_that_names_a_school_or_street_is_not_a_mention(analyze):
    data = analyze("Students at Ripley High School raised money for the shelter on Ashby Avenue in Memphis.")
    texts = [text for text, _ in _places(data)]
    assert "Memphis" in texts
    assert "Ripley" not in texts and "Ashby" not in texts


def test_a_bare_province_name_is_its_seat_and_a_type_word_keeps_the_province(analyze):
    bare = {text: ent["geo"] for text, ent in _places(analyze("Shelling hit Aleppo and Hama overnight."))}
    assert bare["Aleppo"]["feature"].startswith("PPL") and bare["Hama"]["feature"].startswith("PPL")
    typed = {text: ent["geo"] for text, ent in _places(analyze("Shelling hit villages across Hama province."))}
    assert typed["Hama"]["feature"] == "ADM1"


def test_a_village_the_tagger_calls_a_person_stays_a_place_with_a_cue(analyze):
    data = analyze("Smugglers cross into the Lebanese Maaraboun and Tfail villages at night.")
    texts = [text for text, _ in _places(data)]
    assert "Maaraboun" in texts and "Tfail" in texts
