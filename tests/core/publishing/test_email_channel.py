"""The e-mail channel: the message it builds, and sends to a real SMTP server on loopback."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import email as channel
from kriseninfo.publishing.channels.email import (
    EmailChannel,
    build_message,
    message_id,
    parse_recipients,
    read_settings,
)
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.states import ErrorKind

NOW = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)
SENDER = "Stadt Musterstadt <presse@musterstadt.de>"
LIST = "redaktion@zeitung.example, Funkhaus <news@radio.example>\nburger@mail.example"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def account(port: int | str = 25, *, password: str = "", **settings: str) -> AccountConfig:
    values = {
        "host": "127.0.0.1",
        "port": str(port),
        "security": "none",
        "sender": SENDER,
        "recipients": LIST,
        **settings,
    }
    secrets = {"password": password} if password else {}
    return AccountConfig(
        1, Platform.EMAIL, "Pressestelle", "presse@musterstadt.de", values, secrets
    )


def post(**kwargs: Any) -> Post:
    values: dict[str, Any] = {
        "key": "5f2a9c0e1b7d4e3f8a6b2c1d0e9f8a7b",
        "text": "Die Brücke ist gesperrt.\nBitte Umleitung nutzen.\n\nMehr: https://musterstadt.de/lage.",
        "subject": "Hochwasser: Straßen gesperrt",
        "incident_title": "Hochwasser Nordstadt",
    }
    values.update(kwargs)
    return Post(**values)


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None and part.get_content_type() == f"text/{subtype}"
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def built(p: Post | None = None, **settings: str) -> EmailMessage:
    message = build_message(p or post(), read_settings(account(**settings)), NOW)
    return parse(message.as_bytes(policy=channel.WIRE_POLICY))


def failure(call: Callable[[], object]) -> SendError:
    with pytest.raises(SendError) as caught:
        call()
    return caught.value


# -- the message, built without a network ------------------------------------------------


def test_message_has_plain_text_and_accessible_html() -> None:
    message = built(post(text="Achtung <script>alert(1)</script> & mehr\nZeile 2\n\nAbsatz 2"))
    assert message.get_content_type() == "multipart/alternative"
    assert "Achtung <script>alert(1)</script> & mehr\nZeile 2\n\nAbsatz 2" in body(message, "plain")
    html = body(message, "html")
    assert '<html lang="de">' in html
    assert "<title>Hochwasser: Straßen gesperrt</title>" in html
    assert "<p>Achtung &lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr<br>\nZeile 2</p>" in html
    assert "<p>Absatz 2</p>" in html
    assert "<script>" not in html
    assert message["Content-Language"] == "de"


def test_links_are_clickable_but_only_http() -> None:
    text = (
        'Lage: https://musterstadt.de/lage?a=1&b="x". '
        "Auch www.musterstadt.de/k_(1)) javascript:alert(1)"
    )
    html = body(built(post(text=text)), "html")
    assert (
        '<a href="https://musterstadt.de/lage?a=1&amp;b=">https://musterstadt.de/lage?a=1&amp;b=</a>'
        in html
    )
    assert '<a href="https://www.musterstadt.de/k_(1)">www.musterstadt.de/k_(1)</a>)' in html
    assert 'href="javascript' not in html


def test_language_of_the_post_is_the_html_lang() -> None:
    message = built(post(language="en", text="Bridge closed."))
    assert '<html lang="en">' in body(message, "html")
    assert message["Content-Language"] == "en"
    assert '<html lang="de">' in body(built(post(language='x" onload="y')), "html")


def test_umlaut_subject_is_rfc2047_encoded() -> None:
    raw = build_message(post(), read_settings(account()), NOW).as_bytes(policy=channel.WIRE_POLICY)
    header = raw.split(b"\r\n\r\n", 1)[0]
    assert header.isascii()
    assert b"Subject: Hochwasser: =?utf-8?q?Stra=C3=9Fen?= gesperrt" in header
    assert parse(raw)["Subject"] == "Hochwasser: Straßen gesperrt"


def test_subject_falls_back_to_incident_title_and_counts_parts() -> None:
    assert built(post(subject=""))["Subject"] == "Hochwasser Nordstadt"
    message = built(post(subject="", part=1, parts_total=3))
    assert message["Subject"] == "Hochwasser Nordstadt (2/3)"


def test_recipients_are_not_in_the_headers() -> None:
    raw = build_message(post(), read_settings(account()), NOW).as_bytes()
    message = parse(raw)
    assert message["To"] == "undisclosed-recipients:;"
    assert message["Cc"] is None and message["Bcc"] is None
    for address in ("redaktion@zeitung.example", "news@radio.example", "burger@mail.example"):
        assert address.encode() not in raw


def test_headers_identify_the_message() -> None:
    message = built()
    assert message["From"] == "Stadt Musterstadt <presse@musterstadt.de>"
    assert message["Date"] == "Fri, 27 Nov 2026 09:30:00 +0000"
    assert message["Message-ID"] == "<5f2a9c0e1b7d4e3f8a6b2c1d0e9f8a7b.kriseninfo@musterstadt.de>"
    assert message_id("a b/ä", "musterstadt.de") == message_id("a b/ä", "musterstadt.de")
    assert " " not in message_id("a b/ä", "musterstadt.de")
    reply = built(post(reply_to="<first.kriseninfo@musterstadt.de>"))
    assert reply["In-Reply-To"] == "<first.kriseninfo@musterstadt.de>"
    assert reply["References"] == "<first.kriseninfo@musterstadt.de>"


def test_one_click_unsubscribe_only_for_https() -> None:
    url = "https://musterstadt.de/newsletter/abmelden?token=" + "a1b2c3d4" * 12
    message = built(unsubscribe=url)
    assert message["List-Unsubscribe"] == f"<{url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw = build_message(post(), read_settings(account(unsubscribe=url)), NOW).as_bytes(
        policy=channel.WIRE_POLICY
    )
    assert f"List-Unsubscribe: <{url}>\r\n".encode() in raw  # one line, not encoded words
    mailto = built(unsubscribe="abmelden@musterstadt.de")
    assert mailto["List-Unsubscribe"] == "<mailto:abmelden@musterstadt.de>"
    assert mailto["List-Unsubscribe-Post"] is None
    assert built()["List-Unsubscribe"] is None


def test_images_are_attachments_with_their_alt_text() -> None:
    image = Image("media/2026/karte süd.png", "image/png", PNG, "Karte: Sperrung\nder Brücke Süd")
    message = built(post(images=(image,)))
    assert message.get_content_type() == "multipart/mixed"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "image/png"
    assert attachment.get_filename() == "karte süd.png"
    assert attachment["Content-Description"] == "Karte: Sperrung der Brücke Süd"
    assert attachment.get_content() == PNG
    assert "Die Brücke ist gesperrt." in body(message, "plain")


def test_settings_are_read_and_checked() -> None:
    settings = read_settings(account(security="STARTTLS", port=""))
    assert settings.port == 587
    assert read_settings(account(security="ssl", port="")).port == 465
    assert read_settings(account(security="", port="")).port == 587
    assert parse_recipients('a@x.de; "Doe, Jo" <jo@x.de>\n\nA@X.DE,b@bücher.example') == (
        "a@x.de",
        "jo@x.de",
        "b@xn--bcher-kva.example",
    )
    bad_settings: list[dict[str, str]] = [
        {"security": "tls"},
        {"port": "smtp"},
        {"recipients": " \n "},
        {"recipients": "redaktion at zeitung"},
        {"sender": ""},
        {"host": ""},
        {"unsubscribe": "javascript:alert(1)"},
    ]
    for bad in bad_settings:
        with pytest.raises(SendError) as caught:
            read_settings(account(**bad))
        error = caught.value
        assert (error.kind, error.code) == (ErrorKind.PERMANENT, "settings"), bad


def test_email_cannot_be_deleted() -> None:
    error = failure(lambda: EmailChannel(account()).delete("<x@musterstadt.de>"))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "cannot_delete")
    assert EmailChannel(account()).recent() == []
    assert not EmailChannel.idempotent and not EmailChannel.can_delete


# -- a real SMTP server on loopback ------------------------------------------------------


class Collector:
    """An aiosmtpd handler that keeps what it accepts and answers as told."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.rcpt_answers: dict[str, str] = {}
        self.data_answer = "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        answer = self.rcpt_answers.get(address) or self.rcpt_answers.get("*")
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if not self.data_answer.startswith("250"):
            return self.data_answer
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"presse",
        b"richtig",
    )
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


