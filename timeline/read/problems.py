"""Problems found in a dataset: one line each, the first :data:`MAX_PROBLEMS` kept, the rest counted.

>>> from timeline.read.problems import Problem
>>> str(Problem("talks.yaml", 12, "missing 'date'"))
"talks.yaml:12: missing 'date'"
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from timeline.errors import UserError

#: Problems shown at most; the rest are counted. A file of a million bad items reports
#: its first hundred in a second instead of printing a million lines.
MAX_PROBLEMS = 100
#: A quoted piece of the data in a message ('a 2,000-character key') longer than this is cut, keeping the line one line.
MAX_QUOTED = 80
_LONG_QUOTE = re.compile(f"(?<!\\w)'([^'\n]{{{MAX_QUOTED + 1},}})'(?!\\w)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a data file: the file, the 1-based line (``None``: the whole file), the message."""

    file: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        """Cut each quoted piece of the data past :data:`MAX_QUOTED` characters to its start and '...'."""
        if len(self.message) > MAX_QUOTED:
            shortened = _LONG_QUOTE.sub(lambda m: f"'{m.group(1)[:MAX_QUOTED - 3]}...'", self.message)
            object.__setattr__(self, "message", shortened)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class DatasetError(UserError):
    """A dataset that cannot be used.

    ``problems`` lists the problems shown (at most :data:`MAX_PROBLEMS`, by file and line);
    ``count`` is how many were found in all.
    """

    def __init__(self, problems: list[Problem], count: int | None = None):
        self.problems = problems
        self.count = max(count or 0, len(problems))
        super().__init__("\n".join(map(str, problems)))

    def summary(self) -> str:
        """Every problem shown on its own line, then how many more there are, then a count.

        A dataset refused as a whole (one problem, with no line: not a folder, too big...) is one line.
        """
        if self.count == 1 and self.problems[0].line is None:
            return f"Error: {self.problems[0]}"
        hidden = self.count - len(self.problems)
        more = f"\n... and {hidden:,} more problem{'s' * (hidden != 1)} like these, not shown" if hidden else ""
        return (f"{self}{more}\nError: {self.count:,} problem{'s' * (self.count != 1)} in the dataset; "
                "nothing was loaded")


class Problems:
    """The problems of one load: the first ``limit`` kept, the rest only counted."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.limit, self.count = limit, 0
        self.kept: list[Problem] = []

    @property
    def full(self) -> bool:
        """Whether a new problem would only be counted (and so needs no line and no hint)."""
        return self.count >= self.limit

    def add(self, problem: Problem | None) -> None:
        """Keep ``problem`` if there is room (``None``: count one that is not kept)."""
        self.count += 1
        if problem is not None and len(self.kept) < self.limit:
            self.kept.append(problem)


#: The problems of the load in progress, so that hints are worked out only for problems shown.
COLLECTING: ContextVar[Problems | None] = ContextVar("timeline_problems", default=None)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice (similarity ≥ 60%), or ``""``.

    Similarity is rapidfuzz's normalized Indel ratio (difflib's ``ratio`` made exact and
    fast: 100,000 choices in about 10 ms). During a load that has already kept its
    :data:`MAX_PROBLEMS` problems this returns ``""`` at once: the problem it would
    explain is only counted, so 1,000 misspelled ids cost no more than 100.
    """
    collecting = COLLECTING.get()
    if collecting is not None and collecting.full:
        return ""
    from rapidfuzz import fuzz, process

    pool: Collection[str] = list(choices) if isinstance(choices, Mapping) or not isinstance(
        choices, Collection) else choices
    match = process.extractOne(str(word), pool, scorer=fuzz.ratio, score_cutoff=60)
    return f"; did you mean '{match[0]}'?" if match else ""


def describe(value: Any) -> str:
    """A short, bounded description of a value for an error message."""
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'}"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
