"""Event kinds that depend on who the sides are: one side agreeing accepts, a truce between others announced or a
complaint about no one is said.

Rules of round 8 (issue #16), applied to an event once its roles are known (:func:`one_side_kind`):

- *One side agrees to a thing.* "Thailand agreed (in principle) to a ceasefire with Cambodia": one side
  named before the verb (or a singular pronoun, "announced that it has agreed to") agrees to something;
  that is an acceptance (CAMEO 08), its target the other side; the hedge ("in principle") stays in the
  evidence. "X and Y agreed to" and "X agreed with Y on" stay agreements.
- *A truce between others announced.* "Trump announced the ceasefire between Pakistan and India": the
  sides declared it; the one who announces it made a statement that mentions them.
- *A joint pledge* (round 16). "The leaders of Egypt and Ethiopia pledged to finalize an agreement": two sides
  that pledge, vow or commit together to one act agree on it; that is their agreement, not a statement.
- *A complaint about no one.* '"...," Lavrov complained' names no one complained about: a statement, not
  a criticism (which has a target).
"""
from __future__ import annotations

from timeline.draft.triggers import Trigger

#: Pronouns that stand for one side ("it has agreed to").
SINGULAR = frozenset(("it", "he", "she"))
#: Verbs of a pledge, which two sides make together as an agreement ("X and Y pledged to finalize a deal").
PLEDGES = frozenset(("pledged", "pledge", "pledges", "vowed", "vow", "vows", "committed", "commit", "commits",
                     "promised", "promise", "promises"))


def one_side_kind(kind: str, trigger: Trigger, roles: dict[str, list[str]], subject: list[str], words: list[str],
                  first: int, last: int) -> str:
    """The kind of an event of type ``kind`` (module docstring); ``roles`` are changed in place for an acceptance.

    ``subject`` are the actors named before the trigger in its clause, ``words`` the sentence's lower-case
    words, ``first`` and ``last`` the trigger's token bounds (``last`` exclusive).
    """
    if kind == "criticism" and trigger.span[0].lower_.startswith("complain") and not roles.get("target"):
        return "statement"
    if kind == "ceasefire_declared" and words[last:last + 1] == ["between"] and roles.get("target"):
        roles["mentioned"] = roles.pop("target")  # "Trump announced the ceasefire between Pakistan and India"
        return "statement"
    if kind == "statement" and trigger.span[0].lower_ in PLEDGES and "to" in words[last:last + 4] \
            and "," not in words[last:words.index("to", last)] \
            and len(set(roles.get("source", ())) & set(subject)) >= 2:
        roles["participants"] = roles.pop("source")  # "Egypt and Ethiopia pledged to finalize an agreement"
        return "agreement"
    if kind.startswith("agreement") and not trigger.nominal and words[last:last + 1] == ["to"]:
        alone = bool(SINGULAR & set(words[max(0, first - 3):first]))
        if _one_side_agrees(roles, subject, alone):
            return "acceptance"
    return kind


def _one_side_agrees(roles: dict[str, list[str]], subject: list[str], pronoun: bool) -> bool:
    """Make ``roles`` those of one side's acceptance when one side (named, or the first side for a pronoun) agrees."""
    sides = roles.get("participants", [])
    named = [a for a in dict.fromkeys(subject) if a in sides] or (sides[:1] if pronoun else [])
    if len(named) != 1 or len(sides) < 2:
        return False
    roles["source"], roles["target"] = named, [a for a in sides if a not in named]
    del roles["participants"]
    return True
