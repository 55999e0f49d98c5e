"""Write an import as a YAML dataset file the user owns, and check it with the normal loader."""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

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


class TooLarge(UserError):
    """An import to one file larger than a data file may be (the loader would refuse it)."""


class BadDestination(UserError):
    """``-o`` is a place an import must not be written: not a .yaml file, or one of the files imported."""


class InsideDataset(BadDestination):
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


#: The parts of an imported dataset, in the order written.
PARTS = ("dataset", "actors", "sources", "events", "issues", "positions", "plans")


def dump(imported: Imported, title: str, parts: tuple[str, ...] = PARTS,
         events: list[dict[str, Any]] | None = None) -> str:
    """The YAML text of ``imported``'s ``parts`` (dataset header, actors, sources, events in date order, #15 items).

    ``events`` replaces the imported events (a month's, for a folder); the dataset's
    title is ``title`` unless the file gave one (a TimelineJS title slide).
    """
    stances = imported.negotiation.get("stances")
    info = {"title": imported.info.get("title") or title,
            **({"description": imported.info["description"]} if imported.info.get("description") else {}),
            **({"stances": list(stances.values())} if stances else {})}
    body: dict[str, Any] = {"dataset": info, "actors": list(imported.actors.values()), "sources": list(imported.sources.values()),
            "events": sorted(imported.events.values() if events is None else events, key=_order),
            **{kind: list(imported.negotiation.get(kind, {}).values()) for kind in ("issues", "positions", "plans")}}
    body = {key: value for key, value in body.items() if key in parts and value}
    return yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def _order(event: dict[str, Any]) -> tuple[str, str]:
    return str(event.get("date", "")), event["id"]


def check_destination(output: Path, data: Path | None, inside: bool = False, inputs: Iterable[Path] = (),
                      folder: bool = False) -> None:
    """Refuse ``output`` (a file, or a folder for :func:`write_folder` if ``folder``) before anything is read.

    Refused: a file not named ``.yaml``/``.yml`` (the dataset would not read it), one of the files
    being imported (``inputs``: it would be replaced by its own import), and a place inside the
    dataset folder ``data`` unless ``inside``.
    """
    if not folder and output.suffix.lower() not in (".yaml", ".yml"):
        raise BadDestination(f"{output}: the import is a YAML dataset file; name it .yaml "
                            f"(-o {output.with_suffix('.yaml')}), or give a folder ending in /")
    for source in inputs:
        if output.exists() and output.samefile(source):
            raise BadDestination(f"{output} is the file being imported: writing there would replace it; "
                                "choose another -o")
    if data is None or inside or not data.is_dir():
        return
    data_folder, target = data.resolve(), output.resolve()
    if target == data_folder or data_folder in target.parents:
        raise InsideDataset(f"{output} is inside the dataset folder {data}: the import would join the dataset "
                            "before you review it; write it elsewhere, or pass --into-dataset")


def is_folder(output: str | os.PathLike) -> bool:
    """Whether ``-o`` names a folder: it ends with a slash or is an existing folder."""
    return str(output).endswith(("/", os.sep)) or Path(output).is_dir()


def write_yaml(imported: Imported, output: str | os.PathLike, comment: str, title: str,
               force: bool = False) -> Path:
    """Write ``imported`` to ``output`` under ``comment`` by the output rules of :mod:`timeline.outputs`.

    Raise :class:`TooLarge`, writing nothing, when the file would pass the size a data
    file may have (:func:`timeline.read.files.max_file_bytes`). A file timeline did not write is never
    replaced (:class:`timeline.outputs.OutputExists`) unless ``force``. Returns the path written.
    """
    from timeline.outputs import output_file
    from timeline.read.files import max_file_bytes

    output = Path(output)
    limit, size, pieces = max_file_bytes(), 0, []
    for piece in _file_pieces(imported, comment, title):
        size += len(piece)
        if size <= limit:
            pieces.append(piece)
        else:
            pieces.clear()  # past the limit the pieces are only counted: the text is never all in memory
    if size > limit:
        raise TooLarge(f"{output}: the import is {size / 2**20:.0f} MB, over the {limit // 2**20} MB "
                       f"one data file may hold; write it as a folder of files (-o {output.with_suffix('')}/), "
                       "or set TIMELINE_MAX_FILE_MB")
    with output_file(output, force=force) as temporary, temporary.open("wb") as out:
        out.writelines(pieces)
    return output


def _file_pieces(imported: Imported, comment: str, title: str) -> Iterator[bytes]:
    """The UTF-8 text of :func:`dump` under ``comment``, in pieces of at most :data:`_BLOCK` events."""
    yield (comment + dump(imported, title, ("dataset", "actors", "sources"))).encode()
    events = sorted(imported.events.values(), key=_order)
    if events:
        yield b"events:\n"
    for start in range(0, len(events), _BLOCK):
        yield _events_text(events[start:start + _BLOCK]).encode()
    if any(imported.negotiation.get(kind) for kind in ("issues", "positions", "plans")):
        yield dump(imported, title, ("issues", "positions", "plans")).encode()


class FolderWritten(NamedTuple):
    """What :func:`write_folder` did: the files it wrote, and the files of an earlier import it no longer writes."""

    written: list[Path]
    #: Files of an earlier import, unchanged since, that this one does not write: removed.
    removed: list[Path]
    #: Files of an earlier import that this one does not write, edited since: left as they are.
    kept: list[Path]


#: The names :func:`write_folder` gives its files: the parts, and the events of a month (or year, or undated), in
#: parts when one file would pass the loader's size limit (``2025-03.yaml``, ``2025-03.part2.yaml``, ...).
_FOLDER_FILE = re.compile(r"(?:actors|sources|issues|positions|plans|(?:undated|[0-9]{4}(?:-[0-9]{2})?)"
                          r"(?:\.part[0-9]+)?)\.yaml")
