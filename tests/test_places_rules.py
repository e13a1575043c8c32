"""Each place-detection rule on sentences written for it: where it has a say and where it has none."""

from dataclasses import replace

import pytest

from sitrep.places import rules
from sitrep.places.rules import RULES, Verdict

P, N, W = Verdict.PLACE, Verdict.NOT_PLACE, Verdict.WEAK

# rule name -> [(sentence, matched name, the rule's verdict or None for no say)]
CASES = {
    "date_part": [
        ("Shelling hit the port on 9 Mar, officials said.", "Mar", N),
        ("The bridge closed on Mar 12 after the strike.", "Mar", N),
        ("Fighting flared again in Aug 2023 near the dam.", "Aug", N),
        ("Aid convoys reached Mar del Plata on Monday.", "Mar del Plata", None),
    ],
    "byline": [
        ("Reporting by Nadia Karam and Omar Haddad", "Nadia", N),
        ("Aid reached Nadia district on Monday.", "Nadia", None),
    ],
    "weapon_system": [
        ("Russia fired Grad rockets at the town overnight.", "Grad", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "armed_group_name": [
        ("Troops clashed with the Jalisco New Generation Cartel at dawn.", "Jalisco", N),
        ("Troops clashed with gunmen in Jalisco at dawn.", "Jalisco", None),
    ],
    "short_alternate": [
        ("Police said the Los Viagras gang had fled.", "Los", N),
        ("Aid convoys crossed into Jordan on Monday.", "Jordan", None),
    ],
    "demonym_for_people": [
        ("Two Syrian refugees crossed at dawn.", "Syrian", N),
        ("On the Syrian side, the border was calm.", "Syrian", None),
    ],
    "in_firm": [
        ("The contract went to Marlowe & Ashby, a firm of surveyors.", "Ashby", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "direction_before_name": [
        ("Storms hit Northeast Georgia overnight.", "Northeast", N),
        ("Storms hit Georgia overnight.", "Georgia", None),
    ],
    "part_of_facility": [
        ("Traffic stopped on Washington Street after the crash.", "Washington", N),
        ("The delegates flew to Washington on Monday.", "Washington", None),
    ],
    "state_highway": [
        ("The truck overturned on Minnesota 23 near the county line.", "Minnesota", N),
        ("The truck overturned in Minnesota with 23 sheep aboard.", "Minnesota", None),
    ],
    "the_thing": [
        ("Residents of the City were told to stay indoors.", "City", N),
        ("Residents of Durango were told to stay indoors.", "Durango", None),
    ],
    "tagged_speaker": [
        ("Hartmann said the talks failed. Hartmann later left.", "Hartmann", N),
        ("Aid reached Beirut on Monday.", "Beirut", None),
    ],
    "bare_type_word": [
        ("Residents of the City were told to stay indoors.", "City", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "region_not_hamlet": [
        ("Tourists crowded New England in October.", "New England", N),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "spacy_place": [
        ("A Syrian delegation arrived in Beirut.", "Beirut", P),
        ("Mobile clinics opened this week.", "Mobile", None),
    ],
    "other_label": [
        ("She drove a red 1994 Dodge to the market.", "Dodge", N),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "demonym": [
        ("A Syrian delegation arrived in Beirut.", "Syrian", P),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "inside_person": [
        ("Jordan Peterson spoke to students on Monday.", "Jordan", N),
        ("Aid convoys crossed into Jordan on Monday.", "Jordan", None),
    ],
    "abbreviated_title": [
        ("Gov. Brandtner toured the levee.", "Gov", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "misdecoded": [
        ("We\u00e2 re told the road is closed.", "We\u00e2", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "before_person": [
        ("Officer Tanner Briggs filed the report.", "Officer", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "hyphen_compound": [
        ("He bought shares in Wal-Mart last year.", "Wal", N),
        ("Buses between Fargo-Moorhead resumed on Monday.", "Fargo", None),
    ],
    "surname": [
        ("Helen said the water was rising.", "Helen", N),
        ("The convoy stopped in Ashby overnight.", "Ashby", None),
    ],
    "known_word_hamlet": [
        ("The Highway Patrol closed the road.", "Patrol", N),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "alternate_only": [
        ("Families gathered for Passover dinner in the old quarter.", "Passover", W),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "opens_organisation": [
        ("The Fargo Police Department opened an inquiry.", "The Fargo", P),
        ("The convoy stopped in Fargo overnight.", "Fargo", None),
    ],
    "person_or_people_label": [
        ("Aid reached Chad by air.", "Chad", P),
        ("A Syrian delegation arrived in Beirut.", "Beirut", None),
    ],
    "not_a_common_word": [
        ("Troops reached Deir ez-Zor on Tuesday.", "Deir ez-Zor", P),
        ("Mobile clinics opened this week.", "Mobile", None),
    ],
    "common_word": [
        ("Mobile clinics opened this week.", "Mobile", N),
        ("Aid reached Chad by air.", "Chad", P),
    ],
}


def _facts(sentence: str, name: str) -> rules.Facts:
    from sitrep.nlp import get_nlp
    from sitrep.places.config import DETECT
    from sitrep.places.detect import match, people
    from sitrep.places.fold import words
    from sitrep.places.store import get_gazetteer

    gaz, doc, ws = get_gazetteer(), get_nlp()(sentence), words(sentence)
    person_words = frozenset(people(sentence, doc, ws))
    hits = [h for h in match(sentence, ws, gaz) if sentence[h.start : h.end] == name]
    assert hits, f"{name!r} is not a gazetteer match in {sentence!r}"
    return rules.facts(sentence, hits[-1], doc, person_words, gaz, DETECT)


def test_every_rule_has_cases_and_every_case_a_rule():
    assert {r.__name__ for r in RULES} == set(CASES)
    assert all(r.__doc__ for r in RULES)


@pytest.mark.parametrize(
    "rule,sentence,name,verdict", [(r, *case) for r, cases in CASES.items() for case in cases]
)
def test_rule(rule: str, sentence: str, name: str, verdict: Verdict | None):
    f = _facts(sentence, name)
    f = replace(f, th=replace(f.th, people_demonyms=False))  # demonym_for_people is off by default
    assert getattr(rules, rule)(f) is verdict


def test_people_demonyms_count_as_places_by_default():
    f = _facts("Two Syrian refugees crossed at dawn.", "Syrian")
    assert rules.demonym_for_people(f) is None and rules.judge(f)[0] is P


def test_the_first_rule_with_a_say_decides():
    f = _facts("Residents of the City were told to stay indoors.", "City")
    assert rules.judge(f) == (N, "the_thing")  # the_thing comes before bare_type_word
    assert rules.judge(f, (rules.bare_type_word,))[1] == "bare_type_word"
    assert rules.judge(f, ()) == (W, "")


def test_thresholds_are_passed_in():
    f = _facts("Mobile clinics opened this week.", "Mobile")
    loose = replace(f.th, common_zipf=9.0, sentence_start_zipf=9.0)
    assert rules.common_word(f) is N
    assert rules.common_word(replace(f, th=loose)) is P
