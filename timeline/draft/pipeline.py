"""Draft the record from an article: sentences, actors, triggers and dates joined into reviewable events."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.draft.actors import ActorIndex
from timeline.draft.classify import propose
from timeline.draft.clause_facts import THINGS
from timeline.draft.countries import slug
from timeline.draft.episodes import date_episodes  # drafta7: dates carried through an episode
from timeline.draft.events import Context, Drafted, sentence_events
from timeline.draft.retold import fold_retold
from timeline.draft.sentences import sentences
from timeline.draft.triggers import find_triggers

if TYPE_CHECKING:
    from timeline.model import Dataset

#: How many sentences back (of those that told events) an undated event may be part of one told before.
RECENT = 3
#: Types an article tells again in later sentences, with more detail ("The delegations met in Istanbul").
RETOLD = frozenset(("meeting", "call", "visit"))
#: Reporting verbs that go on with an utterance already told ("He added that ...").
CONTINUING = frozenset(("added", "adds"))
#: Types told as someone's words, which a later "he added" continues.
UTTERANCES = frozenset(("statement", "appeal", "demand", "criticism", "endorsement", "rejection", "assessment",
                        "accusation", "threat", "claim", "denial", "acceptance", "offer_to_mediate"))
#: Types that answer another event, and the relation that links them.
ANSWERS = {"rejection": "responds_to", "acceptance": "responds_to", "criticism": "responds_to",
           "endorsement": "responds_to", "counter_proposal": "responds_to", "denial": "disputes"}


@dataclass
class Draft:
    """What an article reports, drafted for review.

    ``events`` are in the order the article tells them; ``actors`` the mappings
    of actors it names that the dataset lacks (``id``, ``name``, ``kind``);
    ``source`` the mapping of the article as a source (None when the dataset
    already has a source of that id); ``source_id`` its id either way.
    """

    published: dt.date
    source_id: str
    source: dict[str, str] | None
    events: list[Drafted] = field(default_factory=list)
    actors: list[dict[str, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # actor id -> name, for titles and summaries


def draft_article(text: str, published: dt.date, dataset: Dataset | None = None, source_id: str | None = None,
                  url: str | None = None, publisher: str | None = None, title: str | None = None) -> Draft:
    """Draft the events ``text`` reports, dated against ``published`` and with ``dataset``'s actors.

    ``text`` is the article as plain text (see :func:`timeline.draft.text.article_text`
    for HTML). Returns a :class:`Draft`; :func:`timeline.draft.output.draft_data`
    turns it into a dataset file's mapping.

    >>> draft = draft_article("Putin met Witkoff in Moscow on Tuesday.", dt.date(2025, 12, 3), record)
    >>> [(e.type, e.date, e.roles, e.location) for e in draft.events]
    [('meeting', '2025-12-02', {'participants': ['putin', 'witkoff']}, 'Moscow')]
    """
    index = ActorIndex.build(dataset)
    context = Context(published, lookup=index.lookup, affiliations=index.affiliations)
    told_at = [0]  # where the events of the last sentences that told any begin
    for sentence in sentences(text):
        mentions = index.find(sentence)
        triggers = find_triggers(sentence.span)  # read once: the rules' events and the model's features
        found = sentence_events(sentence, mentions, context, triggers) or propose(sentence, mentions, context, triggers)
        if not found:  # "Garcia ... was more cautious. '...,' he said.": "he" is the person the last sentence is about
            context.last_person = next((m.actor for m in mentions[:1] if m.kind == "person"
                                        and m.start - sentence.start <= 1), context.last_person)
        first = len(context.events)
        for event in found:  # an event told again is folded once all are dated (timeline/draft/retold.py)
            named = {m.actor for m in mentions}
            if not _told_before(event, context.events, (first, told_at[-RECENT:][0]), index.affiliations, named):
                context.events.append(event)
        for event in context.events[first:]:
            _link(event, context.events, first)
        if found:
            told_at.append(first)
    date_episodes(context.events, index.told, text, published, index.affiliations)  # drafta7
    context.events[:] = fold_retold(context.events, index.kinds, index.state_of,  # every event told again
                                    lambda one, other: _same_place(index, one, other))
    source_id = source_id or _source_id(publisher, published)
    known_source = dataset is not None and source_id in dataset.sources
    source = None if known_source else {
        "id": source_id, **({"publisher": publisher} if publisher else {}),
        **({"title": title or _headline(text)} if title or _headline(text) else {}),
        **({"url": url} if url else {}), "published": published.isoformat()}
    used = {a for event in context.events for a in event.actors()}
    names = {a.id: a.name for a in dataset.actors.values()} if dataset else {}
    names |= {i: a["name"] for i, a in index.proposed.items()}
    used |= {index.proposed[a]["affiliation"] for a in used if "affiliation" in index.proposed.get(a, {})}
    actors = [actor for ident, actor in index.proposed.items() if ident in used]
    actors.sort(key=lambda actor: actor["kind"] == "person")  # what a person belongs to comes before the person
    return Draft(published, source_id, source, context.events, actors, names)


def _link(event: Drafted, told: list[Drafted], sentence_start: int) -> None:
    """Link a denial to the claim it disputes, a rejection to the thing it rejects.

    The thing is looked for first among the other events of the same sentence, then back through the article.
    """
    relation = ANSWERS.get(event.type)
    if relation is None:
        return
    wanted = ("claim",) if event.type == "denial" else THINGS.get(event.thing or "", ())
    here = told.index(event)
    order = [*range(sentence_start, len(told)), *range(sentence_start - 1, -1, -1)]
    for number in (n for n in order if n != here):
        other = told[number]
        if other.type in wanted and not set(event.roles.get("source", ())) & set(other.roles.get("source", ())):
            event.related.append((relation, number))
            if event.type == "denial":
                other.status = "disputed"
            if not event.roles.get("target"):
                event.roles["target"] = [a for a in other.roles.get("source", ()) if a not in event.actors()]
                if not event.roles["target"]:
                    del event.roles["target"]
            return


def _told_before(event: Drafted, told: list[Drafted], starts: tuple[int, int], affiliations: dict[str, str],
                 named: set[str]) -> bool:
    """Fold an undated event into one of the same type, status and actors told in an earlier sentence.

    ``starts`` are where the events of this sentence and of the last sentences that told any begin in ``told``;
    ``named`` the actors this sentence names. "Russia and Ukraine held talks on Friday. ... The delegations met in
    Istanbul": the second is the first again, told with more detail (its place is kept, and the actors its sentence
    names are added: not those it took from the sentences before, as "the central challenge in the negotiations"
    does). Said of a party of the call or meeting told just before ("Rubio spoke with Lavrov ... The Secretary
    emphasized ..."), a statement is what the readout reports of it, no event of its own.
    """
    sentence_start, previous_start = starts
    if event.explicit:
        return False
    acting = event.acting()
    if event.type == "statement" and acting and not event.quotes and any(
            other.type in ("call", "meeting") and acting <= set(other.actors())
            for other in told[previous_start:sentence_start]):
        return True
    if event.type == "meeting" and _visit_told(event, told[:sentence_start], affiliations):
        return True
    if _goes_on(event, told[previous_start:], affiliations):
        return True
    if event.type not in RETOLD:
        return False
    sides = {affiliations.get(a, a) for a in acting}
    for other in reversed(told[:sentence_start]):
        theirs = other.acting()
        if other.type == event.type and other.status == event.status and \
                (len(acting & theirs) >= 2 or acting <= theirs or sides >= {affiliations.get(a, a) for a in theirs}):
            for ids in event.roles.values():
                other.roles.setdefault("participants", []).extend(
                    a for a in ids if a in named and a not in other.actors()
                    and affiliations.get(a, a) not in other.actors())
            other.location = other.location or event.location
            return True
    return False


def _goes_on(event: Drafted, told: list[Drafted], affiliations: dict[str, str]) -> bool:
    """Whether a statement only goes on with an utterance told just before ("He added that ...", "X also said").

    Several sentences telling one utterance are one event (``tests/drafting/README.md``); a statement
    that the text marks as more of the same speaker's words is folded into the utterance it continues. A state
    and a person who speaks for it are one voice ("The Kremlin said ... Peskov added"); two people are two.
    """
    if event.type != "statement" or event.quotes and event.trigger.lower() not in CONTINUING:
        return False
    going_on = event.trigger.lower() in CONTINUING or event.sentence[max(0, event.at - 5):event.at].lower() == "also "
    mine = event.acting()
    voices = mine | {affiliations[a] for a in mine if a in affiliations}  # Peskov speaks for the Kremlin
    return going_on and any(other.type in UTTERANCES and (
        voices & other.acting() or mine & {affiliations.get(a, a) for a in other.acting()}) for other in told)


def _visit_told(event: Drafted, told: list[Drafted], affiliations: dict[str, str]) -> bool:
    """Whether a meeting is the visit told before: the visitor meets the host ("will visit the Kremlin ... to meet Putin")."""
    acting = event.acting()
    for other in told:
        hosts = set(other.roles.get("host", ()))
        if other.type == "visit" and other.status == event.status and acting & set(other.roles["participants"]) \
                and {affiliations.get(a, a) for a in acting} & hosts:
            return True
    return False



def _same_place(index: ActorIndex, one: str, other: str) -> bool:
    """Whether two places are one: the same name, or a place and the state it lies in ("Rome", "Italy")."""
    state = index.lookup(one)
    return one == other or state is not None and state == index.lookup(other) and state in (slug(one), slug(other))


def _source_id(publisher: str | None, published: dt.date) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (publisher or "article").lower()).strip("-")[:40] or "article"
    return f"{slug}-{published.isoformat()}"


def _headline(text: str) -> str | None:
    """The article's first line when it reads as a headline (no final full stop), else None."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:200] if first and not first.endswith(".") else None
