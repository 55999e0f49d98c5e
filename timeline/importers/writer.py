"""Write an import as a YAML dataset file the user owns, and check it with the normal loader."""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from timeline import __version__
from timeline.errors import UserError
from timeline.importers.records import Imported

#: Plain scalars that YAML 1.2 (the project's reader) or 1.1 would not read as text: written quoted.
_TYPED = re.compile(r"[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML's safe dumper, quoting every text a YAML 1.2 reader would take for a number ('080')."""

    def represent_str(self, data: str) -> yaml.ScalarNode:
        if _TYPED.fullmatch(data):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="'")
        return super().represent_str(data)


_Dumper.add_representer(str, _Dumper.represent_str)


class InsideDataset(UserError):
    """``-o`` points inside the dataset folder given with ``--data``."""


def header(files: Iterable[str], formats: Iterable[str], options: dict[str, Any]) -> str:
    """The comment at the top of an imported file: where it came from, with which options, when."""
    chosen = ", ".join(f"{key}={value}" for key, value in options.items() if value not in (None, (), "", False))
    lines = [f"Imported by timeline {__version__} (timeline import) on {dt.date.today().isoformat()}",
             *(f"from {file} ({fmt})" for file, fmt in zip(files, formats)),
             f"options: {chosen or 'none'}",
             "Review it before use: ids come from the source's own keys, so importing again gives the same ids;",
             "actors not found in --data are proposed here with the codes the source gave as aliases."]
    return "".join(f"# {line}\n" for line in lines)


def dump(imported: Imported, title: str) -> str:
    """The YAML text of ``imported``: dataset title, actors, sources, events (in date order)."""
    stances = imported.negotiation.get("stances")
    body = {"dataset": {"title": title, **({"stances": list(stances.values())} if stances else {})},
            "actors": list(imported.actors.values()), "sources": list(imported.sources.values()),
            "events": sorted(imported.events.values(), key=lambda e: (str(e.get("date", "")), e["id"])),
            **{kind: list(imported.negotiation.get(kind, {}).values()) for kind in ("issues", "positions", "plans")}}
    for key in ("actors", "sources", "issues", "positions", "plans"):
        if not body[key]:
            del body[key]
    return yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def check_destination(output: Path, data: Path | None, inside: bool = False) -> None:
    """Refuse ``output`` inside the dataset folder ``data`` unless ``inside`` (the import would join it)."""
    if data is None or inside or not data.is_dir():
        return
    folder, target = data.resolve(), output.resolve().parent
    if target == folder or folder in target.parents:
        raise InsideDataset(f"{output} is inside the dataset folder {data}: the import would join the dataset "
                            "before you review it; write it elsewhere, or pass --into-dataset")


def write_yaml(imported: Imported, output: str | os.PathLike, comment: str, title: str,
               force: bool = False) -> Path:
    """Write ``imported`` to ``output`` under ``comment`` by the output rules of :mod:`timeline.outputs`.

    A file timeline did not write is never replaced (:class:`timeline.outputs.OutputExists`)
    unless ``force``. Returns the path written.
    """
    from timeline.outputs import output_file

    output = Path(output)
    with output_file(output, force=force) as temporary:
        temporary.write_text(comment + dump(imported, title), encoding="utf-8")
    return output


def check(path: Path, data: Path | None = None) -> None:
    """Load ``path`` (with the dataset ``data``, whose actors it may name) through the normal checker.

    Raise :class:`timeline.dataset.DatasetError` with every problem and its file:line.
    """
    from timeline.dataset import _Builder, dataset_files, load, max_file_bytes
    from timeline.read.problems import COLLECTING

    if data is None:
        load(path)
        return
    files, unread = dataset_files(data)
    builder = _Builder(max_file_bytes())
    token = COLLECTING.set(builder.problems)
    try:
        for problem in unread:
            builder.problems.add(problem)
        for file in [*files, path]:
            builder.add_file(file)
        builder.finish()
    finally:
        COLLECTING.reset(token)
