"""Read a TimelineJS spreadsheet (the Knight Lab template, as CSV or .xlsx): one slide per row.

Source: the TimelineJS3 Google Sheets template and its help ("Using the
spreadsheet template", timeline.knightlab.com/docs): ``Year``, ``Month``,
``Day``, ``Time``, ``End Year``, ``End Month``, ``End Day``, ``End Time``,
``Display Date``, ``Headline``, ``Text``, ``Media``, ``Media Credit``, ``Media
Caption``, ``Media Thumbnail``, ``Type``, ``Group``, ``Background``. Sheets of
TimelineJS 2 use ``Start Date``/``End Date`` (``2012``, ``2012-01-26``,
``1/26/2012`` as the US-formatted sheet writes, ``2012,1,26``) and ``Tag``.

- **Dates at the precision the sheet gives.** The empty fields say it: a Year
  alone is that year (EDTF ``2025``), Year and Month the month, and a Time makes
  it a minute. With an end, the slide is the interval, each end at its own precision.
  ``Display Date`` (the text TimelineJS shows instead) is kept in ``notes``.
- **The title slide** (``Type`` = ``title``) gives the dataset's title and
  description, not an event. ``era`` rows (spans drawn behind the slides) are
  refused with that reason.
- **Group** (``Tag`` in TimelineJS 2) is TimelineJS's lane: it only sets the row a
  slide is drawn in. Newsroom sheets name it after the side whose story it is
  ("Russia", "Ukraine") or after a kind of event ("Talks"), and
  ``timeline export timelinejs`` writes the type's label there. So a Group that
  names one of this tool's event types (its id or label) becomes the event's
  type; any other Group becomes an actor, the event's ``source`` (``--data``
  maps it to an existing actor). The model has no lanes of its own: actors
  and types are what the charts group by.
- **What a sheet does not say.** It names no event type and often no actor, so
  the events are ``draft`` (left out of answers until reviewed) of type
  ``statement`` unless Group gave a type, and a slide with no Group names the
  actor ``unattributed``: set the type and the actors before use.
- **HTML in Text** is reduced to its text with the standard library's HTML
  parser: tags dropped, ``<script>``/``<style>`` contents dropped, entities decoded,
  links kept as ``text (url)``, paragraphs and ``<br>`` as line breaks. Nothing is run.
- **Provenance.** The sheet itself is cited; Media, its credit and caption are kept in ``notes``
  (``Media Thumbnail`` and ``Background`` only style the slide and are not kept).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from timeline.importers.records import Record, slug
from timeline.importers.tabular import first_rows, table, table_records
from timeline.vocabulary import EVENT_TYPES

#: The columns of the TimelineJS 3 template that make a sheet one (lower case), and of TimelineJS 2.
NEEDED_3 = frozenset(("year", "headline"))
NEEDED_2 = frozenset(("start date", "headline"))
UNATTRIBUTED = {"id": "unattributed", "name": "Unattributed", "kind": "group",
                "notes": "The TimelineJS sheet named no actor for these slides: replace with who acted."}
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?")
_TYPES = {**{name: name for name in EVENT_TYPES}, **{kind.label.lower(): name for name, kind in EVENT_TYPES.items()}}


def read_timelinejs(path: str | Path) -> Iterator[Record]:
    """Yield the title slide's dataset title, then one :class:`Record` per slide of the sheet at ``path``
    (or of the TimelineJS JSON file, :mod:`.timelinejs_json`)."""
    from timeline.importers.timelinejs_json import is_timelinejs_json, records

    with Path(path).open("rb") as handle:
        head = handle.read(65536).decode("utf-8", "replace")
    if is_timelinejs_json(head):
        sheet = {"id": f"sheet-{slug(Path(path).stem) or 'timelinejs'}", "title": Path(path).name,
                 "notes": "The TimelineJS JSON file this import was made from."}
        yield from records(Path(path), _record, sheet)
        return
    heads = [{cell.strip().lower() for cell in row} for row in first_rows(path)]
    needed = NEEDED_3 if any(head >= NEEDED_3 for head in heads) else NEEDED_2
    sheet = {"id": f"sheet-{slug(Path(path).stem) or 'timelinejs'}", "title": Path(path).name,
             "notes": "The TimelineJS spreadsheet this import was made from."}
    yield from table_records(table(path, needed), lambda where, row: _record(where, row, sheet, needed is NEEDED_2))


def _record(where: str, row: dict[str, str], sheet: dict[str, Any], old: bool) -> Record:
    slide = row.get("type", "").strip().lower()
    headline, text = _plain(row.get("headline", "")), _plain(row.get("text", ""))
    if slide == "title":
        return Record(where, info={"title": headline or text, "description": text if headline else ""})
    if slide == "era":
        return Record(where, refused="an era (a span TimelineJS draws behind the slides), not an event")
    try:
        date = _date(row, old)
    except ValueError as error:
        return Record(where, refused=str(error))
    if not headline and not text:
        return Record(where, refused="no Headline and no Text")
    group = (row.get("group") or row.get("tag") or "").strip()
    kind = _TYPES.get(group.lower()) or _TYPES.get(group.lower().replace(" ", "_"))
    actor = {"id": slug(group), "name": group, "kind": "group"} if group and not kind else UNATTRIBUTED
    symmetric = kind is not None and EVENT_TYPES[kind].symmetric
    event: dict[str, Any] = {"id": f"tljs-{slug(headline or text)[:48].strip('-') or 'slide'}-{date[:10]}",
                             "type": kind if kind and not symmetric else "statement", "title": headline or text[:80],
                             "date": date, "source": [actor["id"]], "draft": True}
    if text:
        event["summary"] = text
    event["sources"] = [sheet["id"]]
    notes = [f"{label} {row[key]}" for key, label in (
        ("display date", "Display Date:"), ("media", "Media:"), ("media credit", "Media credit:"),
        ("media caption", "Media caption:")) if row.get(key)]
    if symmetric:
        notes.append(f"Group {group!r} names the type {kind}, which needs two participants: set them")
    event["notes"] = "; ".join(["From a TimelineJS sheet: check the type and actors", *notes])
    return Record(where, event, [actor], [sheet], None)


def _date(row: dict[str, str], old: bool) -> str:
    """The EDTF date of a slide from its Year/Month/Day/Time (``old``: Start Date) and the end's; ValueError if broken."""
    if old:
        start = _old_date(row.get("start date", ""), "Start Date")
        end = _old_date(row["end date"], "End Date") if row.get("end date") else None
    else:
        start = _parts(row, "")
        end = _parts(row, "end ") if row.get("end year") else None
    return f"{start}/{end}" if end and end != start else start


