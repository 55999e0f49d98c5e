"""One line for what several people of one side did to one actor: a graphics desk draws "Russia demanded of
Ukraine" once, as wide as its events, rather than eight arrows from eight Russians knotting into one node (judged
round 11: 8 red heads into the Ukraine square, their ends spread 8.5 points apart still read as a knot at print
size).

In a drawing grouped by side (:func:`timeline.render.select.between_sides`), the directed relations of one family
from two or more members of a side (its state among them) to the same actor of another side become one line from
the side's state, its count their events summed; what a person did counts for their state, as at state level.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from timeline.palette import edge_width
from timeline.render.captions import count, named_list
from timeline.render.graph_edges import Edge


def merge_by_side(edges: list[Edge], side_of: dict[str, str], drawn: Collection[str], most: int
                  ) -> tuple[list[Edge], int]:
    """``edges`` with each set of two or more directed lines of one family (``key``) from the people of one side
    to one actor drawn as one line from that side's state (``side_of`` gives each node's side; only sides whose
    state is in ``drawn``), as wide as the sum of their events (:func:`timeline.palette.edge_width` against
    ``most``, the events of the record's busiest relation, at most its widest); the merged line takes the place of
    the first it replaces. Return the lines and how many relations were drawn as their side's."""
    groups: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
    for edge in edges:
        side = side_of.get(edge.u, edge.u)
        if edge.directed and side in drawn and side_of.get(edge.v, edge.v) != side:
            groups[side, edge.v, edge.key].append(edge)
    merged = {key: group for key, group in groups.items() if len(group) > 1}
    if not merged:
        return edges, 0
    first = {id(group[0]): key for key, group in merged.items()}
    gone = {id(e) for group in merged.values() for e in group[1:]}
    out = []
    for edge in edges:
        if id(edge) in gone:
            continue
        key = first.get(id(edge))
        if key is not None:
            group = merged[key]
            total = sum(e.count for e in group)
            edge = edge._replace(u=key[0], width=max(edge_width(min(total, most), most), max(e.width for e in group)),
                                 dashed=all(e.dashed for e in group), count=total)
        out.append(edge)
    return out, sum(len(group) for group in merged.values())


def unlined_words(within: int, lesser: int, weaker: int, merged: int = 0) -> list[str]:
    """The footer's words for the relations a drawing grouped by side leaves without a line of their own: within a
    side, lesser ones of a pair drawn, of the least active pairs, and those drawn as their state's line."""
    parts = [count(within, "relation", "within a side"),
             count(lesser, "weaker relation", "of pairs already joined by a line"),
             count(weaker, "relation", "of the least active pairs")]
    return ["Not drawn as lines: " + named_list([p for p in parts if p]) + "." if any(parts) else "",
            f"Drawn as their state's line: {count(merged, 'relation')} of people of one side with the same actor "
            "(what a person did counts for their state)." if merged else ""]
