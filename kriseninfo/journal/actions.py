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
