"""Edit one data file, as a user would between two commands: each call flips a marker in one summary.

    python bench/edit_one.py bench/data/100k/events/2023-07.yaml    # then time: timeline met ... --data bench/data/100k
    python bench/edit_one.py bench/data/100k-2036/actors.yaml       # a file of actors: the first actor's name

Run before each timed command (``sh -c 'python bench/edit_one.py FILE; exec timeline met ...'``) so that
every run finds that file changed: its bytes, size and mtime. The edit adds or removes ``Edited. `` at
the start of the first summary (in a file without one, the first ``name:``: an actor renamed), so the
file stays valid and two calls restore it.
"""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    file = Path(sys.argv[1])
    text = file.read_text(encoding="utf-8")
    field = "summary: " if "summary: " in text else "name: "
    mark = f"{field}Edited. " if field == "summary: " else f'{field}"Edited '
    plain = field if field == "summary: " else f'{field}"'
    edited = text.replace(mark, plain, 1) if mark in text else text.replace(plain, mark, 1)
    file.write_text(edited, encoding="utf-8")
