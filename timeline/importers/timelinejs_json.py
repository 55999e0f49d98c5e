"""Read a TimelineJS3 JSON file (what the Knight Lab library loads, and ``timeline export timelinejs`` writes).

Source: the TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format.html): an
object with ``title`` (a slide), ``events`` (slides) and ``eras``. A slide has
``start_date`` and ``end_date`` (``year``, ``month``, ``day``, ``hour``, ``minute``,
``second``, ``display_date``), ``text`` (``headline``, ``text``), ``media`` (``url``,
``caption``, ``credit``), ``group`` and ``display_date``. Each slide is turned into the
row the spreadsheet template would hold for it and read by the sheet's rules
(:mod:`.timelinejs`); eras are refused as the sheet's are. Locations are
``file:events[N]`` (the slide's place in the list, from 0).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers.records import Record


def is_timelinejs_json(head: str) -> bool:
    """Whether the start of a file, ``head``, is TimelineJS JSON: an object with ``events`` and ``start_date``."""
    text = head.lstrip("\ufeff \t\r\n")
    return text.startswith("{") and '"events"' in text and '"start_date"' in text


def slides(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """``(file:events[N], row)`` for the title slide, each era and each event, as the sheet's columns (lower case).

    Raise :class:`~timeline.importers.ImportError_` with the reason when the file is not a TimelineJS object.
    """
    from timeline.importers import ImportError_
    from timeline.importers.tabular import open_text

    with open_text(path) as handle:
        try:
            timeline = json.load(handle)
        except json.JSONDecodeError as error:
            raise ImportError_(f"{path}:{error.lineno}: broken JSON ({error.msg}); save it again from the "
                               "program that wrote it") from None
        except RecursionError:
            raise ImportError_(f"{path}: JSON nested too deep to read (thousands of levels); TimelineJS JSON "
                               "needs four") from None
        except ValueError:  # Python reads no whole number of over 4,300 digits
            raise ImportError_(f"{path}: a number of thousands of digits, too long to read; TimelineJS JSON "
                               "holds years of four") from None
    if not isinstance(timeline, dict) or not isinstance(timeline.get("events"), list):
        raise ImportError_(f"{path}: not TimelineJS JSON, which is an object with a list of 'events'")
    if isinstance(timeline.get("title"), dict):
        yield f"{path}:title", {**_row(timeline["title"]), "type": "title"}
    for kind in ("eras", "events"):
        for index, slide in enumerate(timeline.get(kind) or []):
            row = _row(slide) if isinstance(slide, dict) else {}
            yield f"{path}:{kind}[{index}]", {**row, "type": "era"} if kind == "eras" else row


def _mapping(slide: dict[str, Any], key: str) -> dict[str, Any]:
    """The object at ``key`` of a slide; empty if absent or not an object."""
    value = slide.get(key)
    return value if isinstance(value, dict) else {}


def _row(slide: dict[str, Any]) -> dict[str, str]:
    row: dict[str, str] = {}
    for prefix, key in (("", "start_date"), ("end ", "end_date")):
        date = _mapping(slide, key)
        row |= {f"{prefix}{part}": str(date[part]) for part in ("year", "month", "day") if date.get(part) is not None}
        if date.get("hour") is not None:
            minute, second = date.get("minute") or 0, date.get("second")
            row[f"{prefix}time"] = f"{date['hour']}:{int(minute):02d}" + (f":{int(second):02d}" if second else "")
        if prefix == "" and date.get("display_date"):
            row["display date"] = str(date["display_date"])
    text, media = _mapping(slide, "text"), _mapping(slide, "media")
    row |= {"headline": str(text.get("headline") or ""), "text": str(text.get("text") or ""),
            "media": str(media.get("url") or ""), "media caption": str(media.get("caption") or ""),
            "media credit": str(media.get("credit") or ""), "group": str(slide.get("group") or "")}
    if slide.get("display_date"):
        row["display date"] = str(slide["display_date"])
    return {key: value.strip() for key, value in row.items() if value and value.strip()}


def records(path: Path, read: Any, sheet: dict[str, Any]) -> Iterator[Record]:
    """The records of the slides of ``path``, each read by ``read(where, row, sheet, old)`` (the sheet's reader)."""
    for where, row in slides(path):
        yield read(where, row, sheet, False)
