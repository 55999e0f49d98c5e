"""Sentences of an article with their character offsets: spaCy's blank English pipeline and its sentencizer.

No trained model is loaded: ``spacy.blank("en")`` gives the rule-based
tokenizer, and the ``sentencizer`` splits on sentence-final punctuation.
Titles abbreviated before a name ("Lt. Gen.", "Amb.") end no sentence.
Line breaks always end a sentence. A line without final punctuation is a
heading, a standfirst or a site's boilerplate ("Watch This Important Video"):
it is skipped, since its facts are told again in the body. A line that repeats
an earlier one word for word (a standfirst printed again as the first
paragraph, a paragraph a page shows twice) is skipped too: one telling, one event.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

_LINE = re.compile(r"[^\n]+")
_ENDS = ".!?\"'\u201d\u2019)\u2026:"
#: Titles abbreviated before a name that spaCy's English exceptions lack ("Lt. Gen. Rajiv Ghai", "Amb. Keter"):
#: one token each, so that their full stop ends no sentence (round 9; "Gen.", "Mr.", "Sen.", "Gov." are there).
TITLES = ("Lt.", "Maj.", "Col.", "Brig.", "Capt.", "Cpt.", "Adm.", "Sgt.", "Cmdr.", "Cdr.", "Amb.", "Pres.", "Hon.",
          "Sec.", "Rt.", "Insp.", "Supt.", "Cmdt.", "Lt.-Gen.", "Maj.-Gen.")


class Sentence(NamedTuple):
    """A sentence: its tokens (a spaCy span), and where it lies in the article (``start``, ``end``).

    ``origin`` is the article offset of the token offsets (``token.idx``) in ``span``, and
    ``line`` the text those offsets are in (the sentence's line of the article).
    """

    span: Span
    start: int
    end: int
    origin: int
    line: str

    @property
    def text(self) -> str:
        return self.line[self.start - self.origin:self.end - self.origin]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared spaCy pipeline: English tokenizer rules and the sentencizer, no trained weights."""
    import spacy

    nlp = spacy.blank("en")
    for title in TITLES:
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of ``text`` in order, headings and boilerplate lines left out."""
    nlp = pipeline()
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip()]
    seen: set[str] = set()
    body = [(start, line) for start, line in lines if line.rstrip()[-1] in _ENDS and not _repeated(line, seen)]
    for (start, line), doc in zip(body, nlp.pipe(line for _start, line in body)):
        for sent in _opening_quotes_moved(doc):
            text = line[sent.start_char:sent.end_char]
            stripped = text.strip()
            if not stripped:
                continue
            begin = start + sent.start_char + text.index(stripped)
            yield Sentence(sent, begin, begin + len(stripped), start, line)


def _repeated(line: str, seen: set[str]) -> bool:
    """Whether ``line`` (its words) was seen before; note it as seen."""
    words = " ".join(line.split())
    if words in seen:
        return True
    seen.add(words)
    return False


def _opening_quotes_moved(doc):  # noqa: ANN001, ANN202 - spaCy Doc and Spans
    """The sentences of ``doc``, an opening quotation mark left at a sentence's end moved to the next one."""
    bounds = [[sent.start, sent.end] for sent in doc.sents]
    for here, after in zip(bounds, bounds[1:]):
        if here[1] - here[0] > 1 and doc[here[1] - 1].text in ("“", "‘", '"'):
            here[1] -= 1
            after[0] -= 1
    return [doc[start:end] for start, end in bounds]
