"""Text clean-up shared by every parser: mojibake, whitespace, control characters, years, timestamps.

Cleaning never rewrites characters that carry meaning (µ, ², ≥, en dashes in ranges): no NFKC,
no ASCII folding. It removes what no reader can see (control and zero-width characters),
collapses runs of whitespace, spells out Latin ligatures (ﬁ → fi: typography, not meaning, and
"signiﬁcant" would not match a search for "significant") and repairs mojibake: UTF-8 that was
decoded as Latin-1 or Windows-1252 before it reached us ("TOEâ\x80\x91guided" for "TOE‑guided",
"worldâ€™s"). That repair must run before control characters are stripped, because the C1
characters it needs (\x80–\x9f) are exactly what stripping would delete, leaving "TOEâguided".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import ftfy

# C0/C1 control characters except \t \n \r, plus zero-width and soft-hyphen characters that
# PDF and HTML exports scatter through words. A compiled character class scans in C (str.translate
# with a dict is ~5x slower on the 100k short strings of a PubMed baseline file).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# What mojibake looks like: a UTF-8 lead byte read as Latin-1 (Â Ã â ï …) followed by a
# continuation byte read as Latin-1 (\x80–\xbf) or Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ”
# • – — ˜ ™ š › œ ž Ÿ), or a lone C1 control. Only text matching this is handed to ftfy, which
# then decides whether it really is mojibake ("café–bar" matches here and is left alone).
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e"
    "\u0178]|[\x80-\x9f]")
# ftfy's encoding repairs only: its other fixes (straightening curly quotes, full-width → ASCII,
# HTML unescaping, control-character removal) either change characters that carry meaning or are
# done by the parsers themselves. NFC recomposes "QueÌ\x81bec" → "Québec" rather than leaving a
# combining accent.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=True, remove_control_chars=False, normalization="NFC", explain=False,
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_LIGATURE_TABLE = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                                 "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


_LONE_NBSP = re.compile("(?<!\u00c2)\u00a0")


def repair_text(text: str) -> str:
    """Mojibake repaired and ligatures spelled out; text without either is returned as is (fast).

    Where it repairs, no-break spaces become plain spaces (the callers collapse whitespace anyway):
    ftfy declines to decode "\xa0â\x96¼" (▼ after an &nbsp; in an NGC table cell) but not " â\x96¼".
    """
    if text.isascii():
        return text  # most text, and a check far cheaper than the two searches below
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(_LONE_NBSP.sub(" ", text), _FTFY)
    if _LIGATURES.search(text):
        text = text.translate(_LIGATURE_TABLE)
    return text


def clean_inline(text: str) -> str:
    """One line: mojibake repaired, invisible characters removed, every whitespace run → one space."""
    return " ".join(_INVISIBLE.sub("", repair_text(text)).split())


def clean_block(text: str) -> str:
    """Several lines: each line cleaned inline, blank lines dropped, line breaks kept."""
    lines = (" ".join(line.split()) for line in _INVISIBLE.sub("", repair_text(text)).splitlines())
    return "\n".join(line for line in lines if line)


# A structured-abstract label run into the previous sentence: "…clinically relevant.AIM: To test…",
# "…were compared.Main Outcomes and Measures: …" (capitalised labels only from the usual set).
_LABEL_WORDS = (r"(?:Background|Context|Introduction|Objectives?|Aims?|Purpose|Design|Setting|Subjects|Participants|"
                r"Patients|Interventions?|Methods?|Measurements|Main Outcomes?|Results?|Findings|Interpretation|"
                r"Discussion|Conclusions?|Limitations|Significance|Availability|Areas covered|Expert opinion)")
_RUN_IN_LABEL = re.compile(rf"(?<=[a-z0-9%)\]])\.(?=[A-Z][A-Z ,&/-]{{2,40}}:\s|{_LABEL_WORDS}\b[A-Za-z ,&/-]{{0,40}}:)")


def split_run_in_labels(text: str) -> str:
    """"…relevant.AIM: To test…" → "…relevant.\nAIM: To test…" (abstract exports that lost the line break)."""
    return _RUN_IN_LABEL.sub(".\n", text)


def first_year(text: str) -> int | None:
    """First plausible publication year (1800–2099) in free text such as "1998 Dec-1999 Jan"."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def now_iso() -> str:
    """retrieved_at stamp: current UTC time, seconds precision."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def looks_binary(head: bytes) -> bool:
    """NUL bytes never occur in the UTF-8/Latin text formats we read; they mark binary data."""
    return b"\x00" in head
