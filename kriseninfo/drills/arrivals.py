"""How a drill's inject arrives: as a dialog item from an "Übung · <channel>" source,
answerable on its channel when the desk has an account of that platform (the answer
then goes to the Übungs-Timeline, like everything of a drill)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.counting.platforms import Platform
from kriseninfo.playbooks.kinds import InjectChannel
from kriseninfo.storage.models import ChannelAccount, DialogItem, Drill, DrillInject, FeedSource
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.service import first_guess

DRILL_SOURCE = "drill"  # FeedSource.kind of the injects' sources (never polled)

CHANNEL_NAMES = {
    InjectChannel.MASTODON: "Mastodon",
    InjectChannel.BLUESKY: "Bluesky",
    InjectChannel.FACEBOOK: "Facebook",
    InjectChannel.INSTAGRAM: "Instagram",
    InjectChannel.X: "X",
    InjectChannel.TELEGRAM: "Telegram",
    InjectChannel.WHATSAPP: "WhatsApp",
    InjectChannel.EMAIL: "E-Mail",
    InjectChannel.HOTLINE: "Bürgertelefon",
    InjectChannel.WEBSITE: "Website",
    InjectChannel.PRESS: "Presse",
}
#: Injects from these channels can be answered there (in the Übungs-Timeline) when the
#: desk has an account of that platform.
_REPLY_PLATFORMS = {
    InjectChannel.MASTODON: Platform.MASTODON,
    InjectChannel.BLUESKY: Platform.BLUESKY,
    InjectChannel.FACEBOOK: Platform.FACEBOOK,
    InjectChannel.INSTAGRAM: Platform.INSTAGRAM,
    InjectChannel.X: Platform.X,
    InjectChannel.TELEGRAM: Platform.TELEGRAM,
}


def _source(session: Session, incident_id: int, channel: InjectChannel, now: datetime) -> int:
    name = f"Übung · {CHANNEL_NAMES[channel]}"
    found = session.scalar(
        select(FeedSource.id).where(
            FeedSource.incident_id == incident_id,
            FeedSource.kind == DRILL_SOURCE,
            FeedSource.name == name,
        )
    )
    if found is not None:
        return found
    row = FeedSource(
        incident_id=incident_id,
        kind=DRILL_SOURCE,
        name=name,
        address="",
        interval_s=60,
        enabled=False,  # injects arrive by the drill clock, nothing is polled
        next_poll_at=now,
        created_at=now,
        etag="",
        modified="",
        failures=0,
        last_error="",
        warning="",
        items_seen=0,
        cursor="",
    )
    session.add(row)
    session.flush()
    return row.id


def _reply_account(session: Session, incident_id: int, channel: InjectChannel) -> int | None:
    platform = _REPLY_PLATFORMS.get(channel)
    if platform is None:
        return None
    return session.scalar(
        select(ChannelAccount.id)
        .where(
            ChannelAccount.platform == platform.value,
            ChannelAccount.enabled,
            (ChannelAccount.incident_id == incident_id) | ChannelAccount.incident_id.is_(None),
        )
        .order_by(ChannelAccount.id)
        .limit(1)
    )


def arrive(
    session: Session, drill: Drill, inject: DrillInject, now: datetime, triage: Triage
) -> DialogItem:
    channel = InjectChannel(inject.channel)
    account_id = _reply_account(session, drill.incident_id, channel)
    item = DialogItem(
        incident_id=drill.incident_id,
        source_id=_source(session, drill.incident_id, channel, now),
        dedupe_key=f"drill-inject:{inject.id}",
        external_id=f"uebung:inject:{inject.id}",
        author=inject.author,
        title="",
        text=inject.text,
        link="",
        in_reply_to="",
        published_at=now,
        received_at=now,
        **first_guess(triage, "", inject.text),  # a suggestion; the desk decides
        state="offen",
        updated_at=now,
        account_id=account_id,
        reply_ref=f"uebung:inject:{inject.id}" if account_id is not None else "",
    )
    session.add(item)
    session.flush()
    return item
