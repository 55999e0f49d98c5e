"""Checks across issues and plan versions once every file is read: aliases that name two issues, and
versions that supersede or amend themselves, directly or round a cycle.

Each check reports through ``loader.problem(file, where, message)``, one line per problem, at the
item's place (``ids``: each id's ``(file, where)``, as the loader recorded it).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from timeline.negotiation import Issue, PlanVersion

#: Relations that put one version after another: a cycle of them has no first version.
ORDERING = ("supersedes", "amends")


def check_aliases(loader: Any, issues: Iterable[Issue], ids: dict[str, tuple[str, Any]]) -> None:
    """An alias names one issue only, and is not another issue's id (a lookup by it would be ambiguous)."""
    issues = list(issues)
    owner: dict[str, str] = {}
    for issue in issues:
        for alias in issue.aliases:
            file, where = ids[issue.id]
            other = alias if alias in ids and alias != issue.id else owner.get(alias.casefold())
            if other and other != issue.id:
                what = "the id of issue" if alias in ids else "already an alias of issue"
                loader.problem(file, (*where, "aliases"), f"alias '{alias}' of issue '{issue.id}' is {what} "
                                                          f"'{other}'; give it to one issue only")
            owner.setdefault(alias.casefold(), issue.id)


def check_version_cycles(loader: Any, versions: Iterable[PlanVersion], ids: dict[str, tuple[str, Any]]) -> None:
    """No version supersedes or amends itself, directly or through others (``v2 supersedes v1`` and ``v1
    supersedes v2`` leave no version first)."""
    after = {v.id: [r.version for r in v.relations if r.relation in ORDERING] for v in versions}
    reported: set[str] = set()
    for start in after:
        path = _cycle_from(start, after)
        if path and not reported & set(path):
            reported.update(path)
            file, where = ids[start]
            words = (f"version '{start}' {_relation(start, start, versions)} itself" if len(path) == 2 else
                     f"versions supersede or amend one another in a cycle: {' -> '.join(path)}")
            loader.problem(file, (*where, "relations"), f"{words}; a version can only follow an earlier one")


def _cycle_from(start: str, after: dict[str, list[str]]) -> list[str] | None:
    """The first cycle back to ``start`` along ``after`` (``[start, ..., start]``), or ``None``."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in after.get(node, ()):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def _relation(source: str, target: str, versions: Iterable[PlanVersion]) -> str:
    return next(r.relation for v in versions if v.id == source for r in v.relations
                if r.version == target and r.relation in ORDERING)
