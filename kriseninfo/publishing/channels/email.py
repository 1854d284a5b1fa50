"""E-mail through SMTP: one message to a press distribution or subscriber list.

The list travels only in the SMTP envelope (like Bcc); no header names a recipient. SMTP
has no idempotency key, so a connection lost after DATA makes the delivery "unklar".
"""

from __future__ import annotations

import enum
import hashlib
import html
import logging
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.policy import Policy
from email.policy import default as default_policy
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import PurePosixPath
from typing import ClassVar

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import EMAIL_SUBJECT_LENGTH, Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.errors import (
    SendError,
    auth,
    offline,
    permanent,
    transient,
    unclear,
)
from kriseninfo.publishing.traits import TRAITS

log = logging.getLogger(__name__)

TIMEOUT = 30.0
#: RFC 5321 4.5.3.1.8: a server must accept 100 recipients per message, not necessarily
#: more; a longer list goes out in several transactions over one connection.
BATCH = 100
#: The To: header of every message: an empty group, so the list stays private.
UNDISCLOSED = "undisclosed-recipients:;"


class Security(enum.StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"


DEFAULT_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}


class _Verbatim(UnstructuredHeader, BaseHeader):
    """A header written as given: the email package would cut a long URL into encoded
    words, which breaks List-Unsubscribe. Only ASCII values of one line are stored here."""

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


_HEADERS = HeaderRegistry()
_HEADERS.map_to_type("list-unsubscribe", _Verbatim)
_HEADERS.map_to_type("list-unsubscribe-post", _Verbatim)
POLICY = default_policy.clone(header_factory=_HEADERS)
WIRE_POLICY = SMTP_POLICY.clone(header_factory=_HEADERS)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security
    sender: Address
    recipients: tuple[str, ...]
    username: str = ""
    unsubscribe: str = ""
    ca_file: str = ""


class EmailChannel:
    platform: ClassVar[Platform] = Platform.EMAIL
    idempotent: ClassVar[bool] = TRAITS[Platform.EMAIL].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.EMAIL].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.EMAIL].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.EMAIL].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.EMAIL].fields

    def __init__(self, account: AccountConfig, *, clock: Clock = utc_now, timeout: float = TIMEOUT):
        self._account = account
        self._clock = clock
        self._timeout = timeout

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        settings = read_settings(self._account)
        message = build_message(post, settings, self._clock())
        data = message.as_bytes(policy=WIRE_POLICY)
        smtp = self._connect(settings)
        try:
            refused = _deliver(smtp, settings.sender.addr_spec, settings.recipients, data)
        finally:
            _quit(smtp)
        if refused:
            codes = sorted({code for code, _reply in refused.values()})
            log.warning(
                "e-mail %s: %d of %d recipients refused (SMTP %s)",
                post.key,
                len(refused),
                len(settings.recipients),
                ", ".join(map(str, codes)),
            )
        return Published(str(message["Message-ID"]))

    def delete(self, platform_id: str) -> None:
        raise permanent("cannot_delete", "an e-mail cannot be recalled once it is sent")

    def verify(self) -> AccountCheck:
        settings = read_settings(self._account)
        smtp = self._connect(settings)
        try:
            code, reply = smtp.noop()
            if code != 250:
                raise _reply_error(code, reply)
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            raise transient("disconnected", _name(error)) from None
        finally:
            _quit(smtp)
        detail = f"{settings.host}:{settings.port} ({settings.security.value})"
        return AccountCheck(str(settings.sender), None, detail)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        return []

    def close(self) -> None:
        return

    # -- helpers ---------------------------------------------------------------------------
    def _connect(self, settings: SmtpSettings) -> smtplib.SMTP:
        """An open, greeted, secured and logged-in connection, or a SendError."""
        password = self._account.secrets.get("password", "")
        context = _tls_context(settings) if settings.security is not Security.NONE else None
        smtp: smtplib.SMTP | None = None
        try:
            if settings.security is Security.SSL:
                smtp = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=self._timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(settings.host, settings.port, timeout=self._timeout)
            smtp.ehlo()
            if settings.security is Security.STARTTLS:
                smtp.starttls(context=context)
                smtp.ehlo()
            if password:
                smtp.login(settings.username or settings.sender.addr_spec, password)
        except (smtplib.SMTPException, OSError) as error:
            if smtp is not None:
                smtp.close()
            raise _connect_error(error, settings) from None
        return smtp


