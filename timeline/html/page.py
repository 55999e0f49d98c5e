"""Assemble the page: the template, the vendored libraries, the page's own script and style, and the data.

The data goes into a ``<script type="application/json">`` element (gzipped
and base64-encoded when large; the browser's DecompressionStream reads it), with
``<``, ``>``, ``&`` and the two JavaScript line separators escaped, so no
text of the record can end the element or be read as markup; the page's
script reads it with ``JSON.parse`` and writes every text with
``textContent``.
"""
from __future__ import annotations

import base64
import gzip
import json
import os
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from timeline.html.data import page_data, split_detail
from timeline.model import Dataset, Event
from timeline.outputs import output_file

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor"
#: The files inlined into the page, in order: the libraries, then the page's own.
STYLES = (VENDOR / "vis-timeline-graph2d.min.css", HERE / "page.css")
SCRIPTS = (VENDOR / "vis-timeline-graph2d.min.js", VENDOR / "cytoscape.min.js")
#: The page's own script, in parts that share one function scope, in this order.
PARTS = tuple(HERE / "js" / f"{name}.js" for name in ("core", "timeline", "graph", "graph_phone", "graph_ends",
                                                        "graph_lines", "graph_labels", "lists",
                                                        "details", "positions", "views", "controls", "main"))
#: Data larger than this many characters is gzipped (and base64-encoded): a 10,000-event record stays under 5 MB.
COMPRESS_ABOVE = 1_000_000
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def page_html(dataset: Dataset, events: Sequence[Event] | None = None, include_drafts: bool = False) -> str:
    """The whole page as one HTML text, for the ``events`` of ``dataset`` (default: all but drafts)."""
    data, detail = split_detail(page_data(dataset, events, include_drafts))
    encoding, text = _encoded(data)
    detail_encoding, detail_text = _encoded(detail)
    template = (HERE / "page.html").read_text(encoding="utf-8")
    parts = {
        "title": escape(data["title"]),
        "styles": "\n".join(_inline(path, "</style") for path in STYLES),
        "encoding": encoding,
        "data": text,
        "detail_encoding": detail_encoding,
        "detail": detail_text,
        "scripts": "\n".join(f"<script>{text}</script>" for text in (*map(_script, SCRIPTS), _page_script())),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: parts[match.group(1)], template)  # one pass: data is never re-read


def write_page(dataset: Dataset, path: str | os.PathLike, events: Sequence[Event] | None = None,
               force: bool = False, include_drafts: bool = False) -> Path:
    """Write the page of the ``events`` (default: all but drafts) to ``path`` (UTF-8) and return the path.

    As every output of timeline, an existing file is replaced only if timeline
    wrote it (else :class:`timeline.outputs.OutputExists`, unless ``force``).
    """
    text = page_html(dataset, events, include_drafts)
    with output_file(path, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def _encoded(data: dict) -> tuple[str, str]:
    """``(encoding, text)`` of data for a JSON script element: JSON, or gzipped and base64-encoded past
    :data:`COMPRESS_ABOVE` characters; escaped so that no text of the record ends the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(text) > COMPRESS_ABOVE:
        return "gzip+base64", base64.b64encode(gzip.compress(text.encode("utf-8"), mtime=0)).decode("ascii")
    return "json", text.translate(_SCRIPT_SAFE)


def _script(path: Path) -> str:
    return _inline(path, "</script")


def _page_script() -> str:
    """The page's own script: its parts joined in one strict function scope."""
    return '(function () {\n"use strict";\n' + "\n".join(map(_script, PARTS)) + "})();\n"


def _inline(path: Path, end_tag: str) -> str:
    """The text of an asset to inline; one holding its element's end tag would break the page."""
    text = path.read_text(encoding="utf-8")
    if end_tag in text.lower() or "<!--" in text:
        raise ValueError(f"{path.name} holds {end_tag!r} or '<!--' and cannot be inlined")
    return text
