"""Floors and alternatives for issue 18, each timed as a whole new process (with its imports) by the caller.

    python bench/floors.py prepare bench/data/100k /tmp/floors     # JSON, Parquet and DuckDB copies of the data
    python bench/floors.py pyyaml bench/data/100k                  # PyYAML's C loader, to Python objects
    python bench/floors.py rapidyaml bench/data/100k               # rapidyaml, to the same Python objects
    python bench/floors.py orjson /tmp/floors                      # the same objects from JSON (orjson)
    python bench/floors.py duckdb-met /tmp/floors ukraine          # who met ukraine: DuckDB on its own file
    python bench/floors.py parquet-met /tmp/floors ukraine         # the same from Parquet

Each command prints one line (what it read, how many items), so a run that read nothing shows.
``prepare`` reads the dataset with timeline's loader and writes ``data.json`` (the parsed YAML of
every file), ``events.parquet`` and ``roles.parquet`` (one row per event and actor in a role), and
``timeline.duckdb`` with the same two tables. Who met whom in DuckDB: the actors in a meeting
role (participants, head, host, signatory) of the same held meeting, call or visit, a pair per
event; timeline's ``met`` adds mediator and group rules on top, so DuckDB's answer is a floor,
not the same list.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

MEETING_ROLES = ("participants", "head", "host", "signatory")
MET = """
SELECT DISTINCT e.id, e.date, o.actor
FROM {roles} AS r JOIN {roles} AS o ON o.event = r.event AND o.actor <> r.actor
JOIN {events} AS e ON e.id = r.event
WHERE r.actor = ? AND r.role IN {meeting_roles} AND o.role IN {meeting_roles}
  AND e.type IN ('meeting', 'call', 'visit', 'talks', 'summit') AND e.status IN ('occurred', 'disputed')
ORDER BY e.date, e.id, o.actor
"""


def yaml_files(folder: str) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in (".yaml", ".yml"))


def pyyaml(folder: str) -> None:
    import yaml

    documents = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in yaml_files(folder)]
    print(f"pyyaml: {len(documents)} files, {sum(len(d.get('events') or []) for d in documents)} events")


def rapidyaml(folder: str) -> None:
    import ryml

    def python(tree: ryml.Tree, node: int) -> object:
        """The node as Python values (mappings, lists, text): what a YAML loader gives, scalars left as text."""
        if tree.is_map(node):
            return {bytes(tree.key(child)).decode(): python(tree, child) for child in ryml.children(tree, node)}
        if tree.is_seq(node):
            return [python(tree, child) for child in ryml.children(tree, node)]
        return bytes(tree.val(node)).decode() if tree.has_val(node) else None

    documents = []
    for path in yaml_files(folder):
        tree = ryml.parse_in_arena(path.read_bytes())
        documents.append(python(tree, tree.root_id()))
    print(f"rapidyaml: {len(documents)} files, {sum(len(d.get('events') or []) for d in documents)} events")


def orjson_load(folder: str) -> None:
    import orjson

    documents = orjson.loads((Path(folder) / "data.json").read_bytes())
    print(f"orjson: {len(documents)} files, {sum(len(d.get('events') or []) for d in documents)} events")


def duckdb_met(folder: str, actor: str) -> None:
    import duckdb

    db = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True)
    rows = db.execute(MET.format(roles="roles", events="events", meeting_roles=MEETING_ROLES), [actor]).fetchall()
    print(f"duckdb: {actor} met {len(rows)} times")


def parquet_met(folder: str, actor: str) -> None:
    import duckdb

    roles, events = (f"read_parquet('{Path(folder) / name}.parquet')" for name in ("roles", "events"))
    rows = duckdb.execute(MET.format(roles=roles, events=events, meeting_roles=MEETING_ROLES), [actor]).fetchall()
    print(f"parquet: {actor} met {len(rows)} times")


def prepare(data: str, out: str) -> None:
    import duckdb
    import orjson
    import yaml

    from timeline import dataset
    from timeline.model import ROLE_KEYS

    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    documents = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in yaml_files(data)]
    (target / "data.json").write_bytes(orjson.dumps(documents, default=str))
    record = dataset.load(data)
    events = [(e.id, e.type, e.status, e.date.start.isoformat() if e.date.start else None) for e in record.events]
    roles = [(e.id, key, actor) for e in record.events for key in ROLE_KEYS for actor in getattr(e, key)]
    database = target / "timeline.duckdb"
    database.unlink(missing_ok=True)
    db = duckdb.connect(str(database))
    db.execute("CREATE TABLE events (id TEXT, type TEXT, status TEXT, date TEXT)")
    db.execute("CREATE TABLE roles (event TEXT, role TEXT, actor TEXT)")
    for table, rows in (("events", events), ("roles", roles)):
        with open(target / f"{table}.csv", "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        db.execute(f"COPY {table} FROM '{target / table}.csv' (HEADER false)")
    for table in ("events", "roles"):
        db.execute(f"COPY {table} TO '{target / table}.parquet' (FORMAT parquet)")
    db.close()
    print(f"prepared {target}: {len(documents)} files, {len(events)} events, {len(roles)} roles")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"prepare": prepare, "pyyaml": pyyaml, "rapidyaml": rapidyaml, "orjson": orjson_load,
     "duckdb-met": duckdb_met, "parquet-met": parquet_met}[command](*args)
