"""A second search, for questions whose first search missed what they ask about.

Retrieval reads the whole question; a case's story or the other things a question names can outweigh what it asks
("84-year-old man … nursing home … staff … pain review … constipation … is haloperidol appropriate?" finds care-home
pages, not APA's guideline on antipsychotics in dementia). ``evidence.gather`` asks again, in the question's own words
(``asked_alone``), by the name it asks about (``named_alone``) or by what it asks to screen for
(``screening_statements``), and adds what it finds to its pool on the first
search's scale, where reranking decides what is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from curbside.answer.ages import about_a_child
from curbside.answer.lexicon import complaint_topic, disease_mentions, medical_name
from curbside.answer.questions import QuestionInfo
from curbside.answer.synonyms import class_names
from curbside.answer.terms import CHATTER, Terms, TermStats, content_terms, screened_for
from curbside.answer.text import stem, unique
from curbside.answer.themes import LAY_GET_HELP
from curbside.answer.vignette import asking, case_of
from curbside.records import Hit
from curbside.retrieve import Filters, Retriever
from curbside.sentences import sentences

_FORMS = frozenset({"oral", "topical"})  # (a drug's form, not its class: "tablets" are taken by mouth)


def asked_alone(retriever: Retriever, info: QuestionInfo, terms: Terms, pool: Sequence[Hit], n: int,
                 filters: Filters) -> list[Hit]:
    """For a case whose question's key no passage of ``pool`` names, nor says enough of it — its story outweighed its
    question ("84-year-old man with moderate Alzheimer's disease living in a nursing home … staff … pain review …
    constipation … How long should the risperidone continue …, and is haloperidol appropriate?") — what a search for
    the question alone finds: with the case's last sentence (which often names what the question calls "one": "She is
    pleading for an epidural. Is it reasonable to site one when she may well be bacteraemic …?"), the diseases the case
    names and the classes of the drugs it asks about (APA: "… antipsychotic medication … in patients with dementia
    …"); scored on ``pool``'s scale, the best as good as its best. (Only for a case that names its disease, the
    caller's condition: what is found is then kept to documents on it, and a jet-lagged traveller asking about
    melatonin is not answered from its trial in tardive dyskinesia.)"""
    drugs = [t for t in info.terms if stem(t) in terms.asked]
    classes = unique(c for t in drugs for c in class_names(t) if c not in _FORMS)
    told = sentences(case_of(info.text))
    last = told[-1:] if len(told) > 1 else []  # (not the whole of a one-sentence case again)
    found = retriever.search(" ".join([*last, asking(info.text), *disease_mentions(info.text), *classes]), n, filters)
    return _on_scale(found, pool)


def named_alone(retriever: Retriever, info: QuestionInfo, terms: Terms, pool: Sequence[Hit], n: int,
                 filters: Filters, stats: TermStats) -> list[Hit]:
    """For a question whose key is a drug, disease or procedure no passage of ``pool`` names, the passages that name it
    found by a search for the question's medical names alone: "Should I add gemfibrozil to atorvastatin for a
    60-year-old with type 2 diabetes whose triglycerides are still 4.8 mmol/L despite dietary changes?" finds
    passages on diabetes, diet and triglycerides, none on gemfibrozil, while ACC/AHA's "Gemfibrozil should not be
    initiated in patients on statin therapy …" is there. Scored on ``pool``'s scale; none when the knowledge base has
    nothing on it (an absent topic stays absent)."""
    names = [t for t in info.terms if medical_name(t)]
    if not any(stem(t) == terms.key for t in names):
        return []
    found = [h for h in retriever.search(" ".join(names), n, filters) if terms.names_key(stats.stems_of(h))]
    return _on_scale(found, pool)


def screening_statements(retriever: Retriever, question: str, pool: Sequence[Hit], n: int,
                         filters: Filters) -> list[Hit]:
    """For a question whether to screen for a disease, what a search for screening for it finds: the USPSTF's one-line
    "The USPSTF recommends against screening for pancreatic cancer in asymptomatic adults" ranked 122nd for "Should I
    screen a healthy, asymptomatic 60-year-old for pancreatic cancer with CT or endoscopic ultrasound as part of a
    general health check?", behind a staging guideline that names the tests. Scored on ``pool``'s scale."""
    what = screened_for(asking(question))
    return _on_scale(retriever.search(f"screening for {what}", n, filters), pool) if what and pool else []


# words of the asking, not of what it is about ("2 year old", "doctor")
_NOT_ABOUT = frozenset("""year years old month months week weeks day days doctor doctors gp hospital clinic nurse
help worry worried son daughter baby toddler child kid boy girl husband wife mum mom dad""".split())
def help_statements(retriever: Retriever, question: str, pool: Sequence[Hit], n: int,
                    filters: Filters) -> list[Hit]:
    """For a lay question when to get help ("My 2 year old has a fever of 39, when should I take him to the
    doctor?"), what a search for when to seek help with what it is about finds: NICE's "… parents and carers who are
    looking after their feverish child at home should seek further advice if: …" shares no word with the question but
    "fever". Scored on ``pool``'s scale."""
    asked = asking(question)
    if not pool or LAY_GET_HELP.search(asked) is None:
        return []
    about = [t for t in content_terms(LAY_GET_HELP.sub(" ", question))
             if not any(ch.isdigit() for ch in t) and t not in _NOT_ABOUT and t not in CHATTER]
    # (… and the complaint by its name: "a temperature of 38.5" is a fever)
    about += [t for t in complaint_topic(question) if t not in about]
    if not about:
        return []
    query = " ".join([*about, *(["children"] if about_a_child(question) else []), "when to seek help advice"])
    # (marked: a guideline's advice on when to seek help competes with the health pages a patient is shown first)
    return [replace(h, scores={**h.scores, HELP_SCORE: h.score})
            for h in _on_scale(retriever.search(query, n, filters), pool)]


HELP_SCORE = "help"  # the mark of what the search for when to get help found (``help_statements``)


def _on_scale(found: Sequence[Hit], pool: Sequence[Hit]) -> list[Hit]:
    """``found`` less what ``pool`` has, scored so that its best is as good as the pool's best: found by what the
    question asks, it competes with the first search's best on equal terms."""
    have = {h.passage.id for h in pool}
    scale = max(h.score for h in pool) / max((h.score for h in found), default=1.0)
    return [replace(h, score=h.score * scale) for h in found if h.passage.id not in have]


__all__ = ["HELP_SCORE", "asked_alone", "help_statements", "named_alone", "screening_statements"]
