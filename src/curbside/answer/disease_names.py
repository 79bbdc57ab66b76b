"""How a disease is named: the stem sets of its wordings (``wordings``) and of a text that may name it
(``name_stems``), as ``population.Scope`` compares them."""

from __future__ import annotations

from curbside.answer.lexicon import disease_mentions
from curbside.answer.synonyms import alternatives
from curbside.answer.text import content_stems, stem, tokenize

# words that do not make a question's own condition narrower ("arterial hypertension")
NEUTRAL = frozenset(stem(w) for w in """adult adults general population uncomplicated essential primary arterial
known suspected confirmed""".split())
# a phase or severity of the same disease ("acute COPD exacerbations" for COPD exacerbations), not
# another disease that shares its name ("pulmonary hypertension")
PHASE = frozenset(stem(w) for w in "acute chronic stable severe mild moderate recurrent early advanced".split())


def name_stems(text: str) -> set[str]:
    """Content stems, single letters (the "C" of hepatitis C tells it from hepatitis B) and what follows "post" in
    one word ("etanercept for poststroke disability" names stroke)."""
    words = tokenize(text)
    letters = {t for t in words if len(t) == 1 and t.isalpha()}
    after_post = {stem(t.removeprefix("post")) for t in words if t.startswith("post") and len(t) >= _POST_WORD}
    return set(content_stems(text)) | letters | after_post


def name_key(title: str) -> frozenset[str]:
    """A disease name as a set of stems: a title that is exactly one of a disease's wordings has the
    wording's key (``Scope.names``)."""
    return frozenset(name_stems(title))


def wordings(disease: str) -> tuple[frozenset[str], ...]:
    """The stem sets that name ``disease``: its own words, and each equivalent wording put in place
    of the words it stands for — "acute renal injury" for acute kidney injury, not "renal" alone
    (an equivalent of one of its words is not an equivalent of the disease); "T2DM" stands for all
    of "type 2 diabetes"."""
    base = frozenset(name_stems(disease))
    found = {base}
    by_group: dict[tuple[frozenset[str], ...], set[str]] = {}
    for word_stem, forms in alternatives(tokenize(disease)).items():
        by_group.setdefault(forms, set()).add(word_stem)
    for forms, stems in by_group.items():
        for form in forms:
            found.add(frozenset((base - stems) | form))
    # papers and guidelines name a long disease by its initials once defined ("BPPV" for benign
    # paroxysmal positional vertigo); three letters or more, so "AD" or "PE" never stand for one
    words = [w for w in tokenize(disease) if w.isalpha()]
    if len(words) >= 3:
        found.add(frozenset(content_stems("".join(w[0] for w in words))))
    # a stage or kind of a disease is named by the disease too: "primary syphilis" by a guideline on
    # syphilis (a narrower stage, "secondary syphilis", stays another: ``Scope.narrower``)
    if len(words) >= 2 and stem(words[0].lower()) in NEUTRAL | PHASE and disease_mentions(" ".join(words[1:])):
        found |= set(wordings(" ".join(words[1:])))
    # a subtype numbered in roman numerals is named by the disease ("bipolar I disorder" by a guideline on bipolar
    # disorder), unless the number is a type, class, grade or stage of its own ("type I diabetes")
    tokens = tokenize(disease)
    if roman := {t for i, t in enumerate(tokens) if t in _ROMAN and i and tokens[i - 1] not in _NUMBERED}:
        found |= set(wordings(" ".join(t for t in tokens if t not in roman)))
    # a deficiency is one of the disorders of what is lacking ("cobalamin and folate disorders" covers
    # vitamin B12 deficiency)
    if _DEFICIENCY in base:
        found |= {frozenset((w - {_DEFICIENCY}) | {_DISORDER}) for w in found if _DEFICIENCY in w}
    # an organ's cancer is named by its carcinoma ("Endometrial carcinoma risk among women diagnosed with endometrial
    # hyperplasia" is about endometrial cancer), most cancers being carcinomas
    found |= {frozenset((w - {_CANCER}) | {_CARCINOMA}) for w in list(found) if _CANCER in w and len(w) >= 2}
    return tuple(found)


_DEFICIENCY, _DISORDER = stem("deficiency"), stem("disorders")
_CANCER, _CARCINOMA = stem("cancer"), stem("carcinoma")
_POST_WORD = 8  # "poststroke", not "posts" or "postop"
_ROMAN = frozenset("i ii iii iv".split())
_NUMBERED = frozenset("type types class grade stage phase".split())
