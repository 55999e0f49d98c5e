"""Save a drawing as PNG, SVG or PDF: the format by the extension, reproducible bytes, never over the user's files."""
from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from timeline.errors import UserError
from timeline.outputs import check_writable, output_file
from timeline.render.text import quiet_glyphs

FORMATS = ("png", "svg", "pdf")
MAX_PIXELS = 100_000_000  # of one image, past which memory runs out


class ImageError(UserError):
    """An image that cannot be written as asked: its format or its size."""


def image_format(path: str | Path, force: bool = False) -> str:
    """The format ``path`` asks for by its extension; raise before any drawing if it cannot be written."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ImageError(f"cannot write {str(path)!r}: name the file .png, .svg or .pdf")
    check_writable(path, force)
    return fmt


def save_image(figure: Figure, path: str | Path, dpi: float, force: bool = False) -> None:
    """Write ``figure`` to ``path`` in the format of its extension, through :func:`timeline.outputs.output_file`;
    matplotlib's warning per missing glyph silenced (:func:`~timeline.render.text.quiet_glyphs`)."""
    with quiet_glyphs(), output_file(path, force) as tmp:
        save_figure(figure, tmp, image_format(path, force), dpi)


def save_figure(figure: Figure, path: str | Path, fmt: str, dpi: float = 200) -> None:
    """Save ``figure`` as ``fmt`` with no date or version in the file, so the bytes are reproducible."""
    width, height = figure.get_size_inches()
    if width * height * dpi * dpi > MAX_PIXELS:
        raise ImageError(f"{width:.0f} × {height:.0f} inches at {dpi:g} dpi is over {MAX_PIXELS // 10**6} million "
                         "pixels; lower --dpi or --size")
    creator = "timeline"
    metadata = {"png": {"Software": creator}, "svg": {"Date": None, "Creator": creator},
                "pdf": {"CreationDate": None, "ModDate": None, "Creator": creator, "Producer": creator}}[fmt]
    figure.savefig(path, format=fmt, dpi=dpi, metadata=metadata)
