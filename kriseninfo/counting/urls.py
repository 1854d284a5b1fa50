"""Links as X and Mastodon find them, since both count each link as 23 characters.

A port of twitter-text's link extraction: X uses its JavaScript flavour, which also finds
links without a scheme (`moers.de/sperrung`) when the domain ends in a known TLD; Mastodon
uses the Ruby gem with its own path rules and more schemes, and only counts links that have
one. Trailing punctuation (`.`, `,`, `)`, `!`) is left out of a link by both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from kriseninfo.counting.tlds import COUNTRY, GENERIC

Span = tuple[int, int]

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63
DEFAULT_PROTOCOL = "https://"

SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
INVALID = r"\uFFFE\uFEFF\uFFFF"
DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
    r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
CYRILLIC = r"\u0400-\u04FF"
# Mastodon lets the query string hold any non-ASCII character except surrogates and these.
UCHARS = (
    r"\xA0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF\U00010000-\U0001FFFD\U00020000-\U0002FFFD"
    r"\U00030000-\U0003FFFD\U00040000-\U0004FFFD\U00050000-\U0005FFFD\U00060000-\U0006FFFD"
    r"\U00070000-\U0007FFFD\U00080000-\U0008FFFD\U00090000-\U0009FFFD\U000A0000-\U000AFFFD"
    r"\U000B0000-\U000BFFFD\U000C0000-\U000CFFFD\U000D0000-\U000DFFFD\U000E1000-\U000EFFFD"
    r"\uE000-\uF8FF\U000F0000-\U000FFFFD\U00100000-\U0010FFFD"
)


@dataclass(frozen=True)
class Flavour:
    """One platform's variant of the twitter-text link pattern."""

    url: regex.Pattern[str]
    tco: regex.Pattern[str]
    ascii_domain: regex.Pattern[str]
    without_protocol: bool


def x_links(text: str) -> list[Span]:
    """Where X finds links in `text` (already NFC-normalised), as (start, end) indices."""
    return _extract(text, _x())


def mastodon_links(text: str) -> list[Span]:
    """Where Mastodon finds links it counts as 23: only links with a scheme."""
    return _extract(text, _mastodon())


def _extract(text: str, flavour: Flavour) -> list[Span]:
    if ("." if flavour.without_protocol else ":") not in text:
        return []
    spans: list[Span] = []
    for match in flavour.url.finditer(text):
        before, url, protocol, domain, path = match.group(
            "before", "url", "protocol", "domain", "path"
        )
        start, end = match.span("url")
        if not _valid_length(url, protocol or DEFAULT_PROTOCOL, domain):
            continue
        if protocol is None:
            if not flavour.without_protocol or before[-1:] in ("-", "_", ".", "/"):
                continue
            found = [
                (start + name.start(), start + name.end())
                for name in flavour.ascii_domain.finditer(domain)
            ]
            if found and path:  # the path belongs to the last domain found
                found[-1] = (found[-1][0], end)
            spans.extend(found)
            continue
        tco = flavour.tco.match(url)
        if tco is not None:  # a t.co link ends after its slug
            if len(tco.group("slug")) > MAX_TCO_SLUG_LENGTH:
                continue
            end = start + tco.end()
        spans.append((start, end))
    return spans


def _valid_length(url: str, protocol: str, domain: str) -> bool:
    """Every label must encode to 1-63 punycode characters, the link to at most 4096."""
    if domain.startswith("xn--") and _x().ascii_domain.search(domain) is None:
        return False  # punycode mixed with other characters
    for label in domain.split("."):
        encoded = len(label) if label.isascii() else 4 + len(label.encode("punycode"))
        if not 1 <= encoded <= MAX_LABEL_LENGTH:
            return False
    return len(protocol) + len(url) <= MAX_URL_LENGTH


def _tlds(names: tuple[str, ...]) -> str:
    return "(?:(?:" + "|".join(names) + r")(?=[^0-9a-zA-Z@+\-]|\Z))"


def _domain(domain_chars: str, punycode: str) -> str:
    subdomain = f"(?:(?:{domain_chars}(?:[_\\-]|{domain_chars})*)?{domain_chars}\\.)"
    name = f"(?:(?:{domain_chars}(?:\\-|{domain_chars})*)?{domain_chars}\\.)"
    return f"(?:{subdomain}*{name}(?:{_tlds(GENERIC)}|{_tlds(COUNTRY)}|{punycode}))"


