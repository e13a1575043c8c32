"""The seed report: its one event (al-Baghdadi killed at Barisha on 27 October 2019) and nothing else."""


def _names(seed: dict) -> dict[str, str]:
    return {e["id"]: e["name"] for e in seed["entities"]}


def test_seed_gives_one_event_the_killing_at_barisha(seed):
    evs = seed["events"]
    assert len(evs) == 1, [(e["trigger"]["text"], e["sub_type"]) for e in evs]
    [ev] = evs
    names = _names(seed)
    assert names[ev["place"]] == "Barisha"
    assert ev["date"]["value"] == "2019-10-27"
    assert ev["sub_type"] in ("Attack", "Armed clash")
    assert any(
        "Baghdadi" in names[x["entity"]] or names[x["entity"]] == "Islamic State"
        for x in ev["actors"]
    )
