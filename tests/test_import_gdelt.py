"""``timeline import`` of GDELT events: the real 2.0 sample in ../shared/event-data, 1.0 layouts built from it."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import ImportError_, detect
from timeline.importers.gdelt import COLUMNS_1, COLUMNS_2, read_gdelt
from timeline.importers.records import Filters, collect

EVENT_DATA = ROOT.parent / "shared" / "event-data"
SAMPLE = EVENT_DATA / "gdelt2_events_export_20150218230000_excerpt100.tsv"


@pytest.fixture(scope="module")
def sample() -> Path:
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing; CI needs ../shared/event-data beside the checkout")
    return SAMPLE


@pytest.fixture(scope="module")
def imported(sample):
    return collect(read_gdelt(sample))


def test_the_columns_are_the_codebook_s(sample):
    names = [line.split(",", 1)[0] for line in (EVENT_DATA / "gdelt2_events_schema_columns.csv").read_text()
             .splitlines()[1:]]
    assert list(COLUMNS_2) == names
    assert len(COLUMNS_1) == 58 and "Actor1Geo_ADM2Code" not in COLUMNS_1 and COLUMNS_1[-1] == "SOURCEURL"


def test_the_counts_of_the_sample(imported):
    assert (imported.read, len(imported.events), imported.skipped, imported.merged, imported.refused_count) == \
        (100, 75, 0, 10, 15)
    assert imported.summary() == "100 rows read, 75 events imported, 0 skipped by filter, 10 merged, 15 refused"


def test_an_event_exactly(imported):
    event = imported.events["gdelt-410412352"]
    assert event == {
        "id": "gdelt-410412352", "type": "statement", "title": "Make optimistic comment: Australia and Investor",
        "date": "2014-02-18", "source": ["australia"], "target": ["bus-investor"],
        "location": "Brisbane, Queensland, Australia", "cameo": "013",
        "quantities": [{"what": "mentions", "value": 2, "unit": "mentions"},
                       {"what": "sources", "value": 1, "unit": "sources"},
                       {"what": "articles", "value": 2, "unit": "articles"},
                       {"what": "goldstein_scale", "value": 0.4}, {"what": "average_tone", "value": -1.2638}],
        "sources": ["url-48f6b887cac2"],
        "notes": "GDELT GLOBALEVENTID 410412352; added 20150218230000 (DATEADDED); QuadClass 1; IsRootEvent 1"}
    assert imported.actors["australia"] == {"id": "australia", "name": "Australia", "kind": "state",
                                            "aliases": ["AUS"]}
    assert imported.actors["bus-investor"] == {"id": "bus-investor", "name": "Investor", "kind": "organization",
                                               "aliases": ["BUS"]}


def test_a_visit_has_its_host_and_plover_mode(imported):
    visit = imported.events["gdelt-410412353"]
    assert (visit["type"], visit["cameo"], visit["participants"], visit["host"], visit["plover"]) == \
        ("visit", "042", ["australia"], ["new-zealand"], {"type": "CONSULT", "mode": "visit"})


def test_repeated_events_collapse_with_every_source(imported):
    event = imported.events["gdelt-410414594"]
    assert event["sources"] == ["url-0fddf61cbed1", "url-04de35f13ede", "url-5b3599252e71"]
    assert event["notes"].endswith("Also recorded as gdelt-410414596.\nAlso recorded as gdelt-410414598.")
    assert "gdelt-410414596" not in imported.events


def test_an_organisation_is_affiliated_to_its_state(imported):
    assert imported.actors["australia-business"] == {
        "id": "australia-business", "name": "Australia business", "kind": "organization",
        "affiliation": "australia", "aliases": ["AUSBUS"]}


def test_refused_rows_say_where_and_why(imported, sample):
    assert imported.refused[0] == f"{sample}:1: CAMEO 043 (Host a visit) is between two actors; the row names 1"
    assert len(imported.refused) == 15


def _row(sample: Path, number: int) -> list[str]:
    return sample.read_text().splitlines()[number - 1].split("\t")


def test_gdelt_1_layouts(sample, tmp_path):
    row = dict(zip(COLUMNS_2, _row(sample, 6)))
    daily = tmp_path / "20140218.export.CSV"
    daily.write_text("\t".join(row[c] if c != "DATEADDED" else "20140219" for c in COLUMNS_1) + "\n")
    backfile = tmp_path / "1979.csv"
    backfile.write_text("\t".join(row[c] if c != "DATEADDED" else "20140219" for c in COLUMNS_1[:-1]) + "\n")
    assert detect(daily) == ("gdelt", "GDELT 1.0, 58 tab-separated columns")
    assert detect(backfile) == ("gdelt", "GDELT 1.0 backfile, 57 tab-separated columns")
    first = collect(read_gdelt(daily)).events["gdelt-410412352"]
    assert (first["date"], first["cameo"], first["sources"]) == ("2014-02-18", "013", ["url-48f6b887cac2"])
    assert "sources" not in collect(read_gdelt(backfile)).events["gdelt-410412352"]


@pytest.mark.parametrize(("column", "value", "why"), [
    ("SQLDATE", "20140231", "SQLDATE '20140231' is not a date (YYYYMMDD)"),
    ("SQLDATE", "20150219", "SQLDATE 2015-02-19 is after DATEADDED 2015-02-18: an event is reported on or after "
                            "it happens"),
    ("EventCode", "---", "EventCode '---' is not a CAMEO event code (two to four digits, 01 to 20)"),
])
def test_a_broken_row_is_refused_not_guessed(sample, tmp_path, column, value, why):
    row = _row(sample, 6)
    row[COLUMNS_2.index(column)] = value
    path = tmp_path / "bad.tsv"
    path.write_text("\t".join(_row(sample, 7)) + "\n" + "\t".join(row) + "\n")
    result = collect(read_gdelt(path))
    assert result.refused == [f"{path}:2: {why}"]
    assert list(result.events) == ["gdelt-410412353"]


def test_filters(sample):
    pair = collect(read_gdelt(sample), Filters(countries=frozenset({"aus", "nzl"})))
    assert sorted(pair.events) == ["gdelt-410412352", "gdelt-410412353", "gdelt-410412354", "gdelt-410412357"]
    assert collect(read_gdelt(sample, countries=frozenset({"AUS", "NZL"}))).events.keys() == pair.events.keys()
    consult = collect(read_gdelt(sample), Filters(cameo=("04",), since="2020-03-17", until="2020-03-17"))
    assert sorted(consult.events) == ["gdelt-913095784", "gdelt-913095786"]
    assert consult.skipped == 85 - 2 - consult.merged


def test_unknown_layout_says_what_it_expected(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Date,Who,What\n2025-12-02,Putin,met\n")
    with pytest.raises(ImportError_, match=r"unknown layout; expected .*GDELT events \(57, 58 or 61 tab-separated "
                                           r"columns.*the first row has: Date \| Who \| What"):
        detect(path)


def test_the_command_writes_a_file_that_validates(run, sample, tmp_path):
    out = tmp_path / "gdelt.yaml"
    result = run("import", str(sample), "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"100 rows read, 75 events imported, 0 skipped by filter, 10 merged, 15 refused; " \
                            f"wrote {out}\n"
    assert f"{sample}: gdelt (GDELT 2.0, 61 tab-separated columns)" in result.stderr
    assert "... and 5 more refused rows" in result.stderr
    text = out.read_text()
    assert text.startswith("# Imported by timeline ")
    assert f"# from {sample} (gdelt)\n# options: none\n" in text
    dataset = load(out)
    assert len(dataset.events) == 75
    assert dataset.event("gdelt-410412352").cameo == "013"
    again = run("import", str(sample), "-o", str(out), data=None)  # our own file: replaced, same content
    assert again.exit_code == 0 and out.read_text().split("\n", 1)[1] == text.split("\n", 1)[1]


def test_the_command_never_overwrites_a_file_it_did_not_write(run, sample, tmp_path):
    out = tmp_path / "mine.yaml"
    out.write_text("my notes\n")
    result = run("import", str(sample), "-o", str(out), data=None)
    assert result.exit_code == 1 and out.read_text() == "my notes\n"


def test_the_command_refuses_output_inside_the_dataset_folder(run, sample, tmp_path):
    folder = tmp_path / "record"
    folder.mkdir()
    (folder / "a.yaml").write_text("actors:\n- {id: australia, name: Australia, kind: state}\n")
    result = run("import", str(sample), "--data", str(folder), "-o", str(folder / "new.yaml"), data=None)
    assert result.exit_code == 1 and "is inside the dataset folder" in result.stderr
    assert not (folder / "new.yaml").exists()


def test_data_resolves_actors_to_existing_ids(run, sample, tmp_path):
    existing = tmp_path / "record.yaml"
    existing.write_text("actors:\n- {id: aus, name: Commonwealth of Australia, kind: state, aliases: [Australia]}\n"
                        "- {id: nz, name: New Zealand, kind: state}\n")
    out = tmp_path / "out" / "new.yaml"
    out.parent.mkdir()
    result = run("import", str(sample), "--data", str(existing), "--country", "AUS", "--country", "NZL",
                 "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("100 rows read, 4 events imported, 92 skipped by filter, 2 merged, 2 refused")
    text = out.read_text()
    assert "id: australia\n" not in text and "id: new-zealand\n" not in text and "id: bus-investor\n" in text
    visit = [line for line in text.splitlines() if "gdelt-410412353" in line]
    assert visit
    combined = load_together(existing, out)
    event = combined.event("gdelt-410412353")
    assert (event.participants, event.host) == (("aus",), ("nz",))


def load_together(*files: Path):
    folder = files[0].parent / "together"
    folder.mkdir()
    for file in files:
        (folder / file.name).write_text(file.read_text())
    return load(folder)


def test_between_two_countries_from_a_zip(run, sample, tmp_path):
    import zipfile

    archive = tmp_path / "20150218230000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(sample, "20150218230000.export.CSV")
    out = tmp_path / "pair.yaml"
    result = run("import", str(archive), "--between", "AUS", "NZL", "--cameo", "04", "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"100 rows read, 2 events imported, 96 skipped by filter, 2 merged, 0 refused; wrote {out}\n"
    assert sorted(e.id for e in load(out).events) == ["gdelt-410412353", "gdelt-410412354"]
    assert "# options: between=('AUS', 'NZL'), cameo=('04',)\n" in out.read_text()
    library = collect(read_gdelt(sample), Filters(between=frozenset({"aus", "nzl"}), cameo=("04",)))
    assert sorted(library.events) == ["gdelt-410412353", "gdelt-410412354"]
