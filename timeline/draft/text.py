"""An article's text from a file: plain text in the encoding it is in (byte-order mark, UTF-8, else what
charset-normalizer finds), HTML stripped to its paragraphs (selectolax, Lexbor)."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from timeline.errors import UserError
from timeline.read.encoding import byte_order_mark

#: Larger articles are refused: a news article is a few thousand words.
MAX_BYTES = 5_000_000
#: Elements that hold no article text.
_NOISE = "script, style, noscript, template, nav, header, footer, aside, form, svg, iframe, button, select"
#: Elements that end a line of text (paragraphs, headings, list items, cells, breaks).
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, div, br, tr, section, article, figcaption, pre, dd, dt"
_HTML = re.compile(r"\A\s*(?:<!--|<\?xml|<(?:!doctype\s+html|html|head|body|article|main|section|header|p|div|h[1-6]"
                   r"|meta|span|table|ul|ol|figure|title)\b)", re.IGNORECASE)
#: Text has a space or line break every 50 characters at least (English words are 5 letters long on average).
_MIN_SPACES = 0.02


class ArticleError(UserError):
    """The article cannot be read as text: missing, a folder, binary, empty, too large."""


def read_article(path: str | os.PathLike) -> str:
    """The text of the article at ``path`` (decoded by :func:`decode`, HTML stripped to its text).

    Raise :class:`ArticleError` with one line for a missing file, a folder,
    a device, data that is no text in any encoding, or a file with no text.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path}: no such file; give the article as a .txt or .html file")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file; give the article as a .txt or .html file")
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise ArticleError(f"{path}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB; an article is a few thousand words")
    return article_text(raw, str(path))


def article_text(raw: bytes | str, name: str = "the article") -> str:
    """The text of ``raw``: decoded, stripped of HTML if it is HTML, with its line breaks kept.

    Raise :class:`ArticleError` for data that is no text in any encoding, or no text at all.
    """
    if isinstance(raw, bytes):
        raw = decode(raw, name)
    html = _HTML.match(raw) or name.lower().endswith((".html", ".htm", ".xhtml"))
    text = strip_html(raw) if html else raw
    text = "".join(c if c in "\n\t" or unicodedata.category(c) != "Cc" else " " for c in text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(c.isalpha() for c in text):
        raise ArticleError(f"{name}: no text to draft from")
    return text


def decode(raw: bytes, name: str = "the article") -> str:
    """``raw`` as text: by its byte-order mark (UTF-8, UTF-16, UTF-32), as UTF-8 when it holds no NUL byte,
    else in the encoding charset-normalizer finds (UTF-16 without a mark, Windows-1252, ...).

    Raise :class:`ArticleError` with one line when no encoding reads it as words and spaces (binary data).
    """
    if (mark := byte_order_mark(raw)) is not None:
        encoding = mark.encoding.upper()
        try:
            return raw[mark.length:].decode(mark.encoding)
        except UnicodeDecodeError as error:
            raise ArticleError(f"{name}: starts as {encoding} text (byte-order mark) but byte "
                               f"{error.start + mark.length} is not {encoding}; save it as UTF-8") from None
    if b"\x00" not in raw:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    text = str(best) if best is not None else ""
    if not text or sum(c.isspace() for c in text) < len(text) * _MIN_SPACES or "\x00" in text:
        raise ArticleError(f"{name}: a binary file, not text (no encoding reads it as words and spaces); "
                           "save the article as UTF-8 text or HTML")
    return text


def strip_html(html: str) -> str:
    """The text of an HTML page, one line per paragraph, heading or list item.

    Scripts, styles, navigation, headers, footers and asides are left out; where the
    page has an ``<article>`` element, only its text is kept.
    """
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise ArticleError("reading HTML needs selectolax: pip install 'timeline[draft]'") from None
    tree = LexborHTMLParser(html)
    for node in tree.css(_NOISE):
        node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(_BLOCKS):
        node.insert_after("\n")
    lines = (" ".join(line.split()) for line in (root.text(deep=True) or "").split("\n"))
    return "\n".join(line for line in lines if line)
