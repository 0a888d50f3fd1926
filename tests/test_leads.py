"""Each seed report's lead, as the reader finds it in the real index."""

from __future__ import annotations

from qa.checks import LEAD_SENTENCES
from qa.leads import Leads


def test_each_lead_is_its_files_first_sentences(pipeline):
    ix = pipeline.index
    a = ix.analysis
    leads = pipeline.reader.leads
    for doc, d in enumerate(ix.docs):
        first, last = leads.sentences(doc)
        assert last - first == LEAD_SENTENCES
        assert all(int(a.sent_doc[s]) == doc for s in range(first, last))
        assert first == 0 or int(a.sent_doc[first - 1]) != doc  # nothing of the file before it
        text = leads.text(doc)
        assert text and d.text.startswith(text, int(a.sent_start[first]))
        assert leads.holds_sentence(doc, first) and not leads.holds_sentence(doc, last)
        p = leads.passage(doc)
        assert p is not None and int(ix.pass_doc[p]) == doc and (p == 0 or int(ix.pass_doc[p - 1]) != doc)
        assert int(ix.pass_start[p]) <= int(a.sent_start[first])


def test_lead_words_and_gatherings(pipeline):
    """A lead holds its own words; "talks" stands for a lead's "meeting" (and the reverse), and a
    stem no lead uses is held by none."""
    leads = Leads(pipeline.index)
    ix = pipeline.index
    docs = range(len(ix.docs))
    met = [doc for doc in docs if {"meet", "talk", "summit"} & leads.stems(doc)]
    assert met, "the seed reports' leads speak of their meeting"
    for doc in met:
        assert leads.holds("meet", doc) and leads.holds("talk", doc)
        assert leads.holds_all(set(sorted(leads.stems(doc))[:3]), doc)
    assert not any(leads.holds("xylophon", doc) for doc in docs)
    assert leads.stems(met[0]) is leads.stems(met[0])  # read once per file
