"""Bench ``timeline import`` of a GDELT- or ACLED-shaped file against DuckDB's ``read_csv`` on the same filter.

    python bench/bench_import.py --rows 1000000              # writes bench/data/gdelt-1m.tsv once
    python bench/bench_import.py --rows 1000000 --repeat 3 --write   # and a section in bench/RESULTS.md
    python bench/bench_import.py --format acled --rows 200000 --repeat 3   # ACLED CSV, --country Ukraine

ACLED: the rows of the 2023-layout fixture (tests/data/import/acled_2023.csv) with new
event_id_cnty values and countries drawn (seeded) from 40 names, so 1 row in 40 is in
Ukraine; the CSV is quoted as ACLED writes it. Both sides keep the rows of Ukraine
(``--country Ukraine``; DuckDB: ``WHERE country = 'Ukraine'``).

The file repeats the rows of the real GDELT 2.0 sample (../shared/event-data) with new
GLOBALEVENTIDs and actor countries drawn (seeded) from 40 CAMEO codes, so about 1 row in
800 is between Russia and Ukraine. Both sides run in a fresh process and keep the rows
between an actor of Russia and one of Ukraine (``--between RUS UKR``): timeline
writes its checked YAML file; DuckDB (``pip install duckdb``; the bench's only use of it)
reads every column as text and writes the kept rows as CSV. Each run is a new process timed by
:mod:`paired` (user + system CPU and the child's own peak resident set, ``os.wait4``), the three in turn.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent.parent / "shared" / "event-data" / "gdelt2_events_export_20150218230000_excerpt100.tsv"
CODES = ("RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IND", "BRA", "JPN", "ISR", "IRN", "SAU", "EGY",
         "NGA", "ZAF", "MEX", "CAN", "AUS", "POL", "ITA", "ESP", "PAK", "AFG", "IRQ", "SYR", "KOR", "PRK", "VNM",
         "IDN", "PHL", "THA", "KEN", "ETH", "ARG", "COL", "VEN", "CUB", "QAT")


def generate(rows: int, path: Path, seed: int = 13) -> None:
    """Write ``rows`` GDELT 2.0 rows to ``path``, from the sample's rows with new ids and countries."""
    pick = random.Random(seed).choice
    lines = [line.split("\t") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    lines = [row for row in lines if row[5] and row[15]]  # rows with both actors
    with path.open("w", encoding="utf-8") as out:
        for number in range(rows):
            row = list(lines[number % len(lines)])
            first, second = pick(CODES), pick(CODES)
            row[0] = str(1_000_000_000 + number)
            row[5], row[7], row[15], row[17] = first, first, second, second
            out.write("\t".join(row) + "\n")


COUNTRIES = ("Ukraine", "Russia", "Syria", "Yemen", "Sudan", "Somalia", "Mali", "Nigeria", "Mexico", "Brazil", "India",
             "Pakistan", "Afghanistan", "Iraq", "Myanmar", "Colombia", "Ethiopia", "Kenya", "Libya", "Lebanon",
             "Israel", "Palestine", "Iran", "Turkey", "Burkina Faso", "Niger", "Chad", "Cameroon", "Haiti", "Peru",
             "Chile", "Bangladesh", "Philippines", "Indonesia", "Georgia", "Armenia", "Azerbaijan", "Belarus",
             "Moldova", "Poland")


def generate_acled(rows: int, path: Path, seed: int = 13) -> None:
    """Write ``rows`` ACLED rows (2023 columns) to ``path``, from the fixture's good rows, with new ids and countries."""
    import csv

    pick = random.Random(seed).choice
    with (HERE.parent / "tests" / "data" / "import" / "acled_2023.csv").open(newline="", encoding="utf-8") as handle:
        header, *lines = list(csv.reader(handle))
    lines = lines[:3]  # the rows the importer keeps
    where = header.index("country")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for number in range(rows):
            row = list(lines[number % len(lines)])
            row[0], row[where] = f"XXX{number}", pick(COUNTRIES)
            writer.writerow(row)


DUCKDB_ACLED = """
import duckdb, sys
duckdb.sql(f\"\"\"COPY (SELECT * FROM read_csv('{sys.argv[1]}', header=true, all_varchar=true)
    WHERE country = 'Ukraine') TO '{sys.argv[2]}' (HEADER true)\"\"\")
"""
FLOOR_CSV = "import csv, sys\nfor _ in csv.reader(open(sys.argv[1], encoding='utf-8', newline='')): pass"

DUCKDB = """
import duckdb, sys
duckdb.sql(f\"\"\"COPY (SELECT * FROM read_csv('{sys.argv[1]}', delim='\\t', header=false, all_varchar=true,
    quote='', escape='') WHERE column07 = 'RUS' AND column17 = 'UKR' OR column07 = 'UKR' AND column17 = 'RUS')
    TO '{sys.argv[2]}' (HEADER false)\"\"\")
"""


def commands(fmt: str, data: Path, out: Path) -> dict[str, list[str]]:
    """The runs compared, by name: the floor, timeline import with the filter, DuckDB with the same filter."""
    if fmt == "acled":
        return {"floor: read the rows (Python csv)": [sys.executable, "-c", FLOOR_CSV, str(data)],
                "timeline import --country Ukraine": [
                    sys.executable, "-m", "timeline", "import", str(data), "--country", "Ukraine", "--force",
                    "-o", str(out / "out.yaml")],
                "DuckDB read_csv, same filter": [sys.executable, "-c", DUCKDB_ACLED, str(data), str(out / "out.csv")]}
    return {"floor: read the lines (Python)": [sys.executable, "-c",
                                               f"for _ in open({str(data)!r}, encoding='utf-8'): pass"],
            "timeline import --between RUS UKR": [
                sys.executable, "-m", "timeline", "import", str(data), "--between", "RUS", "UKR",
                "--force", "-o", str(out / "out.yaml")],
            "DuckDB read_csv, same filter": [sys.executable, "-c", DUCKDB, str(data), str(out / "out.csv")]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--format", choices=("gdelt", "acled"), default="gdelt")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args()
    data = HERE / "data" / f"{args.format}-{args.rows}.{'tsv' if args.format == 'gdelt' else 'csv'}"
    if not data.exists():
        data.parent.mkdir(exist_ok=True)
        (generate if args.format == "gdelt" else generate_acled)(args.rows, data)
    with tempfile.TemporaryDirectory() as folder:
        runs = commands(args.format, data, Path(folder))
        results: dict[str, paired.Series] = {name: paired.Series() for name in runs}
        for _ in range(args.repeat):  # in turn: floor, timeline, DuckDB, floor, ...
            for name, command in runs.items():
                results[name].samples.append(paired.run(command))
    duck = results["DuckDB read_csv, same filter"].median()
    shape = "GDELT" if args.format == "gdelt" else "ACLED"
    lines = [f"### timeline import, {shape}-shaped file of {args.rows:,} rows ({dt.date.today()})", "",
             f"{paired.machine()}; shared with other engineers' jobs while measured (CPU is what counts). "
             f"`python bench/bench_import.py --format {args.format} --rows {args.rows} --repeat {args.repeat}`; "
             f"median of {args.repeat}, the runs in turn.", "",
             "| run | CPU (user + system) | × DuckDB | wall | peak | exits |", "|---|---:|---:|---:|---:|---|"]
    lines += [f"| {name} | {series.median():.2f} s | {series.median() / duck:.2f} | {series.median('wall'):.2f} s | "
              f"{series.peak_mb:.0f} MB | {'/'.join(map(str, sorted(series.statuses)))} |"
              for name, series in results.items()]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as handle:
            handle.write("\n" + table)


if __name__ == "__main__":
    main()