Start = Callable[..., tuple[Collector, int]]


def _not_deprecation(record: logging.LogRecord) -> bool:
    # aiosmtpd 1.4 warns about its own legacy attribute on every successful AUTH.
    return "login_data is deprecated" not in record.getMessage()


@pytest.fixture
def smtp_server() -> Iterator[Start]:
    controllers: list[Controller] = []
    server_log = logging.getLogger("mail.log")
    server_log.addFilter(_not_deprecation)

    def start(**kwargs: Any) -> tuple[Collector, int]:
        handler = Collector()
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        controllers.append(controller)
        return handler, port

    yield start
    for controller in controllers:
        controller.stop()
    server_log.removeFilter(_not_deprecation)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A test CA and a server certificate it signed, for 127.0.0.1."""
    folder = tmp_path_factory.mktemp("tls")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kriseninfo Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.IPv4Address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "key.pem"}
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def server_context(certificates: dict[str, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates["cert"], certificates["key"])
    return context


def send(config: AccountConfig, p: Post | None = None, timeout: float = 5.0) -> Any:
    sender = EmailChannel(config, clock=lambda: NOW, timeout=timeout)
    try:
        return sender.publish(p or post())
    finally:
        sender.close()


def test_publish_sends_to_every_recipient_in_the_envelope_only(smtp_server: Start) -> None:
    handler, port = smtp_server()
    published = send(account(port))
    ((mail_from, rcpt_tos, data),) = handler.received
    assert mail_from == "presse@musterstadt.de"
    assert rcpt_tos == ["redaktion@zeitung.example", "news@radio.example", "burger@mail.example"]
    message = parse(data)
    assert message["To"] == "undisclosed-recipients:;"
    assert message["Subject"] == "Hochwasser: Straßen gesperrt"
    assert b"zeitung.example" not in data
    assert published.platform_id == message["Message-ID"]
    assert published.platform_id == "<5f2a9c0e1b7d4e3f8a6b2c1d0e9f8a7b.kriseninfo@musterstadt.de>"
    assert "Die Brücke ist gesperrt." in body(message, "plain")


def test_a_long_list_goes_out_in_batches(smtp_server: Start) -> None:
    handler, port = smtp_server()
    recipients = "\n".join(f"leser{n}@mail.example" for n in range(250))
    send(account(port, recipients=recipients))
    assert [len(rcpt) for _f, rcpt, _d in handler.received] == [100, 100, 50]
    assert len({data for _f, _r, data in handler.received}) == 1


def test_login_with_the_password(smtp_server: Start) -> None:
    handler, port = smtp_server(authenticator=authenticator, auth_require_tls=False)
    send(account(port, username="presse", password="richtig"))
    assert len(handler.received) == 1
    check = EmailChannel(account(port, username="presse", password="richtig")).verify()
    assert check.display_name == SENDER
    assert check.max_characters is None


def test_wrong_password_is_an_auth_error(smtp_server: Start) -> None:
    handler, port = smtp_server(authenticator=authenticator, auth_require_tls=False)
    config = account(port, username="presse", password="falsch")
    assert failure(lambda: send(config)).kind is ErrorKind.AUTH
    assert failure(EmailChannel(config).verify).kind is ErrorKind.AUTH
    assert handler.received == []


def test_starttls_with_a_custom_ca(smtp_server: Start, certificates: dict[str, Path]) -> None:
    handler, port = smtp_server(
        tls_context=server_context(certificates),
        require_starttls=True,
        authenticator=authenticator,
    )
    config = account(
        port,
        security="starttls",
        ca_file=str(certificates["ca"]),
        username="presse",
        password="richtig",
    )
    send(config)
    assert len(handler.received) == 1
    assert EmailChannel(config).verify().display_name == SENDER


@pytest.mark.logs_warnings  # the server logs the handshake our side broke off
def test_untrusted_certificate_is_refused(
    smtp_server: Start, certificates: dict[str, Path]
) -> None:
    handler, port = smtp_server(tls_context=server_context(certificates), require_starttls=True)
    error = failure(lambda: send(account(port, security="starttls")))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "tls")
    assert "not trusted" in error.detail
    missing = failure(lambda: send(account(port, security="starttls", ca_file="/nonexistent.pem")))
    assert (missing.kind, missing.code) == (ErrorKind.PERMANENT, "settings")
    assert handler.received == []


def test_implicit_tls(smtp_server: Start, certificates: dict[str, Path]) -> None:
    handler, port = smtp_server(ssl_context=server_context(certificates))
    send(account(port, security="ssl", ca_file=str(certificates["ca"])))
    assert len(handler.received) == 1


def test_a_4xx_answer_is_transient(smtp_server: Start) -> None:
    handler, port = smtp_server()
    handler.data_answer = "451 4.3.0 Local error in processing"
    error = failure(lambda: send(account(port)))
    assert (error.kind, error.code) == (ErrorKind.TRANSIENT, "server_error")
    assert "451" in error.detail
    handler.data_answer = "250 OK"
    handler.rcpt_answers["*"] = "450 4.2.0 Greylisted, try again later"
    assert failure(lambda: send(account(port))).kind is ErrorKind.TRANSIENT


def test_a_5xx_answer_is_permanent(smtp_server: Start) -> None:
    handler, port = smtp_server()
    handler.data_answer = "550 5.7.1 Message rejected as spam"
    error = failure(lambda: send(account(port)))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "rejected")
    assert "Message rejected as spam" in error.detail
    handler.data_answer = "250 OK"
    handler.rcpt_answers["*"] = "550 5.1.1 User unknown"
    error = failure(lambda: send(account(port)))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "rejected")
    assert "all 3 recipients refused" in error.detail


@pytest.mark.logs_warnings
def test_some_refused_recipients_still_publish(
    smtp_server: Start, caplog: pytest.LogCaptureFixture
) -> None:
    handler, port = smtp_server()
    handler.rcpt_answers["news@radio.example"] = "550 5.1.1 User unknown"
    published = send(account(port))
    ((_from, rcpt_tos, _data),) = handler.received
    assert rcpt_tos == ["redaktion@zeitung.example", "burger@mail.example"]
    assert published.platform_id.startswith("<5f2a9c0e")
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "1 of 3 recipients refused (SMTP 550)" in warning.getMessage()
    assert "radio.example" not in warning.getMessage()


def test_closed_port_is_offline() -> None:
    error = failure(lambda: send(account(free_port())))
    assert error.kind is ErrorKind.OFFLINE
    assert failure(EmailChannel(account(free_port())).verify).kind is ErrorKind.OFFLINE


class DroppingServer:
    """A scripted SMTP server that, at one step of the dialogue, hangs up or stops
    answering (until the client gives up)."""

    def __init__(self, step: str, hang: bool):
        self.step = step.encode()
        self.hang = hang
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection, connection.makefile("rb") as lines:
            connection.sendall(b"220 test ESMTP\r\n")
            for line in lines:
                command = line[:4].upper()
                if command == b"DATA":
                    connection.sendall(b"354 go ahead\r\n")
                    while lines.readline() not in (b".\r\n", b""):
                        continue
                if command == self.step:
                    if self.hang:
                        lines.read()  # until the client closes the connection
                    return
                connection.sendall(b"250 OK\r\n")

    def close(self) -> None:
        self.thread.join(timeout=5)
        self.listener.close()


@pytest.mark.parametrize(
    ("step", "hang", "kind"),
    [
        ("MAIL", False, ErrorKind.TRANSIENT),
        ("MAIL", True, ErrorKind.TRANSIENT),
        ("DATA", False, ErrorKind.UNCLEAR),
        ("DATA", True, ErrorKind.UNCLEAR),
    ],
)
def test_a_lost_connection_before_or_after_data(step: str, hang: bool, kind: ErrorKind) -> None:
    """Only after the message went out may the server have accepted it."""
    server = DroppingServer(step, hang)
    try:
        error = failure(lambda: send(account(server.port), timeout=0.5))
    finally:
        server.close()
    assert error.kind is kind, error.detail
