"""`kriseninfo.counting.count`: every platform measured as the platform measures it.

The X cases marked "conformance" are twitter-text's own test vectors (conformance/
validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest)."""

from __future__ import annotations

import dataclasses

import pytest

from kriseninfo.counting import RULES, Count, Encoding, Platform, Unit, count
from kriseninfo.counting.mastodon import countable_text
from kriseninfo.counting.urls import mastodon_links, x_links
from kriseninfo.errors import ErrorCode, KriseninfoError

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
FLAG_DE = "🇩🇪"
FLAG_ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
THUMB_MEDIUM = "👍🏽"
E_ACUTE_DECOMPOSED = "e\u0301"
LONG_URL = "https://www.moers.de/de/aktuelles/sperrung-der-hafenstrasse-wegen-bombenfund/"


def length(platform: str, text: str) -> int:
    return count(platform, text).length


# --- the platform table -------------------------------------------------------------


def test_every_platform_has_a_rule_and_a_measure() -> None:
    assert [p.value for p in Platform] == [
        "x",
        "mastodon",
        "bluesky",
        "sms",
        "telegram",
        "instagram",
        "facebook",
        "linkedin",
        "threads",
        "email",
        "website",
        "matrix",
        "manual",
    ]
    for platform in Platform:
        assert platform in RULES and RULES[platform].source
        assert count(platform, "Hallo").fits


@pytest.mark.parametrize(
    ("platform", "limit"),
    [
        ("x", 280),
        ("mastodon", 500),
        ("bluesky", 300),
        ("telegram", 4096),
        ("instagram", 2200),
        ("facebook", 63206),
        ("linkedin", 3000),
        ("threads", 500),
        ("email", None),
        ("website", None),
        ("matrix", None),
        ("manual", None),
    ],
)
def test_default_limits(platform: str, limit: int | None) -> None:
    assert count(platform, "x").limit == limit


def test_count_is_frozen() -> None:
    counted = count("x", "Hallo")
    with pytest.raises(dataclasses.FrozenInstanceError):
        counted.length = 3  # type: ignore[misc]


def test_unknown_platform_and_bad_limit_are_invalid_input() -> None:
    with pytest.raises(KriseninfoError) as unknown:
        count("myspace", "x")
    assert unknown.value.code is ErrorCode.INVALID_INPUT and "mastodon" in unknown.value.detail
    with pytest.raises(KriseninfoError):
        count("x", "x", limit=0)
    with pytest.raises(KriseninfoError):
        count("x", "x", field="subject")
    with pytest.raises(KriseninfoError):
        count("email", "x", field="body")


# --- X: twitter-text config v3 ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a test.", 15),
        ("Hi http://test.co", 26),  # conformance
        ("http://test.co", 23),  # conformance
        ("H🐱☺" + FAMILY, 7),  # conformance: an emoji sequence weighs 2
        ("😷👾😡🔥💩", 10),  # conformance
        ("🙋🏽👨\u200d🎤", 4),  # conformance: skin tone and ZWJ sequences
        ("Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; " + FLAG_ENGLAND, 34),  # conformance
        ("Unicode 9.0 emoji: 🤠; 💃; 💃🏾", 29),  # conformance
        ("ÁB", 2),  # conformance: NFC first
        ("Aשּׁ", 4),  # conformance: normalised into three code points
        ("Test https://test.com test https://test.com test.com test", 86),  # conformance
        ("\U00010000\U0010ffff", 4),
        ("저찀쯿쿿", 8),  # Hangul weighs 2
        ("日本語", 6),  # CJK weighs 2
        ("ABC\u202a\uffffABC\ufffe", 12),  # conformance
        ("\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069", 31),  # conformance
        ("randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com", 68),
        ("Straße, Höhe, Ärger", 19),
        ("„Zitat“ – Gedankenstrich", 24),  # U+2010-201F weigh 1
        ("€", 2),  # U+20AC is outside the light ranges
        (FAMILY, 2),
        (FLAG_DE, 2),
        (THUMB_MEDIUM, 2),
        (E_ACUTE_DECOMPOSED, 1),  # NFC: é
        ("q\u0301", 2),  # no precomposed form: two code points
        ("©", 1),  # text presentation: not an emoji (twemoji-parser)
        ("©\ufe0f", 2),  # emoji presentation
        ("1\ufe0f\u20e3", 2),  # keycap
        ("❤\ufe0f\u200d🔥", 2),
        ("", 0),
    ],
)
def test_x_weighted_length(text: str, expected: int) -> None:
    assert length("x", text) == expected


