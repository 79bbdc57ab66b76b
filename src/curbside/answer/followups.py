"""Follow-ups: the context an earlier answer gives, and suggested next questions."""

from __future__ import annotations

from curbside.answer.questions import QuestionInfo
from curbside.records import Answer, Audience

_CLINICIAN = {
    "treatment": "What is the first-line management of {t}?",
    "drugs": "Which drugs and doses are recommended for {t}?",
    "diagnosis": "How is {t} diagnosed?",
    "prognosis": "What is the prognosis of {t}?",
    "causes": "What are the risk factors for {t}?",
    "prevention": "Is screening or prevention recommended for {t}?",
    "symptoms": "What are the clinical features of {t}?",
    "escalation": "When should patients with {t} be referred to a specialist?",
    "monitoring": "How should patients with {t} be monitored?",
}
_PATIENT = {
    "treatment": "How is {t} treated?",
    "symptoms": "What are the symptoms of {t}?",
    "escalation": "When should I see a doctor about {t}?",
    "prevention": "How can I lower my risk of {t}?",
    "causes": "What causes {t}?",
    "prognosis": "What is the outlook for people with {t}?",
    "drugs": "What medicines are used for {t}?",
    "diagnosis": "How is {t} diagnosed?",
    "monitoring": "What check-ups will I need for {t}?",
}
# after a question about X, these are the natural next ones (in order)
_NEXT = {
    "treatment": ("drugs", "escalation", "prognosis"),
    "drugs": ("treatment", "escalation", "prognosis"),
    "diagnosis": ("treatment", "prognosis", "causes"),
    "prognosis": ("treatment", "escalation", "causes"),
    "causes": ("prevention", "diagnosis", "treatment"),
    "prevention": ("causes", "diagnosis", "treatment"),
    "symptoms": ("diagnosis", "treatment", "escalation"),
    "definition": ("symptoms", "diagnosis", "treatment"),
    "monitoring": ("treatment", "escalation", "prognosis"),
}
_DEFAULT = ("treatment", "diagnosis", "prognosis")


_QUESTION_LINE = "Earlier question: "
_ANSWER_LINE = "Earlier answer: "


def context_of(earlier: Answer) -> str:
    """What a follow-up is asked in the context of (given to generators): the earlier question
    and, when it was answered, its bottom line — one labelled line each."""
    lines = [_QUESTION_LINE + earlier.question]
    if not earlier.insufficient:
        lines.append(_ANSWER_LINE + earlier.bottom_line.text)
    return "\n".join(lines)


def context_question(context: str) -> str:
    """The earlier question inside a ``context_of`` text (the whole text if it is not labelled)."""
    for line in context.splitlines():
        if line.startswith(_QUESTION_LINE):
            return line.removeprefix(_QUESTION_LINE)
    return context


def suggest(info: QuestionInfo, audience: Audience, limit: int = 3) -> tuple[str, ...]:
    """Next questions about the question's main topic (none when no topic is recognised)."""
    if not info.topics:
        return ()
    topic = info.topics[0]
    templates = _PATIENT if audience is Audience.PATIENT else _CLINICIAN
    asked = set(info.intents)
    order: list[str] = []
    for intent in [*info.intents, "definition"]:
        order.extend(_NEXT.get(intent, ()))
    order.extend(_DEFAULT)
    out: list[str] = []
    for key in dict.fromkeys(order):
        if key in asked or key not in templates:
            continue
        out.append(templates[key].format(t=topic))
        if len(out) >= limit:
            break
    return tuple(out)
