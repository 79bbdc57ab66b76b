"""Safety: red flags that lead the answer, the dosing notice, and the disclaimer.

Red flags are matched on the question (what the person describes), not on the evidence. A
match adds a :class:`SafetyNotice` that every renderer shows first. Notices point to urgent
care or crisis services; they never give treatment advice of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curbside.records import Audience, Bullet, SafetyNotice

EMERGENCY_NUMBER = "911 in the US, 112 in Europe, 999 in the UK"


@dataclass(frozen=True, slots=True)
class RedFlag:
    kind: str  # SafetyNotice.kind
    name: str
    pattern: re.Pattern[str]
    patient: str
    clinician: str
    # signs a condition the question names explains: a face that droops in a question on a diagnosed Bell's palsy
    # (the stroke notice still leads when any other sign is described: arm weakness, slurred speech)
    explained: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# a household product a child may swallow, and the signs that one has been ("bit into it", "swallowed some")
_HOUSEHOLD = (r"\b(?:(?:laundry|detergent|washing|dishwasher)[- ](?:capsules?|pods?|liquitabs?|tablets?|liquid|powder)|"
              r"bleach|antifreeze|button batter(?:y|ies)|weedkiller|drain cleaner|oven cleaner|screenwash)\b")
_INGESTED = (r"\b(?:b[ie]t(?:ten)? into|swallow(?:ed|ing)?|ate|eaten|chew(?:ed|ing)|dr[au]nk|drinking|sucked on|licked|"
             r"in (?:her|his|their|my) mouth|round (?:her|his|their|my) mouth)\b")
_CALL = f"call your local emergency number now ({EMERGENCY_NUMBER}) or go to the nearest emergency department"

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "crisis", "suicidal thoughts",
        _rx(r"\bsuicid", r"\bkill(ing)? (my|him|her|them)sel(f|ves)", r"\bend(ing)? (my|his|her) (own )?life",
            r"\bwant(ed)? to die\b", r"\bself[- ]?harm", r"\bhurt(ing)? myself", r"\bno reason to live"),
        "If you are thinking about suicide or about harming yourself, you are not alone and help is "
        "available now: in the US call or text 988 (Suicide & Crisis Lifeline), elsewhere contact your "
        f"local crisis line, or {_CALL} if you are in immediate danger.",
        "Suicide risk: assess immediate safety and do not leave a person at imminent risk alone. In the US "
        "the 988 Suicide & Crisis Lifeline (call or text 988) is available around the clock; follow your "
        "local crisis and emergency pathway.",
    ),
    RedFlag(
        "emergency", "chest pain",
        _rx(r"chest (pain|tightness|pressure)[^.?!]{0,80}(breath|sweat|arm|jaw|faint|nause|dizz)",
            r"(breath|sweat|arm|jaw|faint)[^.?!]{0,80}chest (pain|tightness|pressure)",
            r"\bheart attack\b", r"\bcrushing chest"),
        "Chest pain with breathlessness, sweating, nausea or pain spreading to the arm or jaw can be a "
        f"heart attack: {_CALL}. Do not drive yourself.",
        "Chest pain with associated features may be an acute coronary syndrome or another time-critical "
        "emergency: follow your emergency pathway (ECG without delay); this summary does not replace it.",
    ),
    RedFlag(
        "emergency", "stroke signs",
        _rx(r"\bstroke (sign|symptom)", r"face (is )?droop", r"drooping face", r"slurred speech",
            r"sudden(ly)? (weakness|numbness|confusion|trouble (speaking|seeing|walking)|loss of vision)",
            r"(weak|numb)[^.?!]{0,30}one side", r"\bF\.?A\.?S\.?T\.? (test|signs)"),
        "Sudden face drooping, arm weakness, slurred speech or sudden loss of vision or balance can be a "
        f"stroke: {_CALL}, and note the time the symptoms started.",
        "Possible acute stroke: time-critical — activate the stroke pathway and record the time last "
        "known well; this summary does not replace local protocols.",
        # (diagnosed, not wondered about: "Could it be Bell's palsy?" keeps the notice)
        (_rx(r"face (is )?droop", r"drooping face"),
         _rx(r"\b(?:diagnosed (?:it as|with|her with|him with|me with)|said it'?s|says it'?s|said it was|told (?:me|us|"
             r"her|him) it'?s|confirmed)\b[^.?!]{0,30}\bbell'?s palsy\b")),
    ),
    RedFlag(
        "emergency", "anaphylaxis",
        _rx(r"\banaphyla", r"(throat|tongue|lips?|face) (is |are )?(swelling|swollen|closing)",
            r"swell(ing|ed)? (of )?(the )?(throat|tongue|lips?)", r"severe allergic reaction",
            r"(can'?t|cannot|unable to|trouble|difficulty) (breathe|breathing)[^.?!]{0,60}(allerg|sting|peanut|bee)",
            r"(allerg|sting|peanut|bee)[^.?!]{0,60}(can'?t|cannot|unable to|trouble|difficulty) (breathe|breathing)"),
        "Swelling of the throat, tongue or lips, trouble breathing or faintness after an allergen can be "
        f"anaphylaxis: use an adrenaline (epinephrine) auto-injector if one has been prescribed and {_CALL}.",
        "Anaphylaxis is a time-critical emergency: follow your anaphylaxis protocol; this summary does "
        "not replace it.",
    ),
    RedFlag(
        "emergency", "overdose or poisoning",
        _rx(r"\boverdos", r"took too many (pills|tablets)", r"\bswallowed (bleach|poison|battery|batteries)",
            r"\bpoisoned\b",
            # (a child who has bitten into a laundry capsule: "got hold of one of those liquid laundry capsules … and
            # bit into it")
            rf"{_HOUSEHOLD}[^.?!]{{0,80}}{_INGESTED}", rf"{_INGESTED}[^.?!]{{0,80}}{_HOUSEHOLD}"),
        f"For a possible overdose or poisoning {_CALL}; in the US Poison Control is 1-800-222-1222.",
        "Possible overdose or poisoning: time-critical — follow your toxicology pathway and contact a "
        "poison centre (US: 1-800-222-1222).",
    ),
    RedFlag(
        "emergency", "other emergency signs",
        _rx(r"\b(unconscious|unresponsive|not breathing|stopped breathing|passed out and)",
            r"(coughing|vomiting) (up )?blood", r"\bseizure (lasting|for more than|that won'?t stop)",
            r"severe bleeding|bleeding (heavily|won'?t stop)", r"\bworst headache of (my|her|his) life",
            # (a collapse in the heat: "collapsed … of a half-marathon on a hot, humid morning" is heat stroke until
            # shown otherwise)
            r"\bcollapsed\b[^?!]{0,150}\b(hot|heat|humid)\b", r"\b(hot|heat|humid)\b[^?!]{0,150}\bcollapsed\b"),
        f"These can be signs of an emergency: {_CALL}.",
        "The question describes potentially time-critical signs: follow your emergency pathway; this "
        "summary does not replace it.",
    ),
)

_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*(?:[.,]\d+)?\s*"
    r"(?:mg|mcg|µg|μg|g|mg/kg|mcg/kg|units?|iu|ml|mmol|meq)\b(?:\s*/\s*(?:kg|day|d|h|dose|m2))?",
    re.IGNORECASE,
)


# a denial whose list runs on to where a sign starts ("no fever, breathlessness or " before "chest pain")
# (… not past a "but": "no fever but crushing chest pain")
_DENIED = re.compile(r"\b(?:no|denies|denied|denying|without|nor)\s+"
                     r"(?:(?!but\b|yet\b|now\b)[\w'-]+(?:,\s*|\s+(?:or|and)\s+|\s+)){0,6}$", re.IGNORECASE)


def red_flags(question: str, audience: Audience) -> tuple[SafetyNotice, ...]:
    """Notices for every red flag the question describes, crisis first."""
    notices = []
    for flag in RED_FLAGS:
        # (a sign the question denies is not described: "… but she has no breathlessness, chest pain or fainting")
        signs = [m.group(0) for m in flag.pattern.finditer(question) if not _DENIED.search(question[:m.start()])]
        if flag.explained and flag.explained[1].search(question) and all(
                flag.explained[0].fullmatch(sign) for sign in signs):
            continue
        if signs:
            message = flag.patient if audience is Audience.PATIENT else flag.clinician
            notices.append(SafetyNotice(flag.kind, message))
    return tuple(notices)


def dosing_notice(bullets: list[Bullet], audience: Audience) -> SafetyNotice | None:
    if not any(_DOSE.search(b.text) for b in bullets):
        return None
    if audience is Audience.PATIENT:
        return SafetyNotice("dosing", "Doses are quoted exactly as the sources state them. Do not change or "
                                      "start a medicine without talking to your doctor or pharmacist.")
    return SafetyNotice("dosing", "Doses are quoted with their source's units; check them against current "
                                  "prescribing information and the patient's weight, renal and hepatic "
                                  "function and interactions.")


def disclaimer(audience: Audience, generator: str) -> str:
    if audience is Audience.PATIENT:
        return ("This is general information drawn from the sources listed, not medical advice for you. "
                "Talk to your doctor, nurse or pharmacist before acting on it. In an emergency, call your "
                "local emergency number.")
    return (f"Decision support for health professionals, composed by {generator} from the cited sources. "
            "Check the sources and apply clinical judgement; it does not replace professional assessment.")