# -- building the message (pure) ---------------------------------------------------------


def read_settings(account: AccountConfig) -> SmtpSettings:
    """The account's settings, checked; a wrong one is a permanent "settings" error."""
    values = account.settings
    host = values.get("host", "").strip()
    if not host:
        raise permanent("settings", "no SMTP host is set")
    security_text = (values.get("security") or Security.STARTTLS.value).strip().lower()
    try:
        security = Security(security_text)
    except ValueError:
        raise permanent(
            "settings", f"security must be starttls, ssl or none, not {security_text!r}"
        ) from None
    port_text = (values.get("port") or "").strip()
    try:
        port = int(port_text) if port_text else DEFAULT_PORTS[security]
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise permanent("settings", f"the port must be a number from 1 to 65535, not {port_text!r}")
    name, address = parseaddr(values.get("sender", ""))
    if not address:
        raise permanent("settings", "no sender address is set")
    recipients = parse_recipients(values.get("recipients", ""))
    if not recipients:
        raise permanent("settings", "the recipient list is empty")
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        sender=Address(display_name=name, addr_spec=_ascii_address(address)),
        recipients=recipients,
        username=values.get("username", "").strip(),
        unsubscribe=_unsubscribe(values.get("unsubscribe", "")),
        ca_file=values.get("ca_file", "").strip(),
    )


def parse_recipients(text: str) -> tuple[str, ...]:
    """Addresses from a list separated by commas, semicolons or lines; names allowed
    ("Redaktion <r@zeitung.de>"), duplicates dropped, IDN domains as ASCII."""
    found: dict[str, str] = {}
    for _name, address in getaddresses([re.sub(r"[;\r\n]+", ",", text)]):
        if not address:
            continue
        address = _ascii_address(address)
        found.setdefault(address.lower(), address)
    return tuple(found.values())


def _ascii_address(address: str) -> str:
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in address.strip()):
        raise permanent("settings", f"not an e-mail address: {address!r}")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise permanent("settings", f"not a valid domain: {address!r}") from None
    if not local.isascii():
        raise permanent("settings", f"a non-ASCII mailbox needs SMTPUTF8: {address!r}")
    return f"{local}@{domain}"


def _unsubscribe(value: str) -> str:
    value = value.strip().strip("<>")
    if not value:
        return ""
    if "@" in value and ":" not in value:
        value = "mailto:" + value
    if (
        not value.lower().startswith(("https://", "http://", "mailto:"))
        or not value.isascii()
        or re.search(r"[\s<>]", value)
        or len(value) > 900
    ):
        raise permanent("settings", "unsubscribe must be an https URL or a mailto: address")
    return value


def build_message(post: Post, settings: SmtpSettings, now: datetime) -> EmailMessage:
    subject = subject_of(post)
    language = _language(post.language)
    message = EmailMessage(policy=POLICY)
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = UNDISCLOSED
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(post.key, settings.sender.domain)
    if post.reply_to and re.fullmatch(r"<[^<>\s]+@[^<>\s]+>", post.reply_to):
        message["In-Reply-To"] = post.reply_to
        message["References"] = post.reply_to
    if settings.unsubscribe:
        message["List-Unsubscribe"] = f"<{settings.unsubscribe}>"
        if settings.unsubscribe.lower().startswith("https://"):  # RFC 8058 one-click
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    text = _normalized(post.text)
    message.set_content(text + "\n", cte="quoted-printable")
    message.add_alternative(
        html_body(text, subject, language), subtype="html", cte="quoted-printable"
    )
    for number, image in enumerate(post.images, start=1):
        maintype, _, subtype = image.mime.partition("/")
        alt = " ".join(image.alt.split())
        message.add_attachment(
            image.data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=_filename(image.filename, number),
            headers=[f"Content-Description: {alt}"] if alt else None,
        )
    message["Content-Language"] = language  # after the parts: set_content clears Content-*
    return message


