"""Draft the record from an article (issue #16): the events it reports, dated honestly, actors matched.

A rule-based pipeline on spaCy's blank English pipeline (tokenizer, sentencizer,
Matcher, PhraseMatcher; no trained weights, no network) and python-dateutil:

* :mod:`~timeline.draft.text`: plain text or HTML stripped (selectolax);
* :mod:`~timeline.draft.sentences`: sentences with character offsets;
* :mod:`~timeline.draft.actors`: actors matched against the dataset, unknown ones proposed;
* :mod:`~timeline.draft.trigger_patterns` (with the word lists of :mod:`~timeline.draft.trigger_words`): the words
  that report each event type; :mod:`~timeline.draft.triggers`: their matches in a sentence;
* :mod:`~timeline.draft.modality`: planned, proposed, claimed, or no event;
* :mod:`~timeline.draft.dates`: dates resolved against the publication date (EDTF);
* :mod:`~timeline.draft.events`: roles, place, quotes, confidence;
* :mod:`~timeline.draft.output` and :mod:`~timeline.draft.into`: the YAML file, ``draft: true``.
"""
from timeline.draft.pipeline import Draft, draft_article

__all__ = ["Draft", "draft_article"]
