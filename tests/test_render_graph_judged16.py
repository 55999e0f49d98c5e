"""The actor graphs against round 15's no-context judge: a line under a label looks like itself, the sides' names off
the lines, line ends spread along a node's edge, short leaders and labels off other sides' circles. Measured on the
seed person graph at page, slide and its own size (13 × 9 in) and on the 2022-2025 chronology."""
from __future__ import annotations

import numpy as np
import pytest
from graph_geometry import by_gid, drawn, drawn_line, labels_crossed, titles_crossed
from matplotlib.colors import to_rgb

from timeline.model import Actor, Dataset
from timeline.render.graph_names import label_forms, person_label

#: The drawings judged: the seed person graph at page, slide and its own size, and the chronology.
JUDGED = {"page": ("2025", {"size": (11.0, 8.5), "dpi": 150}), "slide": ("2025", {"size": (13.33, 7.5), "dpi": 150}),
          "13x9": ("2025", {"dpi": 200}), "chronology": ("2022-2025", {"dpi": 150})}


@pytest.fixture(scope="module")
def figures():
    return {name: drawn(data, **options) for name, (data, options) in JUDGED.items()}


@pytest.mark.parametrize("name", JUDGED)
def test_a_line_under_a_label_keeps_its_colour(figures, name):
    # judge15: grey and red lines under a label's pale veil read as the pale 'Member of' bands (the Driscoll→UAE line
    # under Waltz's label, Trump→Ukraine under Yermak's): a line that must pass a label keeps its own colour there,
    # broken only by the white halo round each letter
    figure = figures[name]
    crossed = labels_crossed(figure)
    assert crossed                                                        # some line still passes a label
    image = np.asarray(figure.canvas.buffer_rgba())[..., :3] / 255.0
    height = image.shape[0]
    renderer = figure.canvas.get_renderer()
    labels, edges = by_gid(figure, "label"), by_gid(figure, "edge")
    washed = []
    for label, edge in crossed:
        patch = edges[edge]
        if patch.get_path_effects():                                       # a double line: white between its rails
            continue
        box = labels[label].get_window_extent(renderer)
        line = drawn_line(patch)
        inside = line[(line[:, 0] > box.x0) & (line[:, 0] < box.x1) & (line[:, 1] > box.y0) & (line[:, 1] < box.y1)]
        if len(inside) < 6:                                                # a corner clipped: under a letter's halo
            continue
        alpha = patch.get_edgecolor()[3]
        want = alpha * np.array(to_rgb(patch.get_edgecolor())) + (1 - alpha)
        seen = image[np.clip(height - 1 - inside[:, 1].astype(int), 0, height - 1),
                     np.clip(inside[:, 0].astype(int), 0, image.shape[1] - 1)]
        if np.abs(seen - want).max(axis=1).min() > 0.12:
            washed.append((label, edge))
    assert washed == []
    assert all(t.get_bbox_patch() is None for t in labels.values())       # no label on a ground


#: Side names a line runs through, (name, line) pairs: round 15 6 on the slide (Ukraine's five lines from Turkey and
#: the Russian delegation and the US's Putin→Witkoff), 3 on the 13 × 9 (Ukraine's).
TITLES = {"page": 0, "slide": 4, "13x9": 0, "chronology": 0}


@pytest.mark.parametrize("name", JUDGED)
def test_a_sides_name_lies_off_the_lines(figures, name):
    # judge15: 'Russia' over its circle crossed by the red Russia→UN line and the dotted lines from Guterres: a name
    # with no spot off every line round its circle takes the one fewest lines cross, and they bend round it
    assert len(titles_crossed(figures[name])) <= TITLES[name], titles_crossed(figures[name])


def test_a_label_crossed_by_lines_tries_its_roles_other_shape():
    # judge15: labels crossed by lines on the 13 × 9 rose from 9 to 22 when every person kept the role under their
    # name; a label that finds no spot off the lines tries the role on two lines (one, if it has two) before it lies
    # on a line, the name always over the role
    data = Dataset(actors={"w": Actor("w", "Mike Waltz", title="National Security Adviser"),
                           "y": Actor("y", "Andriy Yermak", title="Head of the Office of the President"),
                           "p": Actor("p", "Vladimir Putin", title="President")}, events=[])
    texts = {n: person_label(data, a) for n, a in data.actors.items()}
    assert label_forms(data, texts) == {
        "w": ["Mike Waltz\nNational Security Adviser", "Mike Waltz\nNational\nSecurity Adviser", "Mike Waltz"],
        "y": ["Andriy Yermak\nHead of the Office\nof the President", "Andriy Yermak\nHead of the Office of the President",
              "Andriy Yermak"],
        "p": ["Vladimir Putin\nPresident", "Vladimir Putin"]}


#: Pairs (label, line) where a line not from or to the label's own node crosses it, on the 13 × 9: round 15 19 (22
#: with the label's own lines).
CROSSED_13X9 = 16


def test_the_13x9_lays_fewer_labels_on_others_lines(figures):
    assert len(labels_crossed(figures["13x9"], others=True)) <= CROSSED_13X9
