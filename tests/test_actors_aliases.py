"""Alias and recognition mechanisms of the actors stage on sentences of our own: a name given in
brackets joins its group wherever the report writes it, a title that opens place names ("Sheikh",
"Datu") before a place is no person, coordinated nations, headlines, datelines, short names."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of


def kinds_over(data: dict, surface: str) -> set[str]:
    k = data["document"]["text"].index(surface)
    return {m["kind"] for m in data["mentions"] if m["start"] < k + len(surface) and k < m["end"]}


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        (
            "The Interior Ministry (Mininter) sent riot police to the port on Sunday. Two days "
            "later Mininter said the officers had left.",
            "Interior Ministry",
            "Mininter",
        ),
        (
            "A spokesman for the Harbour Watch Committee (Vigilia) denied the charge. Vigilia "
            "has monitored the quay since 2019, and Vigilia volunteers film every landing.",
            "Harbour Watch Committee",
            "Vigilia",
        ),
        (
            "Officials of the Northern Relief Board (Norel) counted 40 tents. By Friday Norel "
            "had moved the families inland.",
            "Northern Relief Board",
            "Norel",
        ),
    ],
)
def test_bracketed_name_joins_its_group_everywhere(analyze, text, long, short):
    data = analyze(text)
    group = entity_of(data, long)
    assert group is not None and group["kind"] == "actor"
    uses = [entity_of(data, short, n) for n in range(text.count(short))]
    assert all(u is not None and u["id"] == group["id"] for u in uses)


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Egyptian troops raided a farm near Sheikh Zuweid in North Sinai at dawn.",
            "Sheikh Zuweid",
        ),
        (
            "A mortar round fell on the road between Nawa and Sheikh Miskin on Friday.",
            "Sheikh Miskin",
        ),
        ("Two soldiers were wounded in Datu Piang town, the army said.", "Datu Piang"),
        ("Fighters shelled the Sheikh Maqsoud district of Aleppo overnight.", "Sheikh Maqsoud"),
    ],
)
def test_titled_place_name_is_no_person(analyze, text, place):
    data = analyze(text)
    assert "person" not in kinds_over(data, place)


def test_titled_person_stays_a_person(analyze):
    data = analyze(
        "Sheikh Hamid Rasul said on Tuesday that the clans would talk. Talks were held in "
        "Sheikh Zuweid, where Sheikh Hamid Rasul met the governor."
    )
    person = entity_of(data, "Hamid Rasul")
    assert person is not None and person["kind"] == "person"
    assert "person" not in kinds_over(data, "Sheikh Zuweid, where")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Afghan and Pakistani troops exchanged fire at the crossing overnight.",
            "Afghan",
            "Pakistani",
        ),
        ("Kenyan and Somali soldiers retook the town after a two-day battle.", "Kenyan", "Somali"),
        ("Iraqi and Syrian forces closed the border road on Tuesday.", "Iraqi", "Syrian"),
    ],
)
def test_coordinated_nations_each_have_a_force(analyze, text, first, second):
    data = analyze(text)
    one, two = entity_of(data, first), entity_of(data, second)
    assert one is not None and two is not None and one["id"] != two["id"]
    assert one["kind"] == two["kind"] == "actor" and one["actor_type"] == "state_force"
    assert "place" in kinds_over(data, first)  # the demonym still names its country


@pytest.mark.parametrize(
    ("text", "force", "place"),
    [
        (
            "The Maguindanao del Sur police said two men were held.",
            "Maguindanao del Sur police",
            "Maguindanao del Sur",
        ),
        (
            "North Waziristan police arrested a suspect near Miranshah.",
            "North Waziristan police",
            "North Waziristan",
        ),
        (
            "The Khyber Pakhtunkhwa government condemned the attack.",
            "Khyber Pakhtunkhwa government",
            "Khyber Pakhtunkhwa",
        ),
    ],
)
def test_force_of_a_many_word_place_keeps_the_place(analyze, text, force, place):
    data = analyze(text)
    ent = entity_of(data, force)
    assert ent is not None and ent["kind"] == "actor"
    mention = next(m for m in data["mentions"] if m["entity"] == ent["id"])
    assert mention["text"] == force
    assert "place" in kinds_over(data, place)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Taliban fighters fired on Pakistan's border post at dawn.", "border post"),
        ("The rebels rejected the army's report on the raid.", "report"),
        ("Kenya's daily patrols along the coast resumed on Monday.", "daily"),
    ],
)
def test_lower_case_media_cue_after_a_possessive_is_no_outlet(analyze, text, word):
    data = analyze(text)
    ent = entity_of(data, word)
    assert ent is None or ent["actor_type"] != "media"


@pytest.mark.parametrize(
    ("text", "phantom"),
    [
        (
            "Pirates Raid Tanker Off Somali Coast\nPirates boarded a tanker off Puntland on "
            "Sunday, the maritime police said.",
            "Pirates Raid Tanker",
        ),
        (
            "Bandits Abduct Forty Pupils From Boarding School\nBandits seized the pupils at "
            "night, the state police said on Friday.",
            "Bandits Abduct",
        ),
    ],
)
def test_title_case_headline_is_no_person(analyze, text, phantom):
    data = analyze(text)
    k = data["document"]["text"].index(phantom)
    people = [
        m
        for m in data["mentions"]
        if m["kind"] == "person" and m["start"] < k + len(phantom) and k < m["end"]
    ]
    assert people == []


def test_dateline_is_no_part_of_a_name(analyze):
    data = analyze("QUETTA - Militants stormed a police station near the city on Monday.")
    assert all(not m["text"].startswith("QUETTA") for m in data["mentions"] if m["kind"] != "place")


@pytest.mark.parametrize(
    ("text", "acr", "long"),
    [
        (
            "Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM) claimed the raid. JNIM fighters "
            "withdrew at dusk.",
            "JNIM",
            "Jama'a Nusrat ul-Islam wa al-Muslimin",
        ),
        (
            "The Harakat Shabab ul-Mujahideen (HSM) said it held the town, and HSM fighters "
            "set up checkpoints.",
            "HSM",
            "Harakat Shabab ul-Mujahideen",
        ),
        (
            "A cell of Jamaat Ahl ul-Haqq wa al-Amal (JAHA) was broken up. JAHA recruiters had "
            "worked the markets for a year.",
            "JAHA",
            "Jamaat Ahl ul-Haqq wa al-Amal",
        ),
    ],
)
def test_acronym_of_a_name_with_arabic_particles(analyze, text, acr, long):
    data = analyze(text)
    group = entity_of(data, long)
    assert group is not None and group["kind"] == "actor"
    assert all(entity_of(data, acr, n)["id"] == group["id"] for n in range(text.count(acr)))


@pytest.mark.parametrize(
    ("text", "army"),
    [
        (
            "The Somali National Army said it had retaken the town. Local officials said that "
            "soldiers then searched the market.",
            "Somali National Army",
        ),
        (
            "Nigerian Army units cleared the road to Damboa. Officials said two soldiers were "
            "wounded by a mine.",
            "Nigerian Army",
        ),
        (
            "The Malian Armed Forces reported a clash near Boni. Regional officials said troops "
            "had secured the bridge by dusk.",
            "Malian Armed Forces",
        ),
    ],
)
def test_officials_are_no_force_that_takes_the_soldiers(analyze, text, army):
    data = analyze(text)
    force = entity_of(data, army)
    noun = next(w for w in ("soldiers", "troops") if w in text)
    assert force is not None and entity_of(data, noun)["id"] == force["id"]
    officials = entity_of(data, "fficials")
    assert officials is None or officials["id"] != force["id"]


@pytest.mark.parametrize(
    ("text", "full", "other"),
    [
        (
            '"The base held," Captain Osman Ali told reporters. Ali added that help was coming. '
            "Ali Nur, the deputy governor, confirmed the fighting.",
            "Osman Ali",
            "Ali Nur",
        ),
        (
            "Colonel Ahmed Hassan said the road was closed. Hassan later said it had reopened. "
            "Hassan Abdi, a trader, said prices had doubled.",
            "Ahmed Hassan",
            "Hassan Abdi",
        ),
        (
            "Police chief Daniel Musa blamed bandits. Musa Ibrahim, a farmer, disagreed, but "
            "Musa insisted the gang was local.",
            "Daniel Musa",
            "Musa Ibrahim",
        ),
    ],
)
def test_lone_name_is_the_family_name_when_another_person_has_it_first(analyze, text, full, other):
    data = analyze(text)
    surname = full.split()[-1]
    whole, rival = entity_of(data, full), entity_of(data, other)
    assert whole is not None and rival is not None and whole["id"] != rival["id"]
    lone = [m for m in data["mentions"] if m["kind"] == "person" and m["text"] == surname]
    assert lone and all(m["entity"] == whole["id"] for m in lone)
