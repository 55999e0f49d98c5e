"""``timeline types``: the model's vocabulary with its CAMEO and PLOVER codes, for people and programs."""
from __future__ import annotations

from typing import Any

import click

from timeline.cli.options import with_output

KINDS = ("type", "status", "role", "relation", "outcome")


def vocabulary_rows() -> list[dict[str, Any]]:
    """Every event type, status, role, relation between events and outcome, one row each, in that order.

    Each row has ``kind``, ``name``, ``label`` and ``meaning``; types add
    ``cameo`` (root), ``cameo_code`` and ``cameo_label`` (the default code and
    its name), ``plover`` and ``plover_mode``, ``symmetric``, ``relation``
    (in the actor graph) and ``meeting``; statuses add ``held`` and
    ``pending``; roles their ``key`` in a data file.
    """
    from timeline.model import EVENT_TYPES, OUTCOME_INFO, RELATION_INFO, ROLE_INFO, STATUS_INFO

    rows: list[dict[str, Any]] = [
        {"kind": "type", "name": t.name, "label": t.label, "cameo": t.cameo, "cameo_code": t.code,
         "cameo_label": t.cameo_label, "plover": t.plover, "plover_mode": t.mode, "symmetric": t.symmetric,
         "relation": t.relation, "meeting": t.meeting, "meaning": t.meaning}
        for t in EVENT_TYPES.values()]
    rows += [{"kind": "status", "name": s.name, "label": s.label, "held": s.held, "pending": s.pending,
              "contested": s.contested, "meaning": s.meaning} for s in STATUS_INFO.values()]
    rows += [{"kind": "role", "name": r.name, "key": r.key, "label": r.label, "meaning": r.meaning}
             for r in ROLE_INFO.values()]
    rows += [{"kind": "relation", "name": r.name, "label": r.label, "meaning": r.meaning}
             for r in RELATION_INFO.values()]
    rows += [{"kind": "outcome", "name": o.name, "label": o.label, "meaning": o.meaning}
             for o in OUTCOME_INFO.values()]
    return rows


@click.command()
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only this part of the vocabulary (repeatable; default: all).")
@with_output("kind", "name", "cameo_code", "plover", "meaning")
def types(kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """List the vocabulary: event types, statuses, roles, relations and outcomes.

    Each event type comes with its CAMEO root and default code and its PLOVER
    type and mode, as GDELT, ICEWS and POLECAT code events; every CAMEO root
    (01-20) and every PLOVER type has a home. An event may give its own
    'cameo' code (under its type's root) and 'plover' coding.

    \b
    Examples:
      timeline types
      timeline types --kind status
      timeline types --format json
    """
    return [row for row in vocabulary_rows() if not kinds or row["kind"] in kinds]
