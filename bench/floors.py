"""Floors and alternatives for issue 18, each timed as a whole new process (with its imports) by the caller.

    python bench/floors.py prepare bench/data/100k /tmp/floors     # JSON, Parquet and DuckDB copies of the data
    python bench/floors.py pyyaml bench/data/100k                  # PyYAML's C loader, to Python objects
    python bench/floors.py rapidyaml bench/data/100k               # rapidyaml, to the same Python objects
    python bench/floors.py orjson /tmp/floors                      # the same objects from JSON (orjson)
    python bench/floors.py duckdb-met /tmp/floors ukraine          # who met ukraine: DuckDB on its own file
    python bench/floors.py parquet-met /tmp/floors ukraine         # the same from Parquet
    python bench/floors.py duckdb-contested /tmp/floors             # claims and disputed events with their denials
    python bench/floors.py duckdb-relations /tmp/floors ukraine     # what passed between ukraine and each other actor
    python bench/floors.py duckdb-path /tmp/floors ukraine russia   # a shortest chain of meetings (BFS in SQL)
    python bench/floors.py duckdb-events /tmp/floors ukraine 2025-01-01   # events of ukraine and its members since
    python bench/floors.py duckdb-positions /tmp/floors territory 2024-06-30   # who stood where on an issue, on a day

Each command prints one line (what it read, how many items), so a run that read nothing shows;
the question floors (``duckdb-contested``, ``-relations``, ``-path``, ``-events``) print their rows
too, one tab-separated line each, as timeline prints its answer. ``prepare`` reads the dataset with
timeline's loader and writes ``data.json`` (the parsed YAML of every file), ``events.parquet`` and
``roles.parquet`` (one row per event and actor in a role), and ``timeline.duckdb`` with those two
tables and ``related`` (event, relation, target) and ``actors`` (id, affiliation as things stand).
Who met whom in DuckDB: the actors in a meeting role (participants, head, host, signatory) of the
same held meeting, call or visit, a pair per event; timeline's ``met`` adds mediator and group rules
on top, so DuckDB's answer is a floor, not the same list. The other questions are floors in the
same sense: ``relations`` pairs an actor in any acting role with every other actor of the same
held event, by event type; ``path`` searches those meeting pairs level by level (one query per
level, DuckDB has no breadth-first search that stops at the first hit); ``events`` keeps the events
with a role of the actor or of an actor affiliated to it (a recursive query over ``actors``)
ending on or after the date; ``positions`` keeps, on the issue and its sub-issues, each actor's latest
position dated on or before the day (a window function over ``positions``, written by ``prepare`` when
the dataset has some: ``generate.py --positions``), without the claims, drafts and open-start rules.
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


HELD = "('occurred', 'disputed')"
PAIRS = """
SELECT {columns} FROM roles AS r JOIN roles AS o ON o.event = r.event AND o.actor <> r.actor
JOIN events AS e ON e.id = r.event WHERE e.status IN {held} AND r.role <> 'mentioned' AND o.role <> 'mentioned'
"""
CONTESTED = """
SELECT e.id, e.date, e.status, e.summary, string_agg(DISTINCT s.actor, ', '), string_agg(DISTINCT d.event, ', '),
       string_agg(DISTINCT ds.actor, ', ')
