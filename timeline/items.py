"""Reading the negotiation model's richer fields from a data file: a mixin of the dataset loader.

Each method reads one field of an actor or event (dated affiliations,
colour, CAMEO code, PLOVER coding, outcome, quantities, draft flag),
reports what is wrong through the loader's ``problem`` and returns the
value to keep (``None`` or empty when it cannot be used). The loader
(:class:`timeline.dataset._Builder`) provides ``problem``, ``_text``,
``_items``, ``_keys`` and ``_date``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeGuard

from timeline.model import (
    EVENT_TYPES,
    OUTCOMES,
    PLOVER_TYPES,
    QUANTITY_BOUNDS,
    Affiliation,
    Event,
    Evidence,
    Plover,
    Quantity,
)
from timeline.read.reading import Path_, Reading
from timeline.vocabulary import cameo_root

if TYPE_CHECKING:
    from timeline.dates import DateSpan


AFFILIATION_KEYS = ("actor", "from", "until")
PLOVER_KEYS = ("type", "mode", "context")
EVIDENCE_KEYS = ("text", "start", "end", "trigger")
QUANTITY_KEYS = ("what", "value", "unit", "actor", "approximate", "bound")
_CAMEO_CODE = re.compile(r"\d{2,4}", re.ASCII)
_COLOR = re.compile(r"#[0-9a-fA-F]{6}", re.ASCII)
_WORD = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)


class ModelFields(Reading):
    """The readers of the model's fields, mixed into the loader."""

    def _affiliations(self, file: str, where: Path_, value: Any) -> tuple[str | None, tuple[Affiliation, ...]]:
        """``affiliation``: an actor id, or a list of ``{actor, from, until}``; gives (current id, dated list)."""
        if value is None:
            return None, ()
        if not isinstance(value, list):
            ident = self._text(file, where, {"affiliation": value}, "affiliation")
            return ident or None, ()
        found = []
        for index, item in self._items(file, where, "affiliation", value):
            place = (*where, "affiliation", index)
            self._keys(file, place, item, AFFILIATION_KEYS, "affiliation")
            actor = self._text(file, place, item, "actor", required=True)
            start = self._optional_date(file, place, item, "from")
            until = self._optional_date(file, place, item, "until")
            if start and until and start.start and until.end and until.end <= start.start:
                self.problem(file, (*place, "until"), f"affiliation ends ({until.text}) before it starts "
                                                      f"({start.text}); swap 'from' and 'until'")
            if actor:
                found.append(Affiliation(actor, start, until))
        return (found[-1].actor if found else None), tuple(found)

    def _optional_date(self, file: str, where: Path_, item: dict, key: str) -> DateSpan | None:
        return None if item.get(key) is None else self._date(file, (*where, key), item[key])

    def _color(self, file: str, where: Path_, item: dict) -> str | None:
        color = self._text(file, where, item, "color")
        if color is not None and not _COLOR.fullmatch(color):
            self.problem(file, (*where, "color"), f"'color' should be a hex colour such as '#1f77b4', "
                                                  f"not {color!r} (quote it: YAML reads # as a comment)")
            return None
        return color.lower() if color else None

    def _cameo(self, file: str, where: Path_, item: dict, kind: str | None) -> str | None:
        """``cameo``: a code as text, two to four digits, under the root of the event's type."""
        value = item.get("cameo")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            self.problem(file, (*where, "cameo"), f"write the CAMEO code in quotes, such as cameo: '036': YAML "
                                                  f"reads {value} as a number and drops leading zeros")
            return None
        code = self._text(file, where, item, "cameo")
        if code is None:
            return None
        if not _CAMEO_CODE.fullmatch(code):
            self.problem(file, (*where, "cameo"), f"a CAMEO code is 2 to 4 digits such as '036', not {code!r}")
            return None
        if kind in EVENT_TYPES and cameo_root(code) != EVENT_TYPES[kind].cameo:
            fits = [t for t, info in EVENT_TYPES.items() if info.cameo == cameo_root(code)]
            self.problem(file, (*where, "cameo"), f"CAMEO code {code} (root {cameo_root(code)}) does not fit "
                         f"type '{kind}' (root {EVENT_TYPES[kind].cameo}); types of root {cameo_root(code)}: "
                         f"{', '.join(fits)}")
            return None
        return code

    def _plover(self, file: str, where: Path_, value: Any) -> Plover | None:
        """``plover``: a PLOVER type (``CONSULT``) or ``{type, mode, context}``."""
        if value is None:
            return None
        place = (*where, "plover")
        if isinstance(value, dict):
            item = value
            self._keys(file, place, item, PLOVER_KEYS, "plover")
            kind = self._text(file, place, item, "type", required=True)
        elif isinstance(value, str):
            item, kind = {}, value.strip()
        else:
            self.problem(file, place, "'plover' should be a PLOVER type such as CONSULT, or a mapping with "
                                      "type, mode and context")
            return None
        if kind is None:
            return None
        if kind.upper() not in PLOVER_TYPES:
            from timeline.dataset import did_you_mean

            self.problem(file, place, f"unknown PLOVER type '{kind}'{did_you_mean(kind.upper(), PLOVER_TYPES)} "
                                      f"(types: {', '.join(PLOVER_TYPES)})")
            return None
        mode = self._text(file, place, item, "mode") or None
        context = item.get("context")
        contexts = () if context is None else self._ids(file, place, item, "context")
        if isinstance(context, str):  # "military; legal", as the CAMEO2PLOVER table writes several
            contexts = tuple(c.strip() for c in context.split(";") if c.strip())
        return Plover(kind.upper(), mode, contexts)

    def _outcome(self, file: str, where: Path_, item: dict) -> str | None:
        outcome = self._text(file, where, item, "outcome")
        if outcome is not None and outcome not in OUTCOMES:
            from timeline.dataset import did_you_mean

            self.problem(file, (*where, "outcome"), f"unknown outcome '{outcome}'{did_you_mean(outcome, OUTCOMES)}"
                                                    f" (outcomes: {', '.join(OUTCOMES)})")
            return None
        return outcome

    def _evidence(self, file: str, where: Path_, value: Any) -> Evidence | None:
        """``evidence``: ``{text, start, end, trigger}``, the sentence a drafted event rests on and its offsets."""
        if value is None:
            return None
        place = (*where, "evidence")
        if not isinstance(value, dict):
            self.problem(file, place, "'evidence' should be a mapping with text, start, end (and trigger)")
            return None
        self._keys(file, place, value, EVIDENCE_KEYS, "evidence")
        text = self._text(file, place, value, "text", required=True)
        start, end = value.get("start"), value.get("end")
        if not (_offset(start) and _offset(end) and start <= end):
            self.problem(file, place, f"'start' and 'end' should be character offsets with start <= end, "
                                      f"not {start!r} and {end!r}")
            return None
        return Evidence(text, start, end, self._text(file, place, value, "trigger")) if text is not None else None

    def _confidence(self, file: str, where: Path_, value: Any) -> float | None:
        """``confidence``: a number from 0 to 1."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            self.problem(file, (*where, "confidence"), f"'confidence' should be a number from 0 to 1, not {value!r}")
            return None
        return float(value)

    def _flag(self, file: str, where: Path_, item: dict, key: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.problem(file, (*where, key), f"'{key}' should be true or false, not {value!r}")
            return False
        return value

    def _quantities(self, file: str, where: Path_, value: Any) -> tuple[Quantity, ...]:
        """``quantities``: a list of ``{what, value, unit, actor, approximate, bound}``."""
        found = []
        for place, item in self._each(file, where, "quantities", value, QUANTITY_KEYS, "quantity"):
            what = self._text(file, place, item, "what", required=True)
            number = item.get("value")
            if what is not None and not _WORD.fullmatch(what):
                self.problem(file, (*place, "what"), f"'what' should be a name in snake_case such as "
                                                     f"prisoners_released, not {what!r}")
                what = None
            if number is None:
                self.problem(file, place, "missing 'value' (a number such as 390)")
            elif isinstance(number, bool) or not isinstance(number, (int, float)) or number != number:
                self.problem(file, (*place, "value"), f"'value' should be a number such as 390, not {number!r} "
                                                      "(write 1200, not '1,200'; 'about' is approximate: true)")
                number = None
            bound = self._text(file, place, item, "bound")
            if bound is not None and bound not in QUANTITY_BOUNDS:
                self.problem(file, (*place, "bound"), f"'bound' should be {' or '.join(QUANTITY_BOUNDS)}, "
                                                      f"not {bound!r}")
                bound = None
            if what and number is not None:
                found.append(Quantity(what, number, self._text(file, place, item, "unit"),
                                      self._text(file, place, item, "actor"),
                                      self._flag(file, place, item, "approximate"), bound))
        return tuple(found)

    def _check_model_references(self, file: str, where: Path_, event: Event, actors: set[str]) -> None:
        """Actors named by quantities must exist."""
        from timeline.dataset import did_you_mean

        for index, quantity in enumerate(event.quantities):
            if quantity.actor and quantity.actor not in actors:
                self.problem(file, (*where, "quantities", index, "actor"), f"unknown actor '{quantity.actor}' in "
                             f"event '{event.id}'{did_you_mean(quantity.actor, actors)}")


def _offset(value: Any) -> TypeGuard[int]:
    """Whether ``value`` is a character offset: a whole number, not negative (``True`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
