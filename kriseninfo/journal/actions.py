"""The kinds of journal lines."""

import enum


class Action(enum.StrEnum):
    INCIDENT_CREATED = "incident.created"
    INCIDENT_CHANGED = "incident.changed"
    INCIDENT_CLOSED = "incident.closed"
    INCIDENT_REOPENED = "incident.reopened"
    USER_CREATED = "user.created"
    USER_CHANGED = "user.changed"
    USER_LOGIN = "user.login"
    USER_LOGIN_FAILED = "user.login_failed"
    PLAYBOOK_ATTACHED = "incident.playbook_attached"
    PHASE_CHANGED = "incident.phase_changed"
    FACT_CHANGED = "incident.fact_changed"
    CHECKLIST_CHANGED = "incident.checklist_changed"
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_CHANGED = "account.changed"
    DESK_SETTING_CHANGED = "desk.setting_changed"
    SET_CREATED = "messageset.created"
    MESSAGE_EDITED = "message.edited"
    MESSAGE_SUBMITTED = "message.submitted"
    MESSAGE_RELEASED = "message.released"
    MESSAGE_RELEASE_VOIDED = "message.release_voided"
    MESSAGE_REJECTED = "message.rejected"
    RELEASE_PIN_FAILED = "release.pin_failed"
    RELEASE_LOCKED = "release.locked"