def test_x_conformance_long_texts() -> None:
    cjk = (
        "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
        "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
        "泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。"
        "遥知兄弟登高处，遍插茱萸少一人。"
    )
    assert length("x", cjk) == 320
    assert length("x", FAMILY * 140) == 280 and count("x", FAMILY * 140).fits
    assert length("x", "https://www.twitter.com/aloha " * 10) == 240
    host = "あいうえおかきくけこ" * 5
    # a host longer than 63 punycode characters is no link: every character counts
    assert length("x", "あいうえおかきくけこ" * 12 + " http://" + host + "あいう.com") == 358
    assert length("x", "あいうえおかきくけこ" * 12 + " http://" + host + "あい.com") == 264
    spaces = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
    punctuation = " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷"
    text = "This is a tweet with general punctuation characters: " + spaces + punctuation
    assert length("x", text) == 110


def test_x_boundary_280_281() -> None:
    assert count("x", "a" * 280) == Count(280, 280, Unit.WEIGHTED, True)
    assert count("x", "a" * 281).fits is False
    assert count("x", "日" * 140).fits and not count("x", "日" * 140 + "a").fits
    with_link = "a" * 256 + " " + LONG_URL  # 256 + 1 + 23
    assert length("x", with_link) == 280 and count("x", with_link).fits
    assert not count("x", "a" + with_link).fits


def test_x_invalid_characters_never_fit() -> None:
    assert not count("x", "Hallo\ufeff").fits
    assert count("x", "Hallo\ufeff").length == 7


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("https://www.moers.de/sperrung", ["https://www.moers.de/sperrung"]),
        ("www.moers.de", ["www.moers.de"]),
        ("moers.de/sperrung", ["moers.de/sperrung"]),
        ("Infos: moers.de/sperrung.", ["moers.de/sperrung"]),
        ("Infos (https://moers.de/a).", ["https://moers.de/a"]),
        ("Karte: https://moers.de/karte/, bitte", ["https://moers.de/karte/"]),
        ("Frage? https://moers.de/a?b=1!", ["https://moers.de/a?b=1"]),
        (
            "https://de.wikipedia.org/wiki/Moers_(Stadt)",
            ["https://de.wikipedia.org/wiki/Moers_(Stadt)"],
        ),
        ("example.berlin und moers.nrw", ["example.berlin", "moers.nrw"]),
        ("https://t.co/abcdef/xyz", ["https://t.co/abcdef"]),
        ("Stadt.Moers info.moers z.B. Nr.5", []),  # no known top-level domain
        ("mail@moers.de", []),
        ("@user@mastodon.social", []),
        ("ftp://moers.de/datei", []),
    ],
)
def test_x_finds_links_as_twitter_text(text: str, links: list[str]) -> None:
    assert [text[start:end] for start, end in x_links(text)] == links


# --- Mastodon -----------------------------------------------------------------------


def test_mastodon_links_need_a_scheme() -> None:
    text = "Infos: https://moers.de/a, www.moers.de, moers.de/b, gemini://moers.de/c."
    assert [text[s:e] for s, e in mastodon_links(text)] == [
        "https://moers.de/a",
        "gemini://moers.de/c",
    ]


def test_mastodon_counts_links_as_23_and_remote_mentions_as_local() -> None:
    assert length("mastodon", LONG_URL) == 23
    assert length("mastodon", "moers.de/sperrung") == 17
    assert length("mastodon", "@anna@mastodon.social") == len("@anna")
    assert countable_text("Hallo @anna@social.moers.de und @bob!") == "Hallo @anna und @bob!"
    assert countable_text("Mail an info@moers.de") == "Mail an info@moers.de"
    text = f"Danke @stadt@moers.social, siehe {LONG_URL}."
    assert countable_text(text) == "Danke @stadt, siehe " + "x" * 23 + "."


def test_mastodon_counts_graphemes() -> None:
    assert length("mastodon", FAMILY + FLAG_DE + THUMB_MEDIUM + E_ACUTE_DECOMPOSED) == 4
    assert length("mastodon", "日本語") == 3
    assert length("mastodon", "   \n ") == 0  # blank: nothing to count


def test_mastodon_boundary_and_instance_limit() -> None:
    assert count("mastodon", "a" * 500).fits
    assert not count("mastodon", "a" * 501).fits
    assert count("mastodon", "a" * 501, limit=1000) == Count(501, 1000, Unit.GRAPHEMES, True)
    assert not count("mastodon", "a" * 1001, limit=1000).fits
    with_link = "a" * 476 + " " + LONG_URL
    assert length("mastodon", with_link) == 500 and count("mastodon", with_link).fits


# --- Bluesky ------------------------------------------------------------------------


