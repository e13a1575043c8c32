"""Spelling keys: transliteration variants of one name meet, different names stay apart."""

from sitrep.places.fold import fold, words


def test_article_and_hyphen_variants_share_a_key():
    assert fold("al-Qusayr") == fold("Al Qusayr") == fold("Qusayr")


def test_diacritics_ou_q_and_doubled_letters_fold_away():
    assert fold("El Qalamoûn") == fold("Qalamun") == fold("Kalamoun")
    assert fold("Maarrat") == fold("Marat")


def test_ayn_apostrophes_of_every_kind_are_ignored():
    assert fold("Ma\u2018arrat") == fold("Ma'arrat") == fold("Ma`arrat") == fold("Maarrat")


def test_english_article_dropped_only_when_hyphenated_arabic():
    assert fold("as-Sukhnah") == fold("Sukhnah")
    assert fold("As Well") != fold("Well")


def test_different_names_stay_apart():
    assert fold("Homs") != fold("Hama")


def test_words_keep_exact_offsets_and_drop_a_full_stop_but_not_an_abbreviation():
    text = "Aid reached Idlib. Then the U.S. envoy left St. Louis."
    ws = words(text)
    for w in ws:
        assert text[w.start : w.end] == w.text
    surfaces = [w.text for w in ws]
    assert "Idlib" in surfaces and "U.S." in surfaces and "St." in surfaces and "Louis" in surfaces


def test_possessive_is_not_part_of_the_name():
    assert [w.text for w in words("Russia\u2019s envoy met Syria's")] == [
        "Russia",
        "envoy",
        "met",
        "Syria",
    ]


def test_the_spelling_and_feature_files_are_checked_on_load():
    import pytest

    from sitrep.errors import DataFileError
    from sitrep.places.fold import ARTICLES, SHORT_FORMS, fold, text_map
    from sitrep.places.sources import DIVISION_WORDS, KIND_OF_FEATURE

    assert "al" in ARTICLES and SHORT_FORMS["saint"] == "st" and fold("Ełk") == "elk"
    assert KIND_OF_FEATURE["WAD"] == "river" and "governorate" in DIVISION_WORDS
    with pytest.raises(DataFileError, match="short_forms"):
        text_map({"short_forms": {"Saint": "st"}}, "short_forms", "x.yaml")
    with pytest.raises(DataFileError, match="must be a non-empty mapping"):
        text_map({"short_forms": ["saint"]}, "short_forms", "x.yaml")


def test_a_linking_vowel_inside_a_compound_name_is_spelled_one_way():
    assert fold("Mazar-i-Sharif") == fold("Mazar-e Sharif") == fold("Mazar-ye Sharif")
    assert fold("Pul-i-Khumri") == fold("Pul-e Khumri")
    assert fold("I Sharif") != fold("E Sharif")  # not at a name's edge
