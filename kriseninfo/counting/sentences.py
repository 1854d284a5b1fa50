"""Where a German text may be split: at sentence ends and line breaks, never after an
abbreviation ("z. B.", "Nr.", "ca.", "Str.") or an ordinal ("am 3. Oktober"), and, when a
sentence is too long, between words. Joining the pieces gives back the text exactly."""

from __future__ import annotations

from typing import Final

import regex

from kriseninfo.counting.urls import x_links

_ABBREVIATIONS = """
abb abs abt allg anm art aufl bd bes best betr bhf bsp bspw bzgl bzw ca chr co dgl di do
dr dt ebd eigtl einschl engl entspr erg etc ev evtl exkl fa fam ff fr frl geb gebr gegr
gem ges gest ggf ggü gr hbf hl hr hrn hrsg inkl insb jh jr kap kath kfz kl km lfd lt max
mi min mind mio mo mrd mtl nachm nr nördl obb od orig pkt pkw pl prof rd rel sa so sog
spvgg st std str stv südl tel temp tsd ugs usw vgl vorm vs westl zb zt zzgl östl
"""
_MONTHS = """
januar februar märz april mai juni juli august september oktober november dezember
jan feb mär apr jun jul aug sep sept okt nov dez
"""
#: Words that end with a period without ending the sentence (lower case, no period).
ABBREVIATIONS: Final = frozenset(_ABBREVIATIONS.split())
MONTHS: Final = frozenset(_MONTHS.split())

# A run of ending punctuation, closing quotes or brackets, then the whitespace after it.
SENTENCE_END: Final = regex.compile(r"[.!?…]+[\"'»«“”„‘’)\]]*(\s+)|\s*\n\s*")
WORD: Final = regex.compile(r"\s*\S+\s*")
TOKEN_BEFORE: Final = regex.compile(r"(\S+?)[.!?…]+[\"'»«“”„‘’)\]]*\s*\Z")
LEADING_PUNCTUATION: Final = regex.compile(r"^[\"'»«“”„‘’(\[]+")


def sentences(text: str) -> list[str]:
    """`text` cut after each sentence end and line break; each piece keeps its trailing
    whitespace, so `"".join(sentences(text)) == text`."""
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if end >= len(text) or not _ends_sentence(text, start, match):
            continue
        pieces.append(text[start:end])
        start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def words(text: str) -> list[str]:
    """`text` cut after the whitespace that follows each word; joined they give `text`."""
    pieces = WORD.findall(text)
    return pieces if "".join(pieces) == text else [text]


def _ends_sentence(text: str, start: int, match: regex.Match[str]) -> bool:
    if "\n" in match.group(0):
        return True
    following = text[match.end() :]
    if following[:1].islower():
        return False
    if not match.group(0).startswith("."):
        return True
    before = TOKEN_BEFORE.search(text, start, match.end())
    if before is None:
        return True
    token = LEADING_PUNCTUATION.sub("", before.group(1))
    return not (_abbreviation(token) or _ordinal(token, following))


def _abbreviation(token: str) -> bool:
    plain = token.lower()
    if plain in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return True
    if plain.endswith("str") and plain.isalpha():  # street names: Hafenstr. 3
        return True
    parts = plain.split(".")  # written without spaces: z.B., u.a., i.d.R.
    return (
        len(parts) > 1
        and all(part.isalpha() and len(part) <= 3 for part in parts)
        and not x_links(token)
    )


def _ordinal(token: str, following: str) -> bool:
    """`3.` before a month ("am 3. Oktober") or a date like `27.11.` before a month."""
    if not token.replace(".", "").isdigit():
        return False
    next_word = following.split(maxsplit=1)[0] if following.strip() else ""
    return next_word.rstrip(".,;:").lower() in MONTHS
