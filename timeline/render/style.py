"""One look for every chart: colours and markers by event type, relation and side.

Colours come from the Okabe-Ito and Tableau palettes, which stay apart for
readers with colour-vision deficiencies. Families share a hue: contacts
blue, offers green, demands and refusals orange, hostility red,
contested claims purple, words grey.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from timeline import model as _model
from timeline.model import EVENT_TYPES, HELD_STATUSES, STATUSES


class Mark(NamedTuple):
    """How one event type is drawn: colour, matplotlib marker, legend label."""

    color: str
    marker: str
    label: str


#: The look of each event type; a type the model adds later takes its CAMEO root's look (:data:`FAMILY_MARKS`).
_OWN_MARKS: dict[str, Mark] = {
    "meeting": Mark("#0072B2", "o", "Meeting"),
    "call": Mark("#56B4E9", "h", "Call"),
    "visit": Mark("#1F4E79", "D", "Visit"),
    "agreement": Mark("#009E73", "*", "Agreement"),
    "proposal": Mark("#2CA02C", "^", "Proposal"),
    "counter_proposal": Mark("#7FBF3F", "v", "Counter-proposal"),
    "acceptance": Mark("#006D2C", "P", "Acceptance"),
    "demand": Mark("#E69F00", ">", "Demand"),
    "rejection": Mark("#D55E00", "X", "Rejection"),
    "accusation": Mark("#C0392B", "<", "Accusation"),
    "threat": Mark("#8B0000", "d", "Threat"),
    "military_action": Mark("#4D0000", "8", "Military action"),
    "claim": Mark("#8E44AD", "p", "Claim"),
    "denial": Mark("#CC79A7", "H", "Denial"),
    "statement": Mark("#7F7F7F", "s", "Statement"),
    "assessment": Mark("#A0A0A0", "$\u2261$", "Assessment"),
}
#: Colour and marker by CAMEO root code: contacts blue, offers and cooperation green, demands and refusals
#: orange, hostility red, force dark red, statements grey.
FAMILY_MARKS: dict[str, tuple[str, str]] = {
    "01": ("#7F7F7F", "s"), "02": ("#E69F00", ">"), "03": ("#2CA02C", "^"), "04": ("#0072B2", "o"),
    "05": ("#009E73", "*"), "06": ("#009E73", "P"), "07": ("#006D2C", "P"), "08": ("#006D2C", "P"),
    "09": ("#8E44AD", "p"), "10": ("#E69F00", ">"), "11": ("#C0392B", "<"), "12": ("#D55E00", "X"),
    "13": ("#8B0000", "d"), "14": ("#C0392B", "<"), "15": ("#8B0000", "d"), "16": ("#D55E00", "x"),
    "17": ("#8B0000", "d"), "18": ("#4D0000", "8"), "19": ("#4D0000", "8"), "20": ("#000000", "8"),
}
#: CAMEO roots of the use of force: the events a battlefield band counts.
FORCE_ROOTS = ("18", "19", "20")


#: Markers a type takes when its family's is taken by another type of the same colour.
_SPARE_MARKERS = ("P", "X", "d", "p", "h", "H", "v", "^", "<", ">", "D", "s", "8", "*", "o")


def _type_marks() -> dict[str, Mark]:
    """A look for every type of the model, in its order: no two types share both colour and marker."""
    marks = {name: own for name, own in _OWN_MARKS.items() if name in EVENT_TYPES}
    taken = {(m.color, m.marker) for m in marks.values()}
    for name, kind in EVENT_TYPES.items():
        label = getattr(kind, "label", None) or name.replace("_", " ").capitalize()
        if name in marks:
            marks[name] = marks[name]._replace(label=label)
            continue
        color, marker = FAMILY_MARKS.get(getattr(kind, "cameo", "01"), ("#7F7F7F", "s"))
        marker = next((m for m in (marker, *_SPARE_MARKERS) if (color, m) not in taken), marker)
        taken.add((color, marker))
        marks[name] = Mark(color, marker, label)
    return {name: marks[name] for name in EVENT_TYPES}


#: Every event type of the model, in its order, with its look.
EVENT_MARKS: dict[str, Mark] = _type_marks()


class StatusLook(NamedTuple):
    """How a status is drawn on the timeline, whatever the event's type.

    ``fill``: the marker (or span) is filled; ``line``: the outline's dash
    (matplotlib linestyle) where hollow; ``ring``: a ring around the marker
    ('solid' or 'dashed', or ``None``); ``struck``: struck through;
    ``alpha``: opacity; ``label``: the legend's words.
    """

    fill: bool
    line: str
    ring: str | None
    struck: bool
    alpha: float
    label: str


_OWN_STATUS_LOOKS: dict[str, StatusLook] = {
    "occurred": StatusLook(True, "-", None, False, 1.0, "Took place"),
    "planned": StatusLook(False, "--", None, False, 1.0, "Planned (hollow)"),
    "proposed": StatusLook(False, ":", None, False, 1.0, "Proposed, not arranged (hollow, dotted)"),
    "postponed": StatusLook(False, "-.", None, False, 0.7, "Postponed (hollow, dash-dot)"),
    "cancelled": StatusLook(True, "-", None, True, 0.45, "Cancelled (struck through)"),
    "disputed": StatusLook(True, "-", "solid", False, 1.0, "Disputed (ringed)"),
    "claimed": StatusLook(True, "-", "dashed", False, 1.0, "Claimed by one side (dashed ring)"),
}


def status_look(status: str) -> StatusLook:
    """The look of ``status``: its own, or one read from the model's flags (held, pending, contested)."""
    if status in _OWN_STATUS_LOOKS:
        return _OWN_STATUS_LOOKS[status]
    info = getattr(_model, "STATUS_INFO", {}).get(status)
    label = getattr(info, "label", status.replace("_", " ").capitalize())
    if getattr(info, "pending", False):
        return StatusLook(False, "--", None, False, 1.0, f"{label} (hollow)")
    if getattr(info, "contested", False):
        return StatusLook(True, "-", "dashed", False, 1.0, f"{label} (ringed)")
    held = status in HELD_STATUSES
    return StatusLook(True, "-", None, not held, 1.0 if held else 0.45, label)


