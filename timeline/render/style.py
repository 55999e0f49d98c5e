"""One look for every chart: colours and markers by event type, relation and side.

Colours come from the Okabe-Ito and Tableau palettes, which stay apart for
readers with colour-vision deficiencies. Families share a hue: contacts
blue, offers green, demands and refusals orange, hostility red,
contested claims purple, words grey.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from timeline.model import EVENT_TYPES, HELD_STATUSES


class Mark(NamedTuple):
    """How one event type is drawn: colour, matplotlib marker, legend label."""

    color: str
    marker: str
    label: str


EVENT_MARKS: dict[str, Mark] = {
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

#: Colours of the types the negotiation model added, by CAMEO family, until charts gives each its own look.
_FAMILY_COLORS = {"01": "#7F7F7F", "02": "#E69F00", "03": "#2CA02C", "04": "#0072B2", "05": "#009E73",
                  "06": "#009E73", "07": "#009E73", "08": "#006D2C", "09": "#E69F00", "10": "#E69F00",
                  "11": "#C0392B", "12": "#D55E00", "13": "#8B0000", "14": "#D55E00", "15": "#8B0000",
                  "16": "#D55E00", "17": "#8B0000", "18": "#4D0000", "19": "#4D0000", "20": "#4D0000"}
EVENT_MARKS.update({name: Mark(_FAMILY_COLORS[kind.cameo], "o", kind.label)
                    for name, kind in EVENT_TYPES.items() if name not in EVENT_MARKS})

#: Edge colours of the actor graph, by relation (see timeline.graph.ACTOR_RELATIONS).
RELATION_COLORS: dict[str, str] = {
    "met": "#0072B2", "agreed": "#009E73",
    "proposed_to": "#2CA02C", "counter_proposed_to": "#7FBF3F", "accepted": "#006D2C",
    "demanded_of": "#E69F00", "rejected": "#D55E00",
    "accused": "#C0392B", "threatened": "#8B0000", "attacked": "#4D0000",
    "claimed_against": "#8E44AD", "denied": "#CC79A7",
    "addressed": "#7F7F7F", "assessed": "#A0A0A0",
}

#: Colours for sides (states and organisations), assigned in order of activity.
SIDE_PALETTE = ("#1F77B4", "#D62728", "#FF7F0E", "#2CA02C", "#9467BD", "#8C564B",
                "#E377C2", "#17BECF", "#BCBD22", "#7F7F7F")
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
    "assessed": "Assessed",
}

RELATION_COLORS.update({kind.relation: _FAMILY_COLORS[kind.cameo] for kind in EVENT_TYPES.values()
                        if kind.relation not in RELATION_COLORS})
RELATION_COLORS.setdefault("acted_together", "#7F7F7F")
RELATION_COLORS.setdefault("mediated", "#8E44AD")
RELATION_LABELS.update({kind.relation: kind.relation.replace("_", " ").capitalize() for kind in EVENT_TYPES.values()
                        if kind.relation not in RELATION_LABELS})
RELATION_LABELS.setdefault("acted_together", "Acted together (joint draft, statement)")
RELATION_LABELS.setdefault("mediated", "Mediated (an agreement, exchange)")

#: Graph node markers by actor kind; each is scaled to the same area when drawn.
KIND_MARKERS: dict[str, Mark] = {
    "person": Mark(MUTED, "o", "Person"),
    "state": Mark(MUTED, "s", "State"),
    "organization": Mark(MUTED, "D", "Organisation"),
    "group": Mark(MUTED, "h", "Group"),
}

#: Edge colours of the actor-event graph, by the actor's role in the event.
ROLE_COLORS: dict[str, str] = {
    "participant": "#0072B2", "host": "#56B4E9", "source": "#444444",
    "target": "#D55E00", "mentioned": "#BBBBBB",
    "head": "#1F4E79", "mediator": "#8E44AD", "initiator": "#E69F00", "signatory": "#009E73",
}


def side_colors(sides_by_activity: list[str]) -> dict[str, str]:
    """A colour for each side, the most active first; sides past the palette share grey."""
    return {side: SIDE_PALETTE[i] if i < len(SIDE_PALETTE) else OTHER_SIDE
            for i, side in enumerate(sides_by_activity)}


def apply_defaults() -> None:
    """Set matplotlib's fonts and SVG output for reproducible, legible figures."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "font.family": FONT["family"], "font.size": FONT["size"],
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
    """How an edge is drawn: colour, line width in points, dashed (planned, or a mere mention)."""

    color: str
    width: float
    dashed: bool = False


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
    colors = side_colors(sorted(sides, key=lambda s: (-counts[s], s)))
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
        if key in RELATION_COLORS:
            edges[u, v, key] = EdgeLook(RELATION_COLORS[key], edge_width(data.get("count", 1), most),
                                        bool(data.get("planned")))
        else:
            edges[u, v, key] = EdgeLook(ROLE_COLORS.get(key, LINK_COLOR), 1.0, key == "mentioned")
    return GraphLook(nodes, edges, colors)


def edge_width(count: int, most: int) -> float:
    """Line width in points: 1 for one event, up to 4 for the most (on a log scale, at least out of 8)."""
    import math

    return 1.0 + 3.0 * math.log(count) / math.log(max(most, 8))
