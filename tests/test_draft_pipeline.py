"""Drafting events from an article's sentences (issue #16): modality, actors, roles, links, quotes, offsets."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.draft import draft_article
from timeline.draft.actors import ActorIndex, fold_chars
from timeline.draft.text import ArticleError, article_text

WEDNESDAY = dt.date(2025, 12, 3)


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


def only(text, dataset, **kwargs):
    draft = draft_article(text, WEDNESDAY, dataset, **kwargs)
    return [(e.type, e.date, e.status, e.roles) for e in draft.events]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the modality examples
    ("Kushner and Witkoff may meet a Ukrainian delegation as early as Wednesday, potentially in Brussels.",
     ("meeting", "2025-12-03/..", "planned", {"participants": ["kushner", "witkoff", "ukrainian-delegation"]})),
    ("Putin could meet Zelenskyy in Istanbul.",
     ("meeting", "2025-12-03/..", "planned", {"participants": ["putin", "zelenskyy"]})),
    ("Witkoff plans to visit Moscow next week.",
     ("visit", "2025-12-08/2025-12-14", "planned", {"participants": ["witkoff"], "host": ["russia"]})),
    ("Putin offered to meet Zelenskyy.",
     ("meeting", "2025-12-03/..", "proposed", {"participants": ["putin", "zelenskyy"]})),
    ("Russia claims to have captured Pokrovsk.", ("claim", "../2025-12-03", "claimed", {"source": ["russia"]})),
    ("The Kremlin said it had captured Pokrovsk.", ("claim", "../2025-12-03", "claimed", {"source": ["russia"]})),
    ("Putin met Witkoff on Tuesday.", ("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"]})),
])
def test_modality_and_dates(seeds, sentence, expected):
    drafted = only(sentence, seeds)
    assert expected in drafted, drafted


@pytest.mark.parametrize("sentence", ["Putin did not meet Witkoff on Tuesday.", "Kyiv could reject the plan.",
                                      "Before meeting Witkoff, nobody spoke."])
def test_no_event(seeds, sentence):
    assert only(sentence, seeds) == []


def test_denial_disputes_the_claim(seeds):
    draft = draft_article("Russia claims to have captured Pokrovsk. Kyiv denies this.", WEDNESDAY, seeds)
    claim, denial = draft.events
    assert (claim.type, claim.status) == ("claim", "disputed")
    assert (denial.type, denial.roles, denial.related) == ("denial", {"source": ["ukraine"], "target": ["russia"]},
                                                           [("disputes", 0)])


def test_rejection_of_the_thing_named(seeds):
    text = "The Kremlin has also rejected Kyiv and Europe’s counter-proposal, with Putin repeatedly calling it " \
           "“unacceptable.”"
    draft = draft_article(text, WEDNESDAY, seeds)
    rejection, counter = draft.events
    assert (counter.type, counter.roles) == ("counter_proposal", {"source": ["ukraine", "european-allies"]})
    assert rejection.type == "rejection"
    assert rejection.roles == {"source": ["russia", "putin"], "target": ["ukraine", "european-allies"]}
    assert rejection.related == [("responds_to", 1)]
    assert rejection.quotes == [("putin", "unacceptable")]


def test_called_it_unacceptable_is_a_rejection(seeds):
    assert only("Zelenskyy called it unacceptable.", seeds)[0][:2] == ("rejection", "../2025-12-03")


def test_titles_describe_people_and_are_dropped(seeds):
    text = "U.S. President Donald Trump’s special envoy, Steve Witkoff, and his son-in-law Jared Kushner met " \
           "Putin on Tuesday as Washington attempts to broker an end to Europe’s deadliest conflict."
    assert only(text, seeds) == [("meeting", "2025-12-02", "occurred",
                                  {"participants": ["witkoff", "kushner", "putin"]})]


def test_several_events_in_one_sentence(seeds):
    drafted = only("Witkoff met Putin and presented a peace plan.", seeds)
    assert [d[0] for d in drafted] == ["meeting", "proposal"]
    assert drafted[1][3] == {"source": ["witkoff"]}


def test_participle_shares_the_subject(seeds):
    text = "Before meeting the U.S. negotiators, Putin delivered aggressive remarks at an investment forum, " \
           "accusing European allies of Ukraine of undermining peace efforts and vowing to escalate attacks " \
           "on Ukrainian ports, vessels, and tankers aiding Kyiv."
    assert only(text, seeds) == [
        ("accusation", "../2025-12-03", "occurred", {"source": ["putin"], "target": ["european-allies"]}),
        ("threat", "../2025-12-03", "occurred", {"source": ["putin"], "target": ["ukraine"]})]


def test_passive_voice(seeds):
    drafted = only("The draft was criticised by Kyiv and its allies for leaning toward Russia.", seeds)
    assert drafted == [("criticism", "../2025-12-03", "occurred", {"source": ["ukraine"]})]


def test_pronoun_and_quotes_with_speaker(seeds):
    draft = draft_article("Kremlin aide Yury Ushakov said talks were “useful and constructive.” “So far, we "
                          "haven’t found a compromise,” he noted.", WEDNESDAY, seeds)
    (statement,) = draft.events
    assert statement.roles == {"source": ["ushakov"]}
    assert statement.quotes == [("ushakov", "useful and constructive"),
                                ("ushakov", "So far, we haven’t found a compromise")]


def test_attribution_becomes_an_assessment(seeds):
    drafted = only("Russia controls over 19 percent of Ukrainian territory, according to pro-Ukrainian mapping.",
                   seeds)
    assert drafted == [("assessment", "../2025-12-03", "occurred",
                        {"source": ["pro-ukrainian-mapping"], "mentioned": ["russia"]})]


def test_offsets_confidence_and_location(seeds):
    text = "Headline without a full stop\n\nPutin met Witkoff in Moscow on Tuesday. Russia claims to have captured Pokrovsk."
    draft = draft_article(text, WEDNESDAY, seeds)
    meeting, claim = draft.events
    assert text[meeting.start:meeting.end] == "Putin met Witkoff in Moscow on Tuesday."
    assert text[claim.start:claim.end] == meeting.sentence.replace(meeting.sentence, claim.sentence)
    assert meeting.location == "Moscow"
    assert 0 < claim.confidence < meeting.confidence <= 0.95
    assert draft.source == {"id": "article-2025-12-03", "title": "Headline without a full stop",
                            "published": "2025-12-03"}


def test_accents_and_case_are_ignored(seeds):
    index = ActorIndex.build(seeds)
    assert index.lookup("ZELENSKYY") == "zelenskyy"
    assert only("Zélenskyy met PUTIN.", seeds)[0][3] == {"participants": ["zelenskyy", "putin"]}
    assert fold_chars("Éire’s") == "eire's"


def test_us_the_pronoun_is_not_the_united_states(seeds):
    assert only("Putin met us in Moscow.", seeds) == []
    assert only("Putin met US envoys.", seeds)[0][3] == {"participants": ["putin", "united-states"]}


def test_unknown_names_are_proposed_with_a_kind(seeds):
    draft = draft_article("Kenyan President William Ruto met Zelenskyy in Nairobi. The Nordic Security Council "
                          "criticised Russia.", WEDNESDAY, seeds)
    assert [(e.type, e.roles) for e in draft.events] == [
        ("meeting", {"participants": ["ruto", "zelenskyy"]}),
        ("criticism", {"source": ["nordic-security-council"], "target": ["russia"]})]
    assert draft.actors == [
        {"id": "kenya", "name": "Kenya", "kind": "state"},
        {"id": "nordic-security-council", "name": "Nordic Security Council", "kind": "organization"},
        {"id": "ruto", "name": "William Ruto", "kind": "person", "title": "President", "affiliation": "kenya"}]


def test_without_a_dataset_states_come_from_the_gazetteer():
    draft = draft_article("Russia rejected the plan of Ukraine.", WEDNESDAY)
    assert [(e.type, e.roles) for e in draft.events] == [("rejection", {"source": ["russia"], "target": ["ukraine"]})]
    assert [a["id"] for a in draft.actors] == ["russia", "ukraine"]


def test_html_is_stripped_to_paragraphs():
    html = "<html><head><script>var x = 'Putin met Trump.';</script></head><body><nav>Menu</nav><article>" \
           "<h1>Talks</h1><p>Putin <a href='#'>met</a> Witkoff on <b>Tuesday</b>.</p><p>Second&nbsp;one.</p>" \
           "</article><footer>Share this</footer></body></html>"
    assert article_text(html.encode()) == "Talks\nPutin met Witkoff on Tuesday.\nSecond one."


@pytest.mark.parametrize(("raw", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a binary file, not text"),
    (b"\xfe\xff\xd8\x00", r"starts as UTF-16-BE text \(byte-order mark\) but byte 2 is not UTF-16-BE"),
    (b"   \n\n 12 34 ", "no text to draft from"),
])
def test_bad_text_is_one_line(raw, message):
    with pytest.raises(ArticleError, match=message):
        article_text(raw, "a.txt")


@pytest.mark.parametrize(("raw", "name"), [
    (b"<!-- saved page --><section><p>Putin met Witkoff.</p></section>", "a.txt"),
    (b"<P>Putin met Witkoff.</P>", "a.txt"),
    (b"Putin <b>met</b> Witkoff.", "page.HTML"),
])
def test_html_is_recognised_by_its_start_or_its_name(raw, name):
    assert article_text(raw, name) == "Putin met Witkoff."


def test_text_with_angle_brackets_stays_text():
    assert article_text(b"Putin < Witkoff. 3 > 2", "a.txt") == "Putin < Witkoff. 3 > 2"