#: Every status of the model with its look.
STATUS_LOOKS: dict[str, StatusLook] = {status: status_look(status) for status in STATUSES}

#: Edge looks of the actor graph, by relation: a colour and a dash, so that relations stay apart in
#: black-and-white print and for readers with colour-vision deficiencies (Okabe-Ito colours).
RELATION_LOOKS: dict[str, tuple[str, object]] = {
    "met": ("#0072B2", "-"), "agreed": ("#009E73", "-"),
    "proposed_to": ("#009E73", (0, (5, 2))), "counter_proposed_to": ("#009E73", (0, (1.5, 1.5))),
    "accepted": ("#009E73", (0, (5, 1.5, 1.5, 1.5))),
    "demanded_of": ("#E69F00", (0, (5, 2))), "rejected": ("#D55E00", "-"),
    "accused": ("#CC79A7", (0, (1.5, 1.5))), "threatened": ("#D55E00", (0, (6, 2, 1.5, 2))),
    "attacked": ("#000000", "-"),
    "claimed_against": ("#56B4E9", (0, (1.5, 1.5))), "denied": ("#56B4E9", (0, (6, 2))),
    "addressed": ("#AAAAAA", (0, (1.5, 1.5))), "assessed": ("#AAAAAA", (0, (5, 2))),
    "criticized": ("#CC79A7", "-"), "acted_together": ("#7F7F7F", "-"), "mediated": ("#8E44AD", (0, (1, 1))),
}
RELATION_COLORS: dict[str, str] = {r: color for r, (color, _) in RELATION_LOOKS.items()}


_SPARE_DASHES = ((0, (3, 1.5, 1, 1.5)), (0, (6, 1.5)), (0, (1, 1)), (0, (4, 1, 1, 1, 1, 1)), (0, (8, 2, 2, 2)),
                 (0, (2, 3)), "-")


def _relation_looks() -> dict[str, tuple[str, object]]:
    """A look for every relation the model's types make: no two relations share both colour and dash."""
    looks = dict(RELATION_LOOKS)
    taken = {(color, str(dash)) for color, dash in looks.values()}
    for kind in EVENT_TYPES.values():
        relation = getattr(kind, "relation", None)
        if not relation or relation in looks:
            continue
        color = FAMILY_MARKS.get(getattr(kind, "cameo", ""), ("#999999", ""))[0]
        dash = next((d for d in _SPARE_DASHES if (color, str(d)) not in taken), _SPARE_DASHES[0])
        taken.add((color, str(dash)))
        looks[relation] = (color, dash)
    return looks


RELATION_LOOKS.update(_relation_looks())


def relation_look(relation: str) -> tuple[str, object]:
    """The colour and dash of a relation (grey and dash-dot for one no type makes)."""
    return RELATION_LOOKS.get(relation, ("#999999", _SPARE_DASHES[0]))