def _parts(row: dict[str, str], prefix: str) -> str:
    name = prefix.title()
    year, month, day, time = (row.get(f"{prefix}{key}", "").strip() for key in ("year", "month", "day", "time"))
    if not year.isdigit() or not 1 <= int(year) <= 9999:
        raise ValueError(f"{name}Year {year!r} should be a year from 1 to 9999"
                         if year else f"no {name}Year: every slide needs one")
    if day and not month:
        raise ValueError(f"{name}Day {day!r} without a {name}Month")
    text = year.zfill(4)
    for value, label, top in ((month, "Month", 12), (day, "Day", 31)):
        if value:
            if not value.isdigit() or not 1 <= int(value) <= top:
                raise ValueError(f"{name}{label} {value!r} should be a number from 1 to {top}")
            text += f"-{int(value):02d}"
    if time:
        if not day:
            raise ValueError(f"{name}Time {time!r} without a {name}Day")
        text += _time(time, f"{name}Time")
    from timeline.dates import parse_edtf

    try:
        parse_edtf(text)
    except Exception as error:  # a day that does not exist (31 April)
        raise ValueError(f"{name}Year/Month/Day {text!r} is not a date: {error}") from None
    return text


def _time(text: str, column: str) -> str:
    found = _TIME.fullmatch(text.strip())
    if not found:
        raise ValueError(f"{column} {text!r} should be a time such as 14:30 or 2:30 PM")
    hour, minute, second, half = found.groups()
    hour_number = int(hour) % 12 + (12 if half and half.lower() == "pm" else 0) if half else int(hour)
    if hour_number > 23 or int(minute) > 59:
        raise ValueError(f"{column} {text!r} is not a time of day")
    return f"T{hour_number:02d}:{minute}" + (f":{second}" if second else "")


def _old_date(text: str, column: str) -> str:
    """A TimelineJS 2 ``Start Date``/``End Date``: ``2012``, ``2012-01-26``, ``1/26/2012`` or ``2012,1,26``."""
    text = text.strip()
    if found := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        month, day, year = found.groups()
        parts = {"year": year, "month": month, "day": day}
    elif found := re.fullmatch(r"(\d{4})(?:[-,](\d{1,2}))?(?:[-,](\d{1,2}))?", text):
        parts = {key: value for key, value in zip(("year", "month", "day"), found.groups()) if value}
    else:
        raise ValueError(f"{column} {text!r} should be a date such as 2012, 2012-01-26 or 1/26/2012")
    return _parts(parts, "")


class _Text(HTMLParser):
    """The text of an HTML fragment: tags dropped, script and style bodies dropped, links as 'text (url)'."""

    BREAKS = frozenset(("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and href.startswith(("http://", "https://")):
                self.parts.append(f" ({href})")
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _plain(html: str) -> str:
    """The text of an HTML fragment, whitespace tidied (:class:`_Text`).

    >>> _plain('<p>Talks in <b>Geneva</b> &amp; <a href="https://example.org/x">Bern</a></p><script>x()</script>')
    'Talks in Geneva & Bern (https://example.org/x)'
    """
    if "<" not in html and "&" not in html:
        return html.strip()
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