def message_id(key: str, domain: str) -> str:
    """The same delivery key always gives the same Message-ID (a retry is recognisable)."""
    local = (
        key
        if re.fullmatch(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*", key)
        else (hashlib.sha256(key.encode()).hexdigest()[:32])
    )
    domain = domain if re.fullmatch(r"[A-Za-z0-9.-]+", domain or "") else "kriseninfo.invalid"
    return f"<{local}.kriseninfo@{domain}>"


def subject_of(post: Post) -> str:
    subject = " ".join((post.subject or post.incident_title).split())
    if not subject:
        first = next((line for line in post.text.splitlines() if line.strip()), "")
        subject = " ".join(first.split())
        if len(subject) > EMAIL_SUBJECT_LENGTH:
            subject = subject[: EMAIL_SUBJECT_LENGTH - 1].rstrip() + "…"
    if post.parts_total > 1:
        subject = f"{subject} ({post.part + 1}/{post.parts_total})".strip()
    return subject


def html_body(text: str, subject: str, language: str) -> str:
    lang = html.escape(_language(language))
    title = html.escape(subject)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n"
        '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;'
        'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">\n'
        f'<div role="article" aria-roledescription="email" aria-label="{title}" lang="{lang}"'
        ' style="max-width:40em">\n'
        f"{html_paragraphs(text)}\n</div>\n</body>\n</html>\n"
    )


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?…»«“”„'\""