RELATION_COLORS.update({kind.relation: relation_look(kind.relation)[0] for kind in EVENT_TYPES.values()
                        if getattr(kind, "relation", None) and kind.relation not in RELATION_COLORS})


#: Colours for sides (states and organisations) with no colour of their own, in order of activity.
SIDE_PALETTE = ("#009E73", "#E69F00", "#CC79A7", "#8C564B", "#17BECF", "#BCBD22", "#56B4E9", "#F781BF",
                "#7F7F7F", "#A6761D")
#: Stable colours of common sides, by folded name or alias, so that Russia is the same red in every chart;
#: a dataset fixes others (or these) with an actor's ``color``.
KNOWN_SIDES: dict[str, str] = {
    "russia": "#C0392B", "russian federation": "#C0392B",
    "ukraine": "#1F5FAD",
    "united states": "#6A3D9A", "united states of america": "#6A3D9A", "usa": "#6A3D9A", "us": "#6A3D9A",
    "european union": "#E69F00", "eu": "#E69F00",
    "united kingdom": "#17BECF", "uk": "#17BECF",
    "china": "#8C564B", "people's republic of china": "#8C564B",
    "turkey": "#2CA02C", "türkiye": "#2CA02C", "turkiye": "#2CA02C",
    "saudi arabia": "#006D2C",
    "qatar": "#AA3377", "israel": "#44AA99", "hamas": "#999933", "iran": "#80BA5A",
    "france": "#3182BD", "germany": "#636363",
    "nato": "#0B3C5D", "united nations": "#5FA2CE", "un": "#5FA2CE",
}
OTHER_SIDE = "#B0B0B0"

FONT = {"family": "DejaVu Sans", "size": 9}
TITLE_SIZE = 14
FOOTER_SIZE = 7
INK = "#222222"
MUTED = "#666666"
GRID = "#E5E5E5"

#: Legend labels of the actor-graph relations.
RELATION_LABELS: dict[str, str] = {
    "met": "Met (meeting, call, visit)", "agreed": "Agreed", "proposed_to": "Proposed to",
    "counter_proposed_to": "Counter-proposed to", "accepted": "Accepted", "demanded_of": "Demanded of",
    "rejected": "Rejected", "accused": "Accused", "threatened": "Threatened", "attacked": "Attacked",
    "claimed_against": "Claimed against", "denied": "Denied", "addressed": "Addressed (statement)",
    "assessed": "Assessed", "acted_together": "Acted together (joint draft, statement)",
    "mediated": "Mediated (an agreement, exchange)",
}


def relation_label(relation: str) -> str:
    """The legend's words for a relation: its own, else its name in words ('Criticized')."""
    return RELATION_LABELS.get(relation) or relation.replace("_", " ").capitalize()


#: Graph node markers by actor kind; each is scaled to the same area when drawn.
KIND_MARKERS: dict[str, Mark] = {
    "person": Mark(MUTED, "o", "Person"),
    "state": Mark(MUTED, "s", "State"),
    "organization": Mark(MUTED, "D", "Organisation"),
    "group": Mark(MUTED, "h", "Group"),
}

#: Edge colours of the actor-event graph, by the actor's role in the event; a role the model adds later
#: takes :data:`OTHER_ROLE`.
ROLE_COLORS: dict[str, str] = {
    "participant": "#0072B2", "host": "#56B4E9", "source": "#444444",
    "target": "#D55E00", "mentioned": "#BBBBBB", "mediator": "#009E73", "initiator": "#E69F00",
    "signatory": "#006D2C", "head": "#1F4E79",
}
OTHER_ROLE = "#888888"
#: The tie drawn from a person (or delegation) to the side it belongs to.
MEMBERSHIP_COLOR = "#BBBBBB"


def side_colors(sides_by_activity: list[str], dataset: Dataset | None = None) -> dict[str, str]:
    """A colour for each side: its own (an actor's ``color``), a stable one for a common state
    (:data:`KNOWN_SIDES`), else the next free colour of the palette, the most active side first;
    sides past the palette share grey."""
    fixed: dict[str, str] = {}
    for side in sides_by_activity:
        actor = dataset.actors.get(side) if dataset is not None else None
        names = (side, *((actor.name, *actor.aliases) if actor else ()))
        own = getattr(actor, "color", None)
        known = next((KNOWN_SIDES[n.casefold()] for n in names if n.casefold() in KNOWN_SIDES), None)
        if own or known:
            fixed[side] = own or known
    free = iter(c for c in SIDE_PALETTE if c not in fixed.values())
    return {side: fixed.get(side) or next(free, OTHER_SIDE) for side in sides_by_activity}


