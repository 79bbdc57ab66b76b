"""What a question says that names no topic: conversational words (``CHATTER``) and the words of phrases that only
say how something is asked (``phrasal_terms``): "find out", "the nurse said", "at her annual check", "in a rural
district of Mozambique". They neither count for nor against a passage's coverage (``terms.py``)."""

from __future__ import annotations

import re

from curbside.answer.text import tokenize
from curbside.answer.themes import LAY_GET_HELP

# conversational words that carry no topic: they neither count for nor against coverage (contractions typed with
# their apostrophe are stopwords already: retrieve/query.py)
CHATTER = frozenset("""
alright ok okay am im ive id dont doesnt didnt cant wont isnt because perhaps instance super anything something
anyone someone everything nothing now really actually please thanks thank hi hello hey wondering curious
question questions know tell think thought thoughts like liked want wanted need needed get gets got getting go
take takes taking took another last one ones whenever says
going make makes made thing things stuff lot lots kind sort way ways even maybe probably sure good bad fine
ever day days time times same able try trying help helps let lets say said mean yes yeah just
up out come comes coming came worked
youd wouldnt couldnt shouldnt hasnt havent arent wasnt werent told today tonight tomorrow yesterday meantime
pretty generally exactly supposed assume assuming bit odd app along though whats hows whos wheres thinking
theres thats both
father mother dad mom mum son daughter wife husband partner friend brother sister boyfriend girlfriend
wants needs worth definitely certainly gp point already tried likely afterwards afterward beforehand instead
genuinely truly plus together finishes finished making outset normally usually typically worry worries worrying
else embarrassing embarrassed nonsense rubbish heard
honestly honest hate idea forever scared worried afraid bout around lesson lessons
true happen happens happened request ask asking asked
still yet again soon straight away anyway anymore next either neither till til until
real worthwhile gave nicely mess messy since besides meanwhile but although however whilst currently blame blamed
reckon reckons reckoned swear swears swore suppose guess wonder wondered believe believes mention mentioned
keep keeps kept careful carefully choose chooses choosing chose decide decides deciding decided prescribed nhs
skip skipped goes went gone rid registrar
despite show shows showed showing put puts putting
myself yourself himself herself itself ourselves yourselves themselves
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday weekend weekends
lol lmao omg btw tbh idk pls plz thx fyi imo
hes shes weve theyve youve theyre youre wouldve couldve shouldve finally basically literally apparently
thru tho cuz coz gonna wanna gotta kinda sorta dunno
""".split())


# a verb that only says "find" with its particle ("to pick up asymptomatic DVT", "find out whether", "sort out"): the
# verb names no topic there ("pick" alone also names skin picking, so it is no ``CHATTER``)
# (… and "what would I need to watch out for": what to look for, not a watch; "if he had turned out to be *3A/*3C")
_PHRASAL = re.compile(r"\b(?:pick|picks|picked|picking|find|finds|finding|figure|figures|figured|figuring|sort|sorts|"
                      r"sorted|sorting|turn|turns|turned|turning)\s+(?:up|out)\b|\bpin(?:s|ned|ning)?\s+down\b|"
                      r"\b(?:watch|watching|look|looking|keep an eye)\s+out\b",
                      re.IGNORECASE)


# … and who said what the asker reports ("the nurse said I can start the pill today", "my midwife told me …"), and the
# "well" of "as well": no topic either
# (a specialist by the name of the field, too: "Her rheumatologist suspects lupus nephritis", "His GP had advised
# painkillers": who suspects or advised, not what the case asks about)
_REPORTER = re.compile(r"\b(?:the|my|his|her|our|their|a|your) (?:nurse|doctor|midwife|pharmacist|consultant|"
                       r"dentist|optician|physio|physiotherapist|specialist|surgeon|paediatrician|pediatrician|"
                       r"health visitor|gp|registrar|\w+olog(?:ist|er)|\w+iatrist)s? (?:had |has )?"
                       r"(?:said|says|told|tells|thinks|thought|reckons|suggested|suggests|wants|wanted|mentioned|"
                       r"advised|recommended|suspects|suspected)\b|\bas well\b", re.IGNORECASE)