FROM events AS e LEFT JOIN related AS d ON d.target = e.id AND d.relation = 'disputes'
LEFT JOIN roles AS s ON s.event = e.id AND s.role = 'source' LEFT JOIN roles AS ds ON ds.event = d.event AND ds.role = 'source'
WHERE e.type = 'claim' OR e.status IN ('disputed', 'claimed') OR d.event IS NOT NULL
GROUP BY e.id, e.date, e.status, e.summary ORDER BY e.date, e.id
"""
MEMBERS = """
WITH RECURSIVE members(id) AS (SELECT ? UNION SELECT a.id FROM actors AS a JOIN members AS m ON a.affiliation = m.id)
"""
EVENTS = MEMBERS + """
SELECT e.id, e.date, e.type, e.status, e.location, e.summary FROM events AS e
WHERE e.id IN (SELECT event FROM roles WHERE actor IN (SELECT id FROM members)) AND (e."end" IS NULL OR e."end" >= ?)
ORDER BY e.start, e.id
"""


def _print_rows(rows: list[tuple]) -> None:
    sys.stdout.write("".join("\t".join(map(str, row)) + "\n" for row in rows))


def duckdb_contested(folder: str) -> None:
    import duckdb

    rows = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True).execute(CONTESTED).fetchall()
    _print_rows(rows)
    print(f"duckdb: {len(rows)} contested events", file=sys.stderr)


def duckdb_relations(folder: str, actor: str) -> None:
    import duckdb

    db = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True)
    columns = "o.actor, e.type, count(DISTINCT e.id), min(e.start), max(e.\"end\"), string_agg(DISTINCT e.id, ', ')"
    rows = db.execute(PAIRS.format(columns=columns, held=HELD) + " AND r.actor = ? GROUP BY o.actor, e.type"
                      " ORDER BY o.actor, e.type", [actor]).fetchall()
    _print_rows(rows)
    print(f"duckdb: {actor} has {len(rows)} relations", file=sys.stderr)


def duckdb_path(folder: str, actor: str, other: str) -> None:
    import duckdb

    db = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True)
    meeting = f" AND e.type IN ('meeting', 'call', 'visit') AND r.role IN {MEETING_ROLES} AND o.role IN {MEETING_ROLES}"
    db.execute("CREATE TEMP TABLE edges AS " + PAIRS.format(columns="DISTINCT r.actor AS a, o.actor AS b", held=HELD)
               + meeting)
    db.execute("CREATE TEMP TABLE seen AS SELECT ? AS node, NULL::TEXT AS prev, 0 AS depth", [actor])
    depth = 0
    while not db.execute("SELECT 1 FROM seen WHERE node = ?", [other]).fetchone():
        added = db.execute("INSERT INTO seen SELECT b, min(a), ? FROM edges WHERE a IN (SELECT node FROM seen WHERE"
                           " depth = ?) AND b NOT IN (SELECT node FROM seen) GROUP BY b", [depth + 1, depth]).fetchone()
        depth += 1
        if not added or not added[0]:
            print(f"duckdb: no chain from {actor} to {other}", file=sys.stderr)
            return
    chain = [other]
    while chain[-1] != actor:
        chain.append(db.execute("SELECT prev FROM seen WHERE node = ?", [chain[-1]]).fetchone()[0])
    _print_rows([tuple(reversed(chain))])
    print(f"duckdb: a chain of {len(chain) - 1} links", file=sys.stderr)


def duckdb_events(folder: str, actor: str, since: str) -> None:
    import duckdb

    db = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True)
    rows = db.execute(EVENTS, [actor, since]).fetchall()
    _print_rows(rows)
    print(f"duckdb: {len(rows)} events of {actor} since {since}", file=sys.stderr)


POSITIONS = """
WITH RECURSIVE chosen(id) AS (SELECT ? UNION SELECT i.id FROM issues AS i JOIN chosen AS c ON i.parent = c.id),
latest AS (SELECT p.*, row_number() OVER (PARTITION BY p.actor, p.issue ORDER BY p.start DESC, p.id DESC) AS n
           FROM positions AS p WHERE p.issue IN (SELECT id FROM chosen) AND p.start <= ?)
SELECT date, issue, actor, stance, statement, event FROM latest WHERE n = 1 ORDER BY issue, actor
"""


def duckdb_positions(folder: str, issue: str, day: str) -> None:
    import duckdb

    db = duckdb.connect(str(Path(folder) / "timeline.duckdb"), read_only=True)
    rows = db.execute(POSITIONS, [issue, day]).fetchall()
    _print_rows(rows)
    print(f"duckdb: {len(rows)} positions on {issue} and within it as of {day}", file=sys.stderr)


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
    events = [(e.id, e.type, e.status, e.date.start.isoformat() if e.date.start else None, e.date.iso_start(),
               e.date.iso_end(), e.location, e.summary) for e in record.events]
    roles = [(e.id, key, actor) for e in record.events for key in ROLE_KEYS for actor in getattr(e, key)]
    related = [(e.id, link.relation, link.event) for e in record.events for link in e.related]
    actors = [(a.id, a.affiliation) for a in record.actors.values()]
    issues = [(i.id, i.parent) for i in record.issues.values()]
    positions = [(p.id, p.actor, p.issue, p.stance, p.date.text, (p.date.start or p.date.end).date().isoformat(),
                  p.statement, p.event) for p in record.positions]
    database = target / "timeline.duckdb"
    database.unlink(missing_ok=True)
    db = duckdb.connect(str(database))
    db.execute('CREATE TABLE events (id TEXT, type TEXT, status TEXT, date TEXT, start TEXT, "end" TEXT,'
               ' location TEXT, summary TEXT)')
    db.execute("CREATE TABLE roles (event TEXT, role TEXT, actor TEXT)")
    db.execute("CREATE TABLE related (event TEXT, relation TEXT, target TEXT)")
    db.execute("CREATE TABLE actors (id TEXT, affiliation TEXT)")
    db.execute("CREATE TABLE issues (id TEXT, parent TEXT)")
    db.execute("CREATE TABLE positions (id TEXT, actor TEXT, issue TEXT, stance TEXT, date TEXT, start TEXT,"
               " statement TEXT, event TEXT)")
    for table, rows in (("events", events), ("roles", roles), ("related", related), ("actors", actors),
                        ("issues", issues), ("positions", positions)):
        with open(target / f"{table}.csv", "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        db.execute(f"COPY {table} FROM '{target / table}.csv' (HEADER false)")
    for table in ("events", "roles", "related", "actors"):
        db.execute(f"COPY {table} TO '{target / table}.parquet' (FORMAT parquet)")
    db.close()
    print(f"prepared {target}: {len(documents)} files, {len(events)} events, {len(roles)} roles")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"prepare": prepare, "pyyaml": pyyaml, "rapidyaml": rapidyaml, "orjson": orjson_load,
     "duckdb-met": duckdb_met, "parquet-met": parquet_met, "duckdb-contested": duckdb_contested,
     "duckdb-relations": duckdb_relations, "duckdb-path": duckdb_path, "duckdb-events": duckdb_events,
     "duckdb-positions": duckdb_positions}[command](*args)