def apply_defaults() -> None:
    """Set matplotlib's fonts (with the fallback chain) and SVG output for reproducible, legible figures."""
    import matplotlib

    from timeline.render.text import font_chain

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "font.family": list(font_chain()), "font.size": FONT["size"],
        "svg.hashsalt": "timeline", "svg.fonttype": "path",
        "pdf.fonttype": 42, "axes.edgecolor": MUTED, "axes.labelcolor": INK,
        "xtick.color": MUTED, "ytick.color": MUTED, "text.color": INK,
        # unhinted text is as wide at every dpi and in SVG/PDF: what is measured is what is drawn
        "text.hinting": "no_hinting",
    })


# -- graph looks: one function for the graph drawing (timeline.render.graph) and the graph exports ------------

if TYPE_CHECKING:
    import networkx as nx

    from timeline.model import Dataset

#: Node marker area in points², from the least to the most active actor, in the actor graph and in the
#: actor-event graph (where actors are rows beside the events); every event node has EVENT_AREA.
NODE_AREA = (90.0, 900.0)
ROW_AREA = (30.0, 200.0)
EVENT_AREA = 70.0
#: Colour of event-to-event links (responds_to, part_of, ...) in the actor-event graph.
LINK_COLOR = MUTED


class NodeLook(NamedTuple):
    """How a node is drawn: fill colour, marker area in points², hollow (a planned or cancelled event)."""

    color: str
    area: float
    hollow: bool = False


class EdgeLook(NamedTuple):
    """How an edge is drawn: colour, line width in points, dashed (planned, or a mere mention), and the
    relation's own dash (a matplotlib linestyle) that keeps it apart in print."""

    color: str
    width: float
    dashed: bool = False
    dash: object = "-"


class GraphLook(NamedTuple):
    """The look of each node and edge (keyed ``(u, v, key)``), and each side's colour for the legend."""

    nodes: dict[str, NodeLook]
    edges: dict[tuple[str, str, str], EdgeLook]
    sides: dict[str, str]


def graph_look(graph: nx.MultiDiGraph, dataset: Dataset | None = None) -> GraphLook:
    """Colours and sizes of an actor graph or an actor-event graph, the same in drawings and exports.

    Actors take their side's colour, sides ordered by their number of
    events in the whole ``dataset`` (else in the graph) so that colours
    stay put between charts; their area grows linearly with ``activity``
    (else their number of events in the graph), within NODE_AREA, or
    ROW_AREA beside event nodes. Events take their type's
    colour, hollow unless they happened. Relations take their colour and a
    width growing with the log of their count; roles their colour.
    """
    from collections import Counter

    activity = {n: d.get("activity", len(set(graph.successors(n)))) for n, d in graph.nodes(data=True)
                if d.get("node_type", "actor") == "actor"}
    if dataset is not None:
        counts = Counter(s for e in dataset.events for s in {dataset.side(a) for a in e.actors()})
    else:
        counts = Counter()
        for node, count in activity.items():
            counts[graph.nodes[node].get("side", node)] += count
    sides = {graph.nodes[n].get("side", n) for n in activity}
    colors = side_colors(sorted(sides, key=lambda s: (-counts[s], s)), dataset)
    most = max(activity.values(), default=1) or 1
    low, high = ROW_AREA if len(activity) < len(graph) else NODE_AREA
    nodes = {}
    for node, data in graph.nodes(data=True):
        if node in activity:
            nodes[node] = NodeLook(colors[data.get("side", node)], low + (high - low) * activity[node] / most)
        else:
            mark = EVENT_MARKS.get(data.get("type"), Mark(MUTED, "o", ""))
            nodes[node] = NodeLook(mark.color, EVENT_AREA, data.get("status") not in HELD_STATUSES)
    most = max((c for *_, c in graph.edges(data="count", default=1)), default=1)
    edges = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        if "directed" in data:  # an actor-graph relation
            color, dash = relation_look(key)
            edges[u, v, key] = EdgeLook(color, edge_width(data.get("count", 1), most), bool(data.get("planned")),
                                        dash)
        else:
            edges[u, v, key] = EdgeLook(ROLE_COLORS.get(key, OTHER_ROLE if "role" in data else LINK_COLOR), 1.0,
                                        key == "mentioned")
    return GraphLook(nodes, edges, colors)


def edge_width(count: int, most: int) -> float:
    """Line width in points: 1 for one event, up to 4 for the most (on a log scale, at least out of 8)."""
    import math

    return 1.0 + 3.0 * math.log(count) / math.log(max(most, 8))
