"""Data for the export tests: a small dataset whose ids and text break naive writers."""
from __future__ import annotations

#: Ids with a colon, a double quote, Cyrillic, a space and a slash; text with markup, quotes, ampersands,
#: backslashes, line breaks, CSV separators and formula starts; dates of four precisions, a moment with
#: a zone, and an actor active in 2024, 2025 and 2026 (three spells).
TRICKY = r"""
dataset:
  title: 'Tricky <script>alert(1)</script> & "quotes"'
  description: 'Ids and text that break naive writers: <b>bold</b> & more'
actors:
  - id: "ид:1"
    name: 'Иван <img src=x onerror="document.title=1"> & "Co"'
    kind: state
  - id: 'o"brien'
    name: "O'Brien, Pat; =cmd|' /C calc'!A0"
    title: "-2+3"
    affiliation: "ид:1"
  - id: "x y/z"
    name: 'Back\slash \N "q"'
    kind: group
events:
  - id: "talks:1"
    type: meeting
    date: 2025-12-02T21:00+03:00
    location: '=HYPERLINK("http://evil")'
    participants: ["ид:1", 'o"brien', "x y/z"]
    summary: '<script>alert(1)</script> & "quotes" <img src=x onerror="document.title=1">'
    quotes:
      - {speaker: 'o"brien', text: "@once, \"done\"; really"}
    sources: [src]
  - id: "-claim"
    type: claim
    date: 2024-03~
    source: ["ид:1"]
    target: ['o"brien']
    summary: "+line one\nline two, with a comma; and a semicolon \\ backslash"
  - id: later
    type: call
    date: 2026-01-10/2026-01-12
    participants: ["ид:1", "x y/z"]
    status: planned
    summary: Planned call.
    related:
      - {relation: responds_to, event: "talks:1"}
sources:
  - id: src
    publisher: "Pub & Co"
    title: "<i>x</i>"
    url: "javascript:alert(1)"
    published: 2025-12-03
"""
SUMMARY = '<script>alert(1)</script> & "quotes" <img src=x onerror="document.title=1">'

#: Ids that equal the ids writers generate (``e0``, ``e1``... for edges, ``title-0`` for a title slide), an
#: actor who acts alone, every special character (quotes, backslash, ``&``, ``<``, ``;``, ``,``, a line break,
#: emoji, Cyrillic, Arabic, a NUL and a BEL) and every date form: day, month, year, moments with and without a
#: zone, an interval whose ends have different zones, an interval with a zone at one end only, open ends,
#: approximate and uncertain dates; every status and role; a title; a source title carrying CR/LF and a forged VEVENT
#: (a source url with them is refused at validation: tests/test_dataset.py).
SPECIAL = 'Q "quoted" \\ back & amp; <b>tag</b>; semi, comma\nline two 😀 Иван مرحبا'
HOSTILE = r"""
dataset:
  title: 'e0 & "hostile" <i>set</i>'
actors:
  - {id: e0, name: 'AT&amp;T "e0" \\ <b> ; , 😀', kind: organization}
  - {id: e1, name: "Иван Петров", affiliation: e2}
  - {id: e2, name: Russia, kind: state}
  - {id: e3, name: "مرحبا", kind: group}
  - {id: solo, name: "Solo actor"}
  - {id: "-minus", name: "-minus =1+2", kind: state}
  - {id: "007", name: "Nov 2025", title: "04"}
events:
  - id: e10
    type: meeting
    date: 2025-12-02
    participants: [e0, e1, "-minus"]
    mentioned: [solo]
    summary: "SPECIAL"
    sources: [forged]
  - id: e11
    type: meeting
    date: 2025-12
    participants: [e1, e3]
    summary: Month only.
  - id: e12
    type: call
    date: 2025-12-02T21:00+03:00/2025-12-02T20:00Z
    participants: [e0, e3]
    summary: Ends in two zones.
  - id: e13
    type: call
    date: 2025-12-03T10:00/2025-12-03T11:30+02:00
    participants: ["007", e1]
    status: planned
    summary: Zone at the end only.
  - id: title-0
    type: visit
    date: ../2025-11-20
    participants: [e1]
    host: [e3]
    status: cancelled
    summary: Open start, cancelled.
  - id: e15
    type: meeting
    title: 'Witkoff & Kushner <meet> "Putin"; again, 😀'
    date: 2025-11-25T09:00/..
    participants: [e0, e3]
    status: disputed
    summary: Open end.
  - id: e16
    type: statement
    date: 2024~
    source: [solo]
    summary: A year, approximate; a statement with no target.
  - id: e17
    type: rejection
    date: 2025-10-01?
    source: [e3]
    target: [e0]
    summary: Uncertain day.
  - id: e18
    type: meeting
    date: 2025-09-10T14:00
    participants: [e0, "-minus"]
    summary: A floating moment.
  - id: e19
    type: meeting
    date: 2025-11-10
    head: [e1]
    participants: [e3]
    mediator: [e0]
    initiator: [e2]
    status: postponed
    summary: Mediated talks, postponed.
  - id: e20
    type: agreement
    date: 2025-11-12
    signatory: [e2, "-minus"]
    status: claimed
    outcome: agreement_reached
    quantities:
      - {what: prisoners_released, value: 390, unit: persons, actor: e2, approximate: true}
      - {what: points, value: 28}
    summary: Signed, by one side's account.
  - id: e21
    type: meeting
    date: 2025-11-15
    participants: [e0, e1]
    status: proposed
    summary: Offered, not arranged.
sources:
  - id: forged
    publisher: "Pub; & Co"
    url: "https://example.org/a?b=1;c=2"
    title: "Talks\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Forged meeting with the President\r\n\
      DTSTART:20251202\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-A:1"
""".replace('"SPECIAL"', '"' + SPECIAL.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"')
