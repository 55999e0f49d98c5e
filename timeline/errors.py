"""The base of every error that is the user's to fix (a typo, a bad date, a missing file).

The command line prints such an error as one line and exits non-zero;
anything else is a bug in timeline and keeps its traceback.
"""


class UserError(Exception):
    """Something the user can fix; ``str()`` is one line saying what and how."""


class NothingToShow(UserError):
    """The events chosen give nothing to draw or export (``timeline build`` skips such a file)."""
