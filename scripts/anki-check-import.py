#!/usr/bin/env python3
"""Imports a file into a fresh Anki collection the way Anki's File → Import does when nothing is
changed in its dialog (the metadata Anki itself reads from the file: its separator, its `#` headers
and the default field mapping), then checks that every row became a note with its Front, its Back
and its tags.

Usage: scripts/anki-check-import.py FILE   (with the venv from scripts/install-tools.sh --anki)
The file is the app's "Download for Anki": GUID, Front, Back, Tags.
"""

import csv
import html
import io
import os
import sys
import tempfile

from anki.collection import Collection, ImportCsvRequest


def rows(path):
    text = open(path, encoding="utf-8").read()
    body = text.split("\n")
    while body and body[0].startswith("#"):
        body.pop(0)
    return list(csv.reader(io.StringIO("\n".join(body)), delimiter="\t"))


def as_text(field):
    """A field as Anki stores an imported plain-text field, read back as text."""
    return html.unescape(field.replace("<br>", "\n"))


def main():
    path = sys.argv[1]
    want = {r[0]: r for r in rows(path)}
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        try:
            metadata = col.get_csv_metadata(path, None)
            result = col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            problems = []
            if len(notes) != len(want) or len(result.log.new) != len(want):
                problems.append(f"{len(want)} rows gave {len(notes)} notes ({len(result.log.new)} new)")
            for note in notes:
                row = want.get(note.guid)
                if row is None:
                    problems.append(f"note {note.guid!r} is not a row of the file")
                    continue
                _, front, back, tags = row
                fields = dict(note.items())
                if note.note_type()["name"] != "Basic":
                    problems.append(f"{note.guid}: notetype {note.note_type()['name']}")
                if not fields.get("Front") or as_text(fields["Front"]) != front:
                    problems.append(f"{note.guid}: Front is {fields.get('Front')!r}, not {front!r}")
                if not fields.get("Back") or as_text(fields["Back"]) != back:
                    problems.append(f"{note.guid}: Back is {fields.get('Back')!r}, not {back!r}")
                if sorted(note.tags) != sorted(tags.split()):
                    problems.append(f"{note.guid}: tags {note.tags} instead of {tags.split()}")
        finally:
            col.close()
    if problems:
        print(f"Anki's importer read {path} wrongly:")
        for p in problems[:20]:
            print("  " + p)
        sys.exit(1)
    with_points = sum(1 for r in want.values() if "\nKey points:\n" in r[2])
    print(f"Anki imported {len(notes)} notes from {os.path.basename(path)}: every one a Basic note with its Front, "
          f"its Back ({with_points} with key points) and its tags")


if __name__ == "__main__":
    main()