def html_paragraphs(text: str) -> str:
    """Escaped paragraphs (a blank line apart) with line breaks, http(s) links clickable."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", _normalized(text))]
    return "\n".join(
        "<p>" + "<br>\n".join(_linked(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p.strip()
    )


def _linked(line: str) -> str:
    out: list[str] = []
    position = 0
    for match in _URL.finditer(line):
        url = _trim(match.group())
        end = match.start() + len(url)
        out.append(html.escape(line[position : match.start()]))
        href = url if "://" in url else "https://" + url
        out.append(f'<a href="{html.escape(href)}">{html.escape(url)}</a>')
        position = end
    out.append(html.escape(line[position:]))
    return "".join(out)


def _trim(url: str) -> str:
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def _normalized(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _language(language: str) -> str:
    return language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language or "") else "de"


def _filename(path: str, number: int) -> str:
    name = " ".join(PurePosixPath(path.replace("\\", "/")).name.split())
    return name or f"bild-{number}"


# -- sending ---------------------------------------------------------------------------------


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=settings.ca_file or None)
    except (OSError, ssl.SSLError) as error:
        raise permanent(
            "settings", f"cannot read the CA file {settings.ca_file}: {error}"
        ) from None


def _deliver(
    smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...], data: bytes
) -> dict[str, tuple[int, bytes]]:
    """Send in batches; returns the refused recipients. Once a batch is accepted, a later
    failure is unclear: retrying would send the message to the first batch again."""
    accepted = 0
    refused: dict[str, tuple[int, bytes]] = {}
    first: SendError | None = None
    for start in range(0, len(recipients), BATCH):
        batch = recipients[start : start + BATCH]
        try:
            refused_here = _transaction(smtp, sender, batch, data)
        except _AllRefused as error:
            refused.update(error.refused)
            first = first or error.error
            continue
        except SendError as error:
            if not accepted:
                raise
            raise unclear(
                f"accepted for {accepted} of {len(recipients)} recipients, then: {error.detail}"
            ) from None
        refused.update(refused_here)
        accepted += len(batch) - len(refused_here)
    if not accepted:
        assert first is not None
        raise first
    return refused


class _AllRefused(Exception):
    def __init__(self, refused: dict[str, tuple[int, bytes]], error: SendError):
        super().__init__(error.detail)
        self.refused = refused
        self.error = error


def _transaction(
    smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...], data: bytes
) -> dict[str, tuple[int, bytes]]:
    options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
    refused: dict[str, tuple[int, bytes]] = {}
    try:
        code, reply = smtp.mail(sender, options)
        if code != 250:
            _reset(smtp)
            raise _reply_error(code, reply)
        for recipient in recipients:
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                refused[recipient] = (code, reply)
        if len(refused) == len(recipients):
            _reset(smtp)
            raise _AllRefused(refused, _refused_error(refused))
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise transient("disconnected", f"connection lost before DATA ({_name(error)})") from None
    try:
        code, reply = smtp.data(data)
    except smtplib.SMTPDataError as error:  # DATA itself was refused: nothing was sent
        raise _reply_error(error.smtp_code, error.smtp_error) from None
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise unclear(
            f"connection lost after DATA ({_name(error)}); the server may have accepted it"
        ) from None
    if code != 250:
        raise _reply_error(code, reply)
    return refused


def _reply_error(code: int, reply: bytes | str) -> SendError:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    detail = f"SMTP {code}: {' '.join(text.split())}"
    if code in (530, 535):
        return auth(detail)
    if 400 <= code < 500 or code < 0:
        return transient("server_error", detail)
    if code == 552:
        return permanent("too_large", detail)
    return permanent("rejected", detail)


def _refused_error(refused: dict[str, tuple[int, bytes]]) -> SendError:
    codes = [code for code, _reply in refused.values()]
    code, reply = next(
        (item for item in refused.values() if 400 <= item[0] < 500), next(iter(refused.values()))
    )
    error = _reply_error(code, reply)
    prefix = f"all {len(codes)} recipients refused; "
    return SendError(error.kind, error.code, prefix + error.detail)


def _connect_error(error: BaseException, settings: SmtpSettings) -> SendError:
    where = f"{settings.host}:{settings.port}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        if 400 <= error.smtp_code < 500:
            return _reply_error(error.smtp_code, error.smtp_error)
        return auth(f"login refused by {where}: SMTP {error.smtp_code}")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return permanent("settings", f"{where}: {error}")
    if isinstance(error, smtplib.SMTPResponseException):  # greeting 421/554, STARTTLS refused
        return _reply_error(error.smtp_code, error.smtp_error)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return transient("disconnected", f"{where} closed the connection: {error}")
    if isinstance(error, smtplib.SMTPException):  # e.g. no AUTH method both sides know
        return permanent("settings", f"{where}: {error}")
    if isinstance(error, ssl.SSLCertVerificationError):
        return permanent("tls", f"certificate of {where} not trusted: {error.verify_message}")
    if isinstance(error, ssl.SSLEOFError | ssl.SSLZeroReturnError | ssl.SSLSyscallError):
        return transient("disconnected", f"{where} closed the TLS handshake")
    if isinstance(error, ssl.SSLError):  # wrong port for the security setting, old TLS
        return permanent("tls", f"TLS with {where} failed: {error.reason or error}")
    if isinstance(error, socket.gaierror):
        return offline(f"cannot resolve {settings.host}: {error.strerror}")
    if isinstance(error, ConnectionRefusedError):
        return offline(f"{where} refused the connection")
    if isinstance(error, TimeoutError):
        return offline(f"no answer from {where}")
    return offline(f"no connection to {where} ({_name(error)})")


def _reset(smtp: smtplib.SMTP) -> None:
    try:
        smtp.rset()
    except (smtplib.SMTPException, OSError):
        return


def _quit(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _name(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


CHANNEL = EmailChannel
