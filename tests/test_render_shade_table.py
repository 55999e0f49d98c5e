"""The print shades of the palette's families come from a table made once (issue 18): the same shades as
worked out, and a chart process that draws counts never imports coloraide."""
from __future__ import annotations

import subprocess
import sys

from timeline.palette import FAMILIES
from timeline.render import shade_table
from timeline.render.counts import COUNT_GREYS, PRINT_GAP, print_shades, worked_out

PALETTE = tuple(family.color for family in FAMILIES.values())


def test_the_table_is_made_for_the_palette_as_it_is() -> None:
    """Fails after a family colour, the greys or the gap change: run ``python -m timeline.render.shade_table``."""
    assert shade_table.MADE_FOR == (PALETTE, COUNT_GREYS, PRINT_GAP)
    assert sorted(shade_table.SHADES) == [bits for bits in range(1 << len(PALETTE)) if bits.bit_count() >= 2]


def test_the_tables_shades_are_those_worked_out() -> None:
    for bits in (3, 0b11111, 0b10110011, 0b1100000, 255):   # two, the first five (the 10k chart's), five, two, all
        colors = tuple(color for n, color in enumerate(PALETTE) if bits >> n & 1)
        assert shade_table.kept(colors) == worked_out(colors) == tuple(print_shades(colors)), bits


def test_colours_the_table_does_not_hold_are_worked_out() -> None:
    for colors in (PALETTE[::-1], (PALETTE[0], "#123456"), (PALETTE[1], PALETTE[1])):
        assert shade_table.kept(colors) is None
        assert print_shades(colors) == list(worked_out(colors))


def test_a_chart_process_does_not_import_coloraide() -> None:
    code = ("import sys\nfrom timeline.palette import FAMILIES\nfrom timeline.render.counts import print_shades\n"
            "import timeline.stance_colors, timeline.render.timeline\n"
            "print_shades([f.color for f in FAMILIES.values()])\nprint('coloraide' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
