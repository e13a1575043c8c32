"""The analysis' indexed lookups follow the lists that stages append to and replace."""

from sitrep.model import Analysis, Document, Entity, Mention


def test_mention_and_entity_lookups_follow_appends_and_replacements():
    a = Analysis(Document(id="m", text="Gao and Kidal and Mopti"))
    a.mentions.append(Mention(8, 13, "Kidal", "place", "pl2"))
    a.entities.append(Entity("pl2", "place", "Kidal"))
    assert [m.text for m in a.mentions_in(0, 23)] == ["Kidal"]
    assert a.entity("pl2").name == "Kidal"
    a.mentions.append(Mention(0, 3, "Gao", "place", "pl1"))
    a.entities.append(Entity("pl1", "place", "Gao"))
    assert [m.text for m in a.mentions_in(0, 23)] == ["Gao", "Kidal"]
    assert [m.text for m in a.mentions_in(0, 12)] == ["Gao"]
    assert a.mentions_in(0, 23, ("actor",)) == []
    assert a.entity("pl1").name == "Gao" and a.entity("nope") is None and a.entity(None) is None
    a.mentions = [Mention(18, 23, "Mopti", "place", "pl3")]
    a.entities = [Entity("pl3", "place", "Mopti")]
    assert [m.text for m in a.mentions_in(0, 23)] == ["Mopti"]
    assert a.entity("pl1") is None and a.entity("pl3").name == "Mopti"
