"""The base of every error that is the user's to fix (a typo, a bad date, a missing file).

The command line prints such an error as one line and exits non-zero;
anything else is a bug in timeline and keeps its traceback.
"""


class UserError(Exception):
    """Something the user can fix; ``str()`` is one line saying what and how."""


class NothingToShow(UserError):
    """The events chosen give nothing to draw or export (``timeline build`` skips such a file)."""


#: What to do about the operating system's refusals that are the user's to fix (a name, a place, a full disk).
_OS_FIXES = {
    "ENAMETOOLONG": "choose a shorter name", "ENOSPC": "free some space, or write elsewhere",
    "EDQUOT": "free some space, or write elsewhere", "EACCES": "check its permissions, or choose another place",
    "EPERM": "check its permissions, or choose another place", "EROFS": "choose a place that can be written",
    "ENOTDIR": "a part of the path is a file, not a folder; choose another place",
    "EISDIR": "it is a folder; give a file", "ELOOP": "the path's links lead in a circle; give the real path",
}


def os_error_line(error: OSError) -> str | None:
    """One line for an :class:`OSError` the user can fix (``file: what; what to do``), or ``None`` for any other.

    >>> os_error_line(OSError(36, "File name too long", "a" * 10))
    'aaaaaaaaaa: File name too long; choose a shorter name'
    """
    import errno

    fix = _OS_FIXES.get(errno.errorcode.get(error.errno or 0, ""))
    if fix is None:
        return None
    name = str(error.filename) if error.filename is not None else "a file"
    name = name if len(name) <= 80 else f"{name[:40]}…{name[-20:]}"
    return f"{name}: {error.strerror}; {fix}"
