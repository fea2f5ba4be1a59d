#!/usr/bin/env python3
"""Writes Anki's own plain-text exports of a small collection, with every option combination.

Anki's Rust backend (the `anki` pip package, the same code as the desktop app's File → Export)
writes the files, so they are what a person moving their deck over has in hand:

  notes-html{0,1}-tags{0,1}-deck{0,1}-notetype{0,1}-guid{0,1}.txt   "Notes in Plain Text", 32 files
  cards-html{0,1}.txt                                              "Cards in Plain Text", 2 files

The collection: notes of four notetypes (Basic; Basic (and reversed card); Basic (type in the
answer); Cloze, with hints, a deletion used twice and a Back Extra) in two decks, one of them a
subdeck ("Interview::Round two"), with HTML, entities, a tab, double quotes and a line break inside
fields, two pictures and one sound. Note GUIDs are fixed, so a run writes the same bytes as the
fixtures in tests/data/anki/ (the test command compares them).

Usage: scripts/anki-fixtures.py OUT_DIR   (run with the venv from scripts/install-tools.sh --anki)
"""

import itertools
import os
import sys
import tempfile

from anki.collection import Collection

NOTES = [
    # notetype, deck, tags, guid, fields
    ("Basic", "Interview::Round two", ["motivation"], "srBasic001",
     ["Why do you want <b>this</b> role?",
      "It uses what I do best.<br>And it stretches me where I want to grow.<img src=\"office.png\">"]),
    ("Basic (and reversed card)", "Interview", ["numbers", "sell::stories"], "srRevers002",
     ["What does \"measurable\" mean to you?",
      "A number someone else can check:\tbefore and after.\nSales &amp; support both agree on it."]),
    ("Basic (type in the answer)", "Interview", ["your-questions"], "srTyped0003",
     ["When will you decide?", "By Friday, after the last interview."]),
    ("Cloze", "Interview::Round two", ["star"], "srCloze0004",
     ["I cut onboarding time by {{c1::40%}} in {{c2::six months::how long}}, and {{c1::kept quality}}.",
      "Say the number first.<img src=\"chart.png\"> [sound:pitch.mp3]"]),
    ("Cloze", "Interview", [], "srCloze0005",
     ["The {{c1::STAR::method}} method: Situation, Task, Action, Result.", ""]),
]


def build(path):
    col = Collection(path)
    for notetype, deck, tags, guid, fields in NOTES:
        note = col.new_note(col.models.by_name(notetype))
        for i, text in enumerate(fields):
            note.fields[i] = text
        note.tags = tags
        note.guid = guid
        col.add_note(note, col.decks.id(deck))
    return col


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        col = build(os.path.join(tmp, "collection.anki2"))
        try:
            for html, tags, deck, notetype, guid in itertools.product((0, 1), repeat=5):
                name = f"notes-html{html}-tags{tags}-deck{deck}-notetype{notetype}-guid{guid}.txt"
                col.export_note_csv(out_path=os.path.join(out, name), limit=None, with_html=bool(html),
                                    with_tags=bool(tags), with_deck=bool(deck), with_notetype=bool(notetype),
                                    with_guid=bool(guid))
            for html in (0, 1):
                col.export_card_csv(out_path=os.path.join(out, f"cards-html{html}.txt"), limit=None, with_html=bool(html))
        finally:
            col.close()
    print(f"{len(os.listdir(out))} files written by Anki into {out}")


if __name__ == "__main__":
    main()
