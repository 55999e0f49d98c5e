"""The timeline chart's files (SVG, PDF, PNG; the same data, the same bytes), the command line, errors,
and titles of events with few words."""
from __future__ import annotations

from datetime import datetime

import matplotlib.dates as mdates
import pytest
from timeline_figure import (
    axes,
    meeting,
    record,
)

from timeline.dataset import load
from timeline.errors import NothingToShow
from timeline.render.labels import event_titles
from timeline.render.timeline import (
    ChartError,
    draw_timeline,
    render_timeline,
)

# --- files and the command line ------------------------------------------------------

def test_same_data_same_svg_and_pdf(seed, tmp_path):
    for suffix in ("svg", "pdf"):
        a, b = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        render_timeline(seed, a)
        render_timeline(seed, b)
        assert a.read_bytes() == b.read_bytes()
    svg = (tmp_path / "a.svg").read_text()
    assert "<dc:date>" not in svg and 'id="moscow-talks"' in svg


@pytest.mark.parametrize(("name", "magic"), [("t.png", b"\x89PNG"), ("t.svg", b"<?xml"), ("t.PDF", b"%PDF")])
def test_format_follows_the_extension(run, tmp_path, name, magic):
    path = tmp_path / name
    result = run("render", "timeline", "-o", str(path), "--dpi", "50")
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(magic)
    assert result.output == (f"wrote {path}: 24 events in 5 lanes, 2 without a label for lack of room "
                             "(2 of them numbered in a note)\n")


def test_size_and_dpi_set_the_pixels(run, tmp_path):
    from PIL import Image

    path = tmp_path / "t.png"
    assert run("render", "timeline", "-o", str(path), "--size", "8x5", "--dpi", "50").exit_code == 0
    assert Image.open(path).size == (400, 250)


def test_filters_zoom_in(run, tmp_path):
    result = run("render", "timeline", "-o", str(tmp_path / "t.svg"), "--type", "meeting", "--lanes", "none",
                 "--title", "Meetings")
    assert result.exit_code == 0
    assert result.output.endswith(": 2 events in 1 lane\n")


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "chart.gif"], "Error: cannot write 'chart.gif': name the file .png, .svg or .pdf\n"),
    (["--type", "agreement"], ("Error: no events to draw; loosen the filters "
                                "(--since, --until, --actor, --type, --status)\n")),
])
def test_bad_requests_fail_with_one_line(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("render", "timeline", *args)
    assert (result.exit_code, result.output) == (1, message)
    assert not list(tmp_path.iterdir())


def test_a_file_timeline_did_not_write_is_kept(run, tmp_path):
    path = tmp_path / "mine.png"
    path.write_bytes(b"precious")
    result = run("render", "timeline", "-o", str(path))
    assert result.exit_code == 1 and "pass --force" in result.output
    assert path.read_bytes() == b"precious"
    assert run("render", "timeline", "-o", str(path), "--force", "--dpi", "30").exit_code == 0
    assert path.read_bytes().startswith(b"\x89PNG")


def test_size_options_are_checked(run, tmp_path):
    out = str(tmp_path / "t.png")
    assert run("render", "timeline", "-o", out, "--size", "8x").exit_code == 2
    assert run("render", "timeline", "-o", out, "--size", "8x5", "--width", "6").exit_code == 2


def test_library_errors_are_user_errors(seed):
    with pytest.raises(ChartError, match="unknown lanes='state'"):
        draw_timeline(seed, lanes="state")
    with pytest.raises(ChartError, match=r"size=\(2.5, 3\) inches cannot hold a chart"):
        draw_timeline(seed, size=(2.5, 3))
    with pytest.raises(NothingToShow, match=r"^no events to draw: events= is empty \(or the dataset has none\)$"):
        draw_timeline(seed, [])                                            # parameters, not the CLI's flags
    with pytest.raises(ChartError, match=r"^links: cannot draw relation 'amends'; use any of: disputes, "):
        draw_timeline(seed, links=("amends",))


def test_titles_of_events_with_few_words(write_yaml):
    dataset = load(write_yaml("""
        actors:
          - {id: ru, name: Russian Federation, kind: state, aliases: [Russia]}
          - {id: lavrov, name: Sergei Lavrov, affiliation: ru, aliases: [Lavrov]}
        events:
          - {id: e1, type: statement, date: 2025-12-01, source: [ru]}
          - {id: e2, type: visit, date: 2025-12-01, participants: [lavrov], host: [lavrov, ru]}
          - {id: ru-statement-2025-12-01, type: statement, date: 2025-12-01, source: [ru],
             summary: "the Kremlin said talks would go on. Nothing else."}
          - {id: e4, type: threat, date: 2025-12-01, source: [lavrov]}
    """))
    assert dict(zip((e.id for e in dataset.events), event_titles(dataset, dataset.events))) == {
        "e1": "Statement by Russian Federation", "e2": "Visit by Lavrov",     # as the graphs name it (round 8)
        "ru-statement-2025-12-01": "The Kremlin said talks would go on", "e4": "Threat by Lavrov"}


def test_a_number_stands_by_its_mark_an_open_dates_bound_or_a_spans_end():
    from timeline.render.events_chart import draw_number
    from timeline.render.spans import glyphs_of

    events = [meeting("day", "2025-06-10"), meeting("span", "2025-06-10/2025-06-20"),
              meeting("after", "2025-10/.."), meeting("before", "../2025-06-05")]
    figure = draw_timeline(record(*events))
    ax = axes(figure)
    xs = {g.event.id: draw_number(ax, g, 0, 1).xy[0] for g in glyphs_of(events, [(0,)] * 4)}
    day = mdates.date2num
    assert xs == {"day": day(datetime(2025, 6, 10, 12)), "span": day(datetime(2025, 6, 21)),
                  "after": day(datetime(2025, 10, 1, 12)), "before": day(datetime(2025, 6, 5, 12))}