# … and the frame of a question whether something may be done ("Is it safe to give ibuprofen to my 3 year old?"): what
# is asked about is the ibuprofen and the child, and advice to use it for children says it may be given
_FRAME = re.compile(r"\b(?:is|are) (?:it|they) (?:safe|ok|okay|alright|all right|fine) (?:for (?:me|him|her|them|us|"
                    r"my \w+|our \w+) )?to (?:give|take|use|have)\b", re.IGNORECASE)


# … and the frame of a question whether the evidence backs something ("which interventions are supported by evidence"):
# what is asked about is the interventions
_BACKED = re.compile(r"\b(?:is|are|was|were|be|been) (?:\w+ )?(?:supported|backed|proven) by (?:the |good |any |strong "
                     r"|high-quality |robust )?(?:evidence|research|studies|data|trials)\b|"
                     # (… and what a question's patient is held back by: "whose reading … are limited by low vision")
                     r"\b(?:is|are|was|were|be|been) (?:\w+ )?(?:limited|restricted) by\b", re.IGNORECASE)


# … and the visit a question is asked about ("… at their annual check", "at her yearly check-up"): when, not what
_VISIT = re.compile(r"\b(?:at|during|in) (?:their|the|his|her|your|my|our|a|an) (?:annual|yearly|routine|regular|next) "
                    r"(?:health )?(?:check(?:-?ups?)?|reviews?|visits?|physicals?|appointments?)\b", re.IGNORECASE)
# (… unless the question asks how often: then the visit is what it asks about)
_HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b|\bfrequency\b", re.IGNORECASE)
# … and where it is asked from ("In a rural district of Mozambique where …"): a place no guideline is written for by
# name (WHO's advice is for "settings where anaemia is highly prevalent")
_PLACE = re.compile(r"\b(?i:in|from|across|of) (?i:a |an |the |our |my )?(?i:(?:rural|remote|urban|poor|deprived|small|"
                    r"large|northern|southern|eastern|western|central)\s+)*(?:districts?|regions?|provinces?|villages?|"
                    r"towns?|countr(?:y|ies)|areas?|communit(?:y|ies)|parts?) (?:of|in) [A-Z][\w'-]+(?: [A-Z][\w'-]+)*")


def phrasal_terms(question: str) -> frozenset[str]:
    """The question's words that appear only as the verb of a phrasal verb (``_PHRASAL``), in who said what it reports
    (``_REPORTER``), in its frame ("is it safe to give": ``_FRAME``; "are supported by evidence": ``_BACKED``), in
    asking when to get help, in the visit it is
    asked about (``_VISIT``) or in the place it is asked from (``_PLACE``): chatter there."""
    inside = {tokenize(m.group(0))[0] for m in _PHRASAL.finditer(question)}
    inside |= {t for rx in (_REPORTER, _FRAME, _BACKED) for m in rx.finditer(question) for t in tokenize(m.group(0))}
    # (… and asking when to get help, the doctor it names: "… when should I take him to the doctor?")
    inside |= {t for m in LAY_GET_HELP.finditer(question) for t in tokenize(m.group(0))}
    # (… unless it asks how often: "… at his annual review … how often should his feet be reviewed?")
    settings = (_PLACE,) if _HOW_OFTEN.search(question) else (_VISIT, _PLACE)
    inside |= {t for rx in settings for m in rx.finditer(question) for t in tokenize(m.group(0))}
    rest = LAY_GET_HELP.sub(" ", _BACKED.sub(" ", _FRAME.sub(" ", _REPORTER.sub(" ", _PHRASAL.sub(" ", question)))))
    for rx in settings:
        rest = rx.sub(" ", rest)
    outside = set(tokenize(rest))
    return frozenset(inside - outside)