def _parens(chars: str) -> str:
    """Balanced parentheses in a path, one level of nesting: /wiki/Moers_(Stadt)."""
    return f"\\((?:{chars}+|(?:{chars}*\\({chars}+\\){chars}*))\\)"


def _url(preceding: str, protocol: str, domain: str, path: str, query: str, end: str) -> str:
    return (
        f"(?P<before>{preceding})"
        f"(?P<url>(?P<protocol>{protocol})?(?P<domain>{domain})(?::[0-9]+)?"
        f"(?P<path>/{path}*)?(?:\\?{query}*{end})?)"
    )


@functools.cache
def _x() -> Flavour:
    """twitter-text (JavaScript) as X's composer counts."""
    punct = r"\!'#%&\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$"
    domain_chars = f"[^{punct}{SPACES}{INVALID}{DIRECTIONAL}]"
    general = f"[a-z{CYRILLIC}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&{LATIN_ACCENTS}]"
    # The JavaScript splices this ending into the path without a group, so its "|" splits
    # the whole path pattern in two; X's composer ends links where that quirk ends them.
    ending = f"[\\+\\-a-z{CYRILLIC}0-9=_#\\/{LATIN_ACCENTS}]|(?:{_parens(general)})"
    path = f"(?:(?:{general}*(?:{_parens(general)}{general}*)*{ending})|(?:@{general}+\\/))"
    query = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-z0-9\-_&=#/]"
    punycode = r"(?:xn--[\-0-9a-z]+)"
    url = _url(
        f"(?:[^A-Za-z0-9@＠$#＃{INVALID}]|[{DIRECTIONAL}]|^)",
        r"https?://",
        _domain(domain_chars, punycode),
        path,
        query,
        query_end,
    )
    ascii_domain = (
        f"(?:(?:[\\-a-z0-9{LATIN_ACCENTS}]+)\\.)+(?:{_tlds(GENERIC)}|{_tlds(COUNTRY)}|{punycode})"
    )
    return Flavour(
        url=regex.compile(url, regex.IGNORECASE),
        tco=regex.compile(
            f"https?://t\\.co/(?P<slug>[a-z0-9]+)(?:\\?{query}*{query_end})?", regex.IGNORECASE
        ),
        ascii_domain=regex.compile(ascii_domain, regex.IGNORECASE),
        without_protocol=True,
    )


@functools.cache
def _mastodon() -> Flavour:
    """twitter-text (Ruby) with Mastodon's config/initializers/twitter_regex.rb."""
    punct = r"!\"#$%&'()*+,\-./:;<=>?@\[\]\^_`{|}~"
    controls = r" \t\n\x0B\f\r\x00-\x1F\x7F"
    domain_chars = f"[^{DIRECTIONAL}{punct}{controls}{INVALID}{SPACES}]"
    # The gem's own path characters survive inside the parentheses of a path ending.
    gem_general = (
        f"[a-z\\p{{Cyrillic}}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\p{{Pd}}_~&\\|@{LATIN_ACCENTS}]"
    )
    general = r"[^\p{White_Space}<>()?]"
    ending = (
        r"(?:[^\p{White_Space}()?!*\"'「」<>;:=,.$%\[\]~&|@]"
        f"|(?:{_parens(gem_general)}))"
    )
    path = f"(?:(?:{general}*(?:{_parens(general)}{general}*)*{ending})|(?:{general}+/))"
    query = f"[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@\\^{UCHARS}]"
    query_end = f"[a-z0-9_&=#/\\-{UCHARS}]"
    url = _url(
        f"(?:[^A-Z0-9@＠$#＃{INVALID}]|[{DIRECTIONAL}]|^)",
        r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://",
        _domain(domain_chars, r"(?:xn--[0-9a-z]+)"),
        path,
        query,
        query_end,
    )
    return Flavour(
        url=regex.compile(url, regex.IGNORECASE),
        tco=regex.compile(r"https?://t\.co/(?P<slug>[a-z0-9]+)", regex.IGNORECASE),
        ascii_domain=regex.compile(r"(?!)"),
        without_protocol=False,
    )
