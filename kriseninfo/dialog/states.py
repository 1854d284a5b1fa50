"""Where an item of the dialog feed stands."""

from __future__ import annotations

import enum


class ItemState(enum.StrEnum):
    OFFEN = "offen"  # nobody has it yet
    IN_ARBEIT = "in_arbeit"  # "Ich übernehme": a colleague answers it
    IN_FREIGABE = "in_freigabe"  # the answer waits for a second person's release
    BEANTWORTET = "beantwortet"  # answered (sent, queued to send, or given by hand)
    ERLEDIGT = "erledigt"  # needs no answer

    @property
    def is_open(self) -> bool:
        """Still waiting for an answer: counted against the response target."""
        return self in (ItemState.OFFEN, ItemState.IN_ARBEIT)
