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