def test_bluesky_counts_graphemes() -> None:
    assert length("bluesky", FAMILY) == 1
    assert length("bluesky", FLAG_DE) == 1
    assert length("bluesky", FLAG_ENGLAND) == 1
    assert length("bluesky", THUMB_MEDIUM) == 1
    assert length("bluesky", E_ACUTE_DECOMPOSED) == 1
    assert length("bluesky", "日本語") == 3
    assert length("bluesky", LONG_URL) == len(LONG_URL)  # links are not shortened


def test_bluesky_300_graphemes_and_3000_bytes() -> None:
    assert count("bluesky", "ä" * 300) == Count(300, 300, Unit.GRAPHEMES, True)
    assert not count("bluesky", "ä" * 301).fits
    heavy = FAMILY * 120  # 120 graphemes, 3000 UTF-8 bytes
    assert count("bluesky", heavy).fits
    assert not count("bluesky", heavy + "a").fits  # 3001 bytes
    assert count("bluesky", "ä" * 301, limit=400).fits


# --- SMS ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units", "encoding"),
    [
        ("Hafenstraße: Gebäude räumen, Öl und Üben", 40, Encoding.GSM7),
        ("äöüßÄÖÜ", 7, Encoding.GSM7),
        ("é É è à ù", 9, Encoding.GSM7),
        ("á", 1, Encoding.UCS2),
        ("€", 2, Encoding.GSM7),
        ("[]{}\\^~|", 16, Encoding.GSM7),
        ("Ab 10 € [Zone]", 17, Encoding.GSM7),
        ("Achtung – Gefahr", 16, Encoding.UCS2),  # en dash is no GSM character
        ("Achtung 👍", 10, Encoding.UCS2),  # the emoji is two UTF-16 code units
        (E_ACUTE_DECOMPOSED, 2, Encoding.UCS2),  # combining accent: not GSM
        ("", 0, Encoding.GSM7),
    ],
)
def test_sms_encoding_and_units(text: str, units: int, encoding: Encoding) -> None:
    counted = count("sms", text)
    assert (counted.length, counted.encoding) == (units, encoding)
    assert counted.unit is (Unit.SEPTETS if encoding is Encoding.GSM7 else Unit.UTF16)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # 160 septets
        ("€" * 81, 2),
        ("á" * 70, 1),
        ("á" * 71, 2),
        ("á" * 134, 2),
        ("á" * 135, 3),
        ("a" * 152 + "€" + "a" * 152, 3),  # € is not split: 152 | 2+151 | 1
        ("👍" * 35, 1),
        ("a" + "👍" * 35, 2),  # 71 units
        ("aa" + "👍" * 66, 3),  # 134 units, but a surrogate pair is never split
        ("", 1),
    ],
)
def test_sms_segments(text: str, segments: int) -> None:
    assert count("sms", text).segments == segments


def test_sms_limit_is_in_segments() -> None:
    default = count("sms", "a" * 161)
    assert (default.max_segments, default.limit, default.fits) == (10, 1530, True)
    single = count("sms", "a" * 161, limit=1)
    assert (single.limit, single.fits, single.segments) == (160, False, 2)
    assert count("sms", "á" * 70, limit=1).limit == 70
    assert count("sms", "á" * 134, limit=2) == Count(
        134, 134, Unit.UTF16, True, 2, Encoding.UCS2, max_segments=2
    )
    assert not count("sms", "a" * 1531).fits


# --- the rest -----------------------------------------------------------------------


def test_utf16_platforms_count_emoji_twice() -> None:
    for platform in ("telegram", "instagram", "facebook", "linkedin", "threads"):
        assert count(platform, "Hallo 👍").length == 8
        assert count(platform, FAMILY).length == 11
    assert count("threads", "a" * 500).fits and not count("threads", "a" * 501).fits
    assert not count("instagram", "a" * 2201).fits


def test_email_subject_is_a_warning_not_a_limit() -> None:
    assert count("email", "x" * 78, field="subject") == Count(78, 78, Unit.GRAPHEMES, True)
    long_subject = count("email", "x" * 79, field="subject")
    assert long_subject.fits and long_subject.warning
    assert count("email", "x" * 79, field="subject", limit=100).warning is False
    body = count("email", "x" * 100_000)
    assert body.limit is None and body.fits and not body.warning


def test_no_limit_platforms_still_measure() -> None:
    for platform in ("website", "matrix", "manual"):
        counted = count(platform, FAMILY + "abc")
        assert (counted.length, counted.limit, counted.fits) == (4, None, True)
    assert not count("website", "abcd", limit=3).fits
