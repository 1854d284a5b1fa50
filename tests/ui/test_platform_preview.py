"""The preview of a draft as its platform shows it: user text escaped, thread parts in
order, e-mail subject, SMS bubble."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from kriseninfo.counting.platforms import Platform
from kriseninfo_ui.views.platform_preview import LINK_COLOUR, PlatformPreview


def _plain(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _preview(qtbot: QtBot) -> PlatformPreview:
    preview = PlatformPreview()
    qtbot.addWidget(preview)
    preview.resize(480, 700)
    return preview


def test_user_text_is_escaped_and_links_and_hashtags_coloured(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    text = "<b>Achtung</b> & 'Rauch'\nInfos: https://stadt.example/brand. #Brand @feuerwehr"
    preview.show_draft(Platform.MASTODON, "<i>Stadt</i>", "", [text], 0)

    [body] = preview.part_labels
    assert _plain(body) == text
    assert "<b>" not in body.text() and "&lt;b&gt;Achtung&lt;/b&gt;" in body.text()
    assert (
        f'color:{LINK_COLOUR};text-decoration:underline;">https://stadt.example/brand</span>.'
        in (body.text())
    )
    assert f'color:{LINK_COLOUR};">#Brand</span>' in body.text()
    assert f'color:{LINK_COLOUR};">@feuerwehr</span>' in body.text()
    [header] = preview.findChildren(QLabel, "previewHeader")
    assert _plain(header) == "Mastodon · <i>Stadt</i>"
    assert header.property("platform") == "mastodon"


def test_thread_parts_are_stacked_in_order(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    parts = ["Großbrand im Hafen (1/3)", "Fenster schließen (2/3)", "Mehr: stadt.example (3/3)"]
    preview.show_draft(Platform.X, "Stadt Musterstadt", "", parts, 2)
    preview.show()
    qtbot.waitExposed(preview)

    assert [_plain(label) for label in preview.part_labels] == parts
    tops = [label.mapTo(preview, QPoint(0, 0)).y() for label in preview.part_labels]
    assert tops == sorted(tops) and len(set(tops)) == 3
    lefts = [label.mapTo(preview, QPoint(0, 0)).x() for label in preview.part_labels]
    assert lefts[1] > lefts[0] and lefts[2] == lefts[1]  # later parts hang indented
    assert len(preview.findChildren(QFrame, "threadLine")) == 2
    numbers = [label.text() for label in preview.findChildren(QLabel, "previewPartNumber")]
    assert numbers == ["Teil 1 von 3", "Teil 2 von 3", "Teil 3 von 3"]
    [media] = preview.findChildren(QLabel, "previewMedia")
    assert media.text() == "2 Bilder angehängt"

    preview.show_draft(Platform.X, "Stadt Musterstadt", "", ["Entwarnung."], 0)
    assert [_plain(label) for label in preview.part_labels] == ["Entwarnung."]
    assert preview.findChildren(QFrame, "threadLine") == []  # the old cards are gone


def test_email_has_a_subject_and_sms_a_phone(qtbot: QtBot) -> None:
    preview = _preview(qtbot)
    preview.show_draft(Platform.EMAIL, "Presse", "Großbrand <Hafen>", ["Sehr geehrte …"], 0)
    [subject] = preview.findChildren(QLabel, "previewSubject")
    assert _plain(subject) == "Betreff: Großbrand <Hafen>"

    preview.show_draft(Platform.SMS, "STADT", "", ["Warnung: Fenster schließen."], 0)
    assert preview.findChildren(QLabel, "previewSubject") == []
    [phone] = preview.findChildren(QFrame, "phoneFrame")
    [bubble] = preview.findChildren(QFrame, "previewCard")
    assert bubble.parent() is phone and bubble.property("look") == "sms"
