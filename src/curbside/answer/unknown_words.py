"""Words of a question that the knowledge base never uses, in any wording the synonyms know.

Said to the reader when an answer abstains ("the knowledge base has nothing on “maribavir”"), and a sign that a
question is about something the knowledge base lacks, whatever page it otherwise names (closeness.py).
"""

from __future__ import annotations

from curbside.answer.synonyms import alternatives
from curbside.answer.text import stem
from curbside.store import Store


def unknown_to_the_kb(terms: list[str], store: Store | None) -> set[str]:
    """Of ``terms`` (words), those no passage of the knowledge base uses, in any wording we know of."""
    if store is None or not terms:
        return set()
    frequencies = store.term_frequencies(terms)
    wordings = alternatives(terms)
    out = set()
    for term in terms:
        if frequencies.get(term):
            continue
        # (another wording may be what the knowledge base says: "paracetamol" for acetaminophen; "induced
        # malaria" is no other wording of malaria)
        others = [form for form in wordings.get(stem(term), ()) if stem(term) not in form]
        if not any(all(store.term_frequencies(form).values()) for form in others):
            out.add(term)
    return out


__all__ = ["unknown_to_the_kb"]
