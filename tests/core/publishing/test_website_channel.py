"""The website channel: the "Aktuelle Lage" page and Atom feed it writes into a folder."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post, Published
from kriseninfo.publishing.channels import website
from kriseninfo.publishing.channels.website import WebsiteChannel, entry_id
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.states import ErrorKind
from tests.conftest import FakeClock

BASE = "https://www.musterstadt.de/lage"
TITLE = "Stadt Musterstadt – Aktuelle Lage"
A = "{http://www.w3.org/2005/Atom}"
THR = "{http://purl.org/syndication/thread/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def account(folder: Path, /, **settings: str) -> AccountConfig:
    values = {"folder": str(folder), "base_url": BASE + "/", "title": TITLE}
    values.update(settings)
    return AccountConfig(2, Platform.WEBSITE, "Stadt Musterstadt", BASE, values)


def post(key: str = "k1", **kwargs: Any) -> Post:
    values: dict[str, Any] = {
        "key": key,
        "text": "Die Brücke Nordstadt ist gesperrt.\n\nUmleitung über die Südstraße.",
        "subject": "Brücke gesperrt",
        "incident_title": "Hochwasser Nordstadt",
    }
    values.update(kwargs)
    return Post(**values)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "www"
    path.mkdir()
    return path


@pytest.fixture
def site(folder: Path, clock: FakeClock) -> WebsiteChannel:
    return WebsiteChannel(account(folder), clock=clock)


def failure(call: Any, *args: Any) -> SendError:
    with pytest.raises(SendError) as caught:
        call(*args)
    return caught.value


def feed(folder: Path) -> ET.Element:
    return ET.parse(folder / "lage.atom").getroot()


def page(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


class Outline(HTMLParser):
    """The tags of a page with their attributes, and the text inside each h2."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[str] = []
        self._in_h2 = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "h2":
            self._in_h2 = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.headings[-1] += data

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_publish_writes_a_valid_atom_feed(site: WebsiteChannel, folder: Path) -> None:
    first = site.publish(post("k1"))
    second = site.publish(post("k2", subject="Trinkwasser abkochen", language="en"))
    root = feed(folder)
    assert root.tag == f"{A}feed"
    assert root.get(XML_LANG) == "de"
    for name in ("id", "title", "updated", "author"):  # RFC 4287 4.1.1: exactly one each
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert root.findtext(f"{A}title") == TITLE
    assert root.find(f"{A}title").get("type") == "text"  # type: ignore[union-attr]
    assert root.findtext(f"{A}author/{A}name") == "Stadt Musterstadt"
    assert RFC3339.fullmatch(root.findtext(f"{A}updated") or "")
    links = {link.get("rel"): link for link in root.findall(f"{A}link")}
    assert links["self"].get("href") == f"{BASE}/lage.atom"
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href") == f"{BASE}/index.html"
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == ["Trinkwasser abkochen", "Brücke gesperrt"]
    for entry, published in zip(entries, (second, first), strict=True):
        assert entry.findtext(f"{A}id") == published.platform_id
        assert published.platform_id.startswith("urn:uuid:")
        assert RFC3339.fullmatch(entry.findtext(f"{A}updated") or "")
        assert RFC3339.fullmatch(entry.findtext(f"{A}published") or "")
        (link,) = entry.findall(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href") == published.url
        content = entry.find(f"{A}content")
        assert content is not None and content.get("type") == "text"
    assert entries[0].find(f"{A}content").get(XML_LANG) == "en"  # type: ignore[union-attr]
    assert entries[1].findtext(f"{A}content") == (
        "Die Brücke Nordstadt ist gesperrt.\n\nUmleitung über die Südstraße."
    )
    assert first.platform_id == entry_id("k1")
    anchor = first.url.partition("#")[2]
    assert first.url == f"{BASE}/index.html#{anchor}"
    assert {"id": anchor, "aria-labelledby": f"{anchor}-titel"} in Outline(page(folder)).all(
        "article"
    )


def test_feedparser_reads_the_feed(site: WebsiteChannel, folder: Path) -> None:
    import feedparser

    published = site.publish(post("k1", images=(Image("karte.png", "image/png", PNG, "Karte"),)))
    site.publish(post("k2", subject="Trinkwasser abkochen"))
    parsed = feedparser.parse((folder / "lage.atom").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == TITLE
    assert parsed.feed.language == "de"
    assert [e.title for e in parsed.entries] == ["Trinkwasser abkochen", "Brücke gesperrt"]
    assert parsed.entries[1].id == published.platform_id
    assert parsed.entries[1].link == published.url
    assert parsed.entries[1].enclosures[0].href.endswith(".png")


def test_republishing_a_key_rewrites_its_entry(
    site: WebsiteChannel, folder: Path, clock: FakeClock
) -> None:
    first = site.publish(post("k1"))
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    clock.advance(minutes=5)
    assert site.publish(post("k1")) == first  # a retry: same id, nothing changes
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == files
    site.publish(post("k1", text="Die Brücke ist wieder frei."))
    (entry,) = feed(folder).findall(f"{A}entry")
    assert entry.findtext(f"{A}content") == "Die Brücke ist wieder frei."
    published = datetime.fromisoformat(entry.findtext(f"{A}published") or "")
    updated = datetime.fromisoformat(entry.findtext(f"{A}updated") or "")
    assert updated - published >= timedelta(minutes=5)
    assert page(folder).count("<article") == 1
    assert "aktualisiert" in page(folder)


def test_delete_removes_the_entry_and_its_images(site: WebsiteChannel, folder: Path) -> None:
    image = Image("uploads/karte.png", "image/png", PNG, "Karte der Sperrung")
    first = site.publish(post("k1", images=(image,)))
    second = site.publish(post("k2", subject="Trinkwasser abkochen"))
    assert len(list(folder.glob("meldung-*.png"))) == 1
    site.delete(first.platform_id)
    assert [e.findtext(f"{A}id") for e in feed(folder).findall(f"{A}entry")] == [second.platform_id]
    assert "Brücke gesperrt" not in page(folder)
    assert list(folder.glob("meldung-*.png")) == []
    site.delete(first.platform_id)  # already gone: fine
    assert [r.platform_id for r in site.recent()] == [second.platform_id]


def test_page_escapes_text(site: WebsiteChannel, folder: Path) -> None:
    site.publish(
        post(subject="<b>Achtung</b>", text='Bitte <script>alert("x")</script> & "Ruhe" bewahren')
    )
    html = page(folder)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert "&lt;b&gt;Achtung&lt;/b&gt;" in html
    (entry,) = feed(folder).findall(f"{A}entry")
    assert entry.findtext(f"{A}title") == "<b>Achtung</b>"
    assert entry.findtext(f"{A}content") == 'Bitte <script>alert("x")</script> & "Ruhe" bewahren'


def test_page_is_accessible_html(site: WebsiteChannel, folder: Path, clock: FakeClock) -> None:
    image = Image("C:\\Bilder\\karte.png", "image/png", PNG, "Karte: die Brücke ist rot markiert")
    site.publish(post("k1", images=(image,)))
    clock.advance(minutes=10)
    site.publish(post("k2", subject="Trinkwasser abkochen", text="Boil water.", language="en"))
    html = page(folder)
    outline = Outline(html)
    assert html.startswith("<!DOCTYPE html>")
    assert outline.all("html") == [{"lang": "de"}]
    assert len(outline.all("h1")) == 1
    assert outline.headings == ["Trinkwasser abkochen", "Brücke gesperrt"]  # newest first
    assert len(outline.all("article")) == 2
    assert [t["lang"] for t in outline.all("h2")] == ["en", "de"]
    times = outline.all("time")
    assert len(times) == 3  # "Stand" and one per entry
    assert all(RFC3339.fullmatch(t["datetime"]) for t in times)
    assert {
        "rel": "alternate",
        "type": "application/atom+xml",
        "title": TITLE,
        "href": "lage.atom",
    } in outline.all("link")
    assert not outline.all("script")
    (img,) = outline.all("img")
    assert img["alt"] == "Karte: die Brücke ist rot markiert"
    assert (folder / img["src"]).read_bytes() == PNG
    assert "<style>" in html


def test_thread_parts_and_follow_ups(site: WebsiteChannel, folder: Path, clock: FakeClock) -> None:
    first = site.publish(post("k1", parts_total=2))
    clock.advance(minutes=1)
    part = site.publish(
        post("k2", subject="", text="Teil zwei.", part=1, parts_total=2, reply_to=first.platform_id)
    )
    clock.advance(minutes=1)
    update = site.publish(
        post("k3", subject="Brücke wieder frei", text="Frei.", reply_to=first.platform_id)
    )
    anchor = first.url.partition("#")[2]
    outline = Outline(page(folder))
    assert [a["id"] for a in outline.all("article")] == [
        update.url.partition("#")[2],
        anchor,
        part.url.partition("#")[2],
    ]
    html = page(folder)
    assert f'Fortsetzung (Teil 2 von 2) zu: <a href="#{anchor}">Brücke gesperrt</a>' in html
    assert f'Aktualisierung zu: <a href="#{anchor}">Brücke gesperrt</a>' in html
    titles = [e.findtext(f"{A}title") for e in feed(folder).findall(f"{A}entry")]
    assert titles == ["Brücke wieder frei", "Brücke gesperrt", "Brücke gesperrt"]
    replies = [e.find(f"{THR}in-reply-to") for e in feed(folder).findall(f"{A}entry")]
    assert [r.get("ref") if r is not None else None for r in replies] == [
        first.platform_id,
        None,
        first.platform_id,
    ]


def test_older_entries_drop_off(folder: Path, clock: FakeClock) -> None:
    site = WebsiteChannel(account(folder, max_entries="2"), clock=clock)
    image = Image("karte.png", "image/png", PNG, "Karte")
    for key in ("k1", "k2", "k3"):
        site.publish(post(key, subject=key, images=(image,)))
        clock.advance(minutes=1)
    assert [e.findtext(f"{A}title") for e in feed(folder).findall(f"{A}entry")] == ["k3", "k2"]
    assert len(list(folder.glob("meldung-*.png"))) == 2


def test_no_temp_files_are_left(site: WebsiteChannel, folder: Path) -> None:
    published = site.publish(post("k1"))
    site.publish(post("k2"))
    site.delete(published.platform_id)
    names = {p.name for p in folder.iterdir()}
    assert names - {".kriseninfo-entries.lock"} == {
        "index.html",
        "lage.atom",
        ".kriseninfo-entries.json",
    }
    assert (folder / "index.html").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_the_old_page(
    site: WebsiteChannel, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.publish(post("k1"))
    before = page(folder)
    real_replace = os.replace

    def fail_for_the_page(source: str, target: Path) -> None:
        if Path(target).name == "index.html":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_for_the_page)
    error = failure(site.publish, post("k2", subject="Neu"))
    assert (error.kind, error.code) == (ErrorKind.TRANSIENT, "folder_io")
    assert page(folder) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    site.publish(post("k2", subject="Neu"))  # the retry finishes the job
    assert "Neu" in page(folder)


def test_missing_folder_is_permanent(tmp_path: Path) -> None:
    site = WebsiteChannel(account(tmp_path / "not-mounted"))
    for call in (lambda: site.publish(post()), site.verify, lambda: site.delete("urn:uuid:x")):
        error = failure(call)
        assert (error.kind, error.code) == (ErrorKind.PERMANENT, "folder")
        assert "does not exist" in error.detail
    assert not (tmp_path / "not-mounted").exists()


@pytest.mark.parametrize(
    ("problem", "kind", "code"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), ErrorKind.PERMANENT, "folder"),
        (OSError(errno.EROFS, "Read-only file system"), ErrorKind.PERMANENT, "folder"),
        (OSError(errno.ENOSPC, "No space left on device"), ErrorKind.TRANSIENT, "disk_full"),
    ],
)
def test_unwritable_folder_and_full_disk(
    site: WebsiteChannel,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    problem: OSError,
    kind: ErrorKind,
    code: str,
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> tuple[int, str]:
        raise problem

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    error = failure(site.publish, post())
    assert (error.kind, error.code) == (kind, code)
    assert str(folder) in error.detail
    assert error.kind is kind
    assert failure(site.verify).kind is kind


def test_verify_and_settings(site: WebsiteChannel, folder: Path) -> None:
    check = site.verify()
    assert check.display_name == TITLE
    assert check.max_characters is None
    assert list(folder.iterdir()) == []
    for bad in (
        {"folder": "relative/www"},
        {"base_url": "www.musterstadt.de"},
        {"max_entries": "0"},
    ):
        error = failure(WebsiteChannel(account(folder, **bad)).verify)
        assert (error.kind, error.code) == (ErrorKind.PERMANENT, "settings"), bad


def test_scriptable_images_are_refused(site: WebsiteChannel, folder: Path) -> None:
    svg = Image("karte.svg", "image/svg+xml", b"<svg onload='alert(1)'/>", "Karte")
    error = failure(site.publish, post(images=(svg,)))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "image_type")
    assert not list(folder.glob("*.svg"))


def test_a_damaged_state_file_is_not_overwritten(site: WebsiteChannel, folder: Path) -> None:
    (folder / ".kriseninfo-entries.json").write_text("{not json", encoding="utf-8")
    error = failure(site.publish, post())
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "state")
    assert (folder / ".kriseninfo-entries.json").read_text(encoding="utf-8") == "{not json"


def test_channel_capabilities() -> None:
    assert WebsiteChannel.idempotent and WebsiteChannel.can_delete
    assert WebsiteChannel.can_list_recent and not WebsiteChannel.manual
    assert WebsiteChannel.platform is Platform.WEBSITE
    assert website.CHANNEL is WebsiteChannel
    assert isinstance(Published("x"), Published)