#: Events dumped at a time: a month of 100,000 events is never one string.
_BLOCK = 500


def write_folder(imported: Imported, folder: str | os.PathLike, comment: str, title: str,
                 force: bool = False) -> FolderWritten:
    """Write ``imported`` as a folder dataset: ``actors.yaml`` (with the dataset header), ``sources.yaml``,
    ``issues.yaml``, ``positions.yaml`` and ``plans.yaml`` where there are any, and the events of each month of
    their start in ``2025-03.yaml``, in parts (``2025-03.part2.yaml``, ...) where one file would pass the size
    a data file may have (:func:`timeline.read.files.max_file_bytes`), so that the folder loads.

    The files are made in a temporary folder first, a month at a time (the texts are never all in memory),
    and every name is checked before any is written: none may be a file timeline did not write
    (:class:`timeline.outputs.OutputExists`) unless ``force``. Files of an earlier import
    into the folder that this one does not write (a month no longer imported) would keep their
    events in the dataset: they are removed while unchanged since timeline wrote them, and kept
    (reported in :attr:`FolderWritten.kept`) once edited.
    """
    import shutil
    import tempfile

    from timeline.outputs import check_writable, folder_lock, generated_files, output_file, remove_ours

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from timeline.outputs import OutputError

        raise OutputError(f"{folder}: cannot make the folder ({error.strerror})") from None
    with tempfile.TemporaryDirectory(prefix="timeline-import-") as scratch:
        names = _made(imported, Path(scratch), comment, title)
        with folder_lock(folder):
            for name in names:
                check_writable(folder / name, force)
            for name in names:
                with output_file(folder / name, force=force) as temporary:
                    shutil.copyfile(Path(scratch) / name, temporary)
            earlier = sorted(name for name in generated_files(folder) if name not in names
                             and _FOLDER_FILE.fullmatch(name))
            removed = [folder / name for name in earlier if remove_ours(folder / name)]
    kept = [folder / name for name in earlier if folder / name not in removed and (folder / name).exists()]
    return FolderWritten([folder / name for name in names], removed, kept)


def _made(imported: Imported, scratch: Path, comment: str, title: str) -> list[str]:
    """Write the files of :func:`write_folder` into ``scratch``; their names, in order."""
    from timeline.read.files import max_file_bytes

    texts = {"actors.yaml": dump(imported, title, ("dataset", "actors")),
             **({"sources.yaml": dump(imported, title, ("sources",))} if imported.sources else {}),
             **{f"{kind}.yaml": dump(imported, title, (kind,)) for kind in ("issues", "positions", "plans")
                if imported.negotiation.get(kind)}}
    for name, text in texts.items():
        (scratch / name).write_text(comment + text, encoding="utf-8")
    months: dict[str, list[dict[str, Any]]] = {}
    for event in imported.events.values():
        months.setdefault(str(event.get("date", ""))[:7] or "undated", []).append(event)
    names = list(texts)
    head = f"{comment}events:\n".encode()
    for month, events in sorted(months.items()):
        events.sort(key=_order)
        for part, pieces in enumerate(_parts(events, max_file_bytes() - len(head)), 1):
            names.append(f"{month}{f'.part{part}' if part > 1 else ''}.yaml")
            with (scratch / names[-1]).open("wb") as out:
                out.write(head)
                out.writelines(pieces)
    return names


def _parts(events: list[dict[str, Any]], room: int) -> Iterator[list[bytes]]:
    """The YAML of ``events`` (UTF-8) in pieces, grouped in files of at most ``room`` bytes (an event larger than
    that alone in its file: the loader then says it is too large)."""
    part: list[bytes] = []
    size = 0
    for start in range(0, len(events), _BLOCK):
        block = _events_text(events[start:start + _BLOCK]).encode()
        for piece in [block] if len(block) <= room else (_events_text([e]).encode() for e in events[start:start + _BLOCK]):
            if part and size + len(piece) > room:
                yield part
                part, size = [], 0
            part.append(piece)
            size += len(piece)
    if part:
        yield part


def _events_text(events: list[dict[str, Any]]) -> str:
    """The YAML of a list of events, as :func:`dump` writes them under ``events:`` (the same text, in pieces)."""
    return yaml.dump(events, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def check(path: Path, data: Path | None = None) -> None:
    """Load ``path`` (with the dataset ``data``, whose actors it may name) through the normal checker.

    Raise :class:`WrittenInvalid` with every problem and its file:line.
    """
    from timeline.dataset import DatasetError, load

    try:
        if data is None or data.is_file() and data.resolve() == path.resolve():
            load(path)  # no dataset, or the dataset file itself (draft --into it): loaded twice, all would clash
        elif data.is_dir() and data.resolve() in path.resolve().parents:
            load(data)  # written into the dataset (--into-dataset): loading it loads the import
        else:
            load(data, path)
    except DatasetError as error:
        raise WrittenInvalid(path, error) from None


class WrittenInvalid(UserError):
    """The import was written but does not pass the checker; the summary says so, and how to finish it."""

    def __init__(self, path: Path, error: Any):
        self.problems, self.count, self.path, self.error = error.problems, error.count, path, error
        super().__init__(str(error))

    def summary(self) -> str:
        """The checker's lines, then what was written and what to do (not "nothing was loaded")."""
        lines = self.error.summary().split("\n")
        return "\n".join([*lines[:-1], f"Error: wrote {self.path}, but it does not pass the checker "
                                        f"({self.count:,} problem{'s' * (self.count != 1)}): fix them there, or "
                                        "write it again with --data naming the dataset that holds the actors and "
                                        "sources it names"])
