"""Telegram Desktop channel exports: each text message is a report; media and service skipped."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from ingest_files import analysed, place_names

from sitrep.ingest import InputError, read_inputs
from sitrep.ingest.telegram import message_text, read_export
from sitrep.model import Document

EXPORT = Path(__file__).parent / "data" / "telegram" / "result.json"


@pytest.fixture(scope="module")
def export() -> dict:
    return json.loads(EXPORT.read_text("utf-8"))


@pytest.fixture(scope="module")
def docs() -> list:
    return list(read_inputs([str(EXPORT)]))


def test_every_message_with_text_is_a_report(docs, export):
    texted = [
        m for m in export["messages"] if m["type"] == "message" and message_text(m["text"]).strip()
    ]
    assert len(export["messages"]) == 20
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == [f"tg-{export['id']}-{m['id']}" for m in texted]
    assert all(d.outlet == "Frontier Monitor" for d in docs)


def test_links_dates_and_the_forward_source(docs, export):
    by_id = {d.id.rsplit("-", 1)[1]: d for d in docs}
    assert by_id["2"].url == f"https://t.me/c/{export['id']}/2"
    assert by_id["2"].published == "2026-03-01"
    assert by_id["4"].forwarded_from == "Kabul Frontline News"
    assert by_id["2"].forwarded_from is None
    assert by_id["8"].text.startswith(
        "Correction:"
    )  # the edited message: its last text, first date
    assert by_id["8"].published == "2026-03-02"


def test_entity_pieces_are_joined_into_the_text(docs):
    bold = next(d for d in docs if d.id.endswith("-3"))
    assert bold.text == (
        "BREAKING: A roadside bomb hit a police vehicle in #Mosul this morning, wounding "
        "two officers. Details: https://frontier-monitor.example/mosul-bomb"
    )


def test_media_only_and_service_messages_are_skipped_with_a_count(caplog):
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest.telegram"):
        docs = list(read_export(EXPORT.read_bytes(), "result.json", "result"))
    assert len(docs) == 14
    assert "4 media-only messages, 2 service messages" in caplog.text
    album = [d for d in docs if "burned market" in d.text]
    assert len(album) == 1  # the album's caption once, its other photos skipped


def test_the_album_and_a_link_to_an_earlier_message_are_kept(docs, export):
    by_id = {d.id.rsplit("-", 1)[1]: d for d in docs}
    first = f"tg-{export['id']}-5"
    # messages 5-7: three photos posted together; the captioned one names its album
    assert by_id["5"].album == first
    assert all(d.album is None for k, d in by_id.items() if k != "5")
    # message 17 links to message 5 of the same channel (members' link form)
    assert by_id["17"].refers_to == [first]
    assert all(d.refers_to is None for k, d in by_id.items() if k != "17")


def _captioned(n: int, text: str, stamp: str, **extra: object) -> dict:
    return {
        "id": n,
        "type": "message",
        "date": "2026-04-02T10:00:00",
        "date_unixtime": stamp,
        "from": "Delta Desk",
        "from_id": "channel77",
        "photo": f"photos/photo_{n}.jpg",
        "text": text,
        **extra,
    }


def test_albums_by_group_key_or_by_sender_and_time_and_public_links():
    export = {
        "name": "Delta Desk",
        "type": "public_channel",
        "id": 77,
        "username": "deltadesk",
        "messages": [
            _captioned(1, "Shelling damaged the water station in Kherson.", "1775124000"),
            _captioned(2, "Firefighters worked through the night at the station.", "1775124000"),
            _captioned(3, "A second photo set from the port of Odesa.", "1775124060"),
            # an explicit group key joins messages even with different times
            _captioned(4, "Drone debris fell on a school in Odesa.", "1775130000", grouped_id=9),
            _captioned(5, "Windows were blown out on two floors.", "1775130005", grouped_id=9),
            {
                "id": 6,
                "type": "message",
                "date": "2026-04-02T12:00:00",
                "date_unixtime": "1775131200",
                "from": "Delta Desk",
                "text": "See t.me/deltadesk/4 and https://t.me/DeltaDesk/1; "
                "also t.me/otherchannel/5 and t.me/deltadesk/99.",
            },
        ],
    }
    docs = {d.id: d for d in read_export(json.dumps(export).encode(), "delta.json", "delta")}
    assert docs["tg-77-1"].album == docs["tg-77-2"].album == "tg-77-1"
    assert docs["tg-77-3"].album is None  # a minute later: not the same album
    assert docs["tg-77-4"].album == docs["tg-77-5"].album == "tg-77-4"
    # links to this channel's messages resolve; another channel's or a missing message do not
    assert docs["tg-77-6"].refers_to == ["tg-77-4", "tg-77-1"]
    assert docs["tg-77-6"].album is None


def test_a_public_name_gives_the_public_message_link(export):
    named = {**export, "username": "frontiermonitor"}
    docs = list(read_export(json.dumps(named).encode(), "named.json", "named"))
    assert docs[0].url == "https://t.me/frontiermonitor/2"


def test_messages_analyse_to_places_with_exact_offsets(docs):
    data = analysed(next(d for d in docs if d.id.endswith("-18")))
    assert "Lashkar Gah" in place_names(data)
    assert data["events"] and data["document"]["url"].endswith("/18")


def test_a_malformed_export_is_one_line_and_the_batch_goes_on(tmp_path, export):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "result.json").write_text(EXPORT.read_text("utf-8")[:3000])
    broken = {
        **export,
        "messages": [
            {"id": "x"},
            {"id": 5, "type": "message", "text": 7},
            *export["messages"][1:3],
        ],
    }
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "result.json").write_text(json.dumps(broken))
    (tmp_path / "c.txt").write_text("Gunmen attacked a checkpoint near Kandahar on Monday.\n")
    items = list(read_inputs([str(tmp_path)]))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 3 and all("\n" not in e for e in errors)
    assert "a/result.json: malformed Telegram export" in errors[0]
    assert errors[1].endswith(
        "b/result.json:message 1: malformed message (expected an object with a numeric 'id')"
    )
    assert "message 2: malformed message text" in errors[2]
    assert [d.id for d in items if isinstance(d, Document)] == [
        f"tg-{export['id']}-2",
        f"tg-{export['id']}-3",
        "c",
    ]


def test_a_plain_json_report_is_not_taken_for_an_export(tmp_path):
    (tmp_path / "report.json").write_text(
        json.dumps({"text": "Shelling hit Mosul.", "type": "public_channel"})
    )
    [doc] = read_inputs([str(tmp_path / "report.json")])
    assert isinstance(doc, Document) and doc.text == "Shelling hit Mosul."
