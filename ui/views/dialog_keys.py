"""Where an item stands in the dialog feed's lists, as one 64-bit number per item.

The urgency of an item is its rank (open emergency, other open, waiting for release,
done) and its deadline. As a tuple with a float it cost 88 bytes an item; packed into
one integer it takes an 8-byte slot of an `array`, and the garbage collector has one
object less per item to look at. Items whose numbers are equal (same rank, same deadline
to the microsecond) stand in the order of their ids.
"""

from __future__ import annotations

import bisect
import operator
from array import array
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from kriseninfo.dialog.service import ItemView

RANK_SHIFT = 61
_DEADLINE_BITS = (1 << RANK_SHIFT) - 1
_ZERO = 1 << 60  # a deadline before 1970 is a negative number of microseconds
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
item_id = operator.attrgetter("id")


def micros(moment: datetime) -> int:
    """`moment.timestamp()` in whole microseconds (exactly, for an aware time)."""
    if moment.tzinfo is not None:
        return (moment - _EPOCH) // _MICROSECOND
    return round(moment.timestamp() * 1_000_000)


def pack(rank: int, deadline_us: int) -> int:
    """Ordered as (rank, deadline); ranks 0–3, any deadline a datetime can hold."""
    return (rank << RANK_SHIFT) + deadline_us + _ZERO


def rank_start(rank: int) -> int:
    """Below every key of `rank`, above every key of a lower rank."""
    return rank << RANK_SHIFT


def deadline_us(key: int) -> int:
    return (key & _DEADLINE_BITS) - _ZERO


def keys_of(values: Iterable[int] = ()) -> array[int]:
    return array("q", values)


def spot(keys: Sequence[int], items: Sequence[ItemView], key: int, wanted_id: int) -> int:
    """Where (key, id) stands in `keys` and the parallel `items`: by key, equal keys
    by id. An item already there is found at that position."""
    low = bisect.bisect_left(keys, key)
    high = bisect.bisect_right(keys, key, low)
    if high == low:
        return low
    return bisect.bisect_left(items, wanted_id, low, high, key=item_id)
