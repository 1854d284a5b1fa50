"""The dialog feed's search: which items' texts contain a word, for 100,000 items.

Texts are stored casefolded, a block of items joined into one string with where each
starts, instead of one string per item (whose header alone is 49–80 bytes). A block
holds texts of one character width only: one emoji among them would otherwise store
the whole block at four bytes a character.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

BLOCK = 256  # texts per joined string
SEPARATOR = "\n"


@dataclass(slots=True)
class _Block:
    text: str  # the texts, each followed by SEPARATOR but the last
    starts: array[int]  # where each text starts, and len(text) + 1
    keys: array[int]


def _block(keys: Iterable[int], texts: list[str]) -> _Block:
    starts = array("I", [0])
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    return _Block(SEPARATOR.join(texts), starts, array("q", keys))


def _width(text: str) -> int:
    """Bytes per character Python stores `text` with."""
    if text.isascii():
        return 1
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return 2 if max(text) <= "\uffff" else 4
    return 1


class TextIndex:
    """Texts by an integer key; `find` gives the keys whose text contains a string.

    Texts go in as they are: callers casefold both the texts and the words."""

    def __init__(self, block: int = BLOCK) -> None:
        self._size = block
        self._blocks: list[_Block] = []
        #: Per character width, texts not yet joined into a block.
        self._open: dict[int, tuple[list[int], list[str]]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, key: int, text: str) -> None:
        """A new key (each key is added once; a changed text goes to `replace`)."""
        keys, texts = self._open.setdefault(_width(text), ([], []))
        keys.append(key)
        texts.append(text)
        self._count += 1
        if len(keys) >= self._size:
            self._blocks.append(_block(keys, texts))
            keys.clear()
            texts.clear()

    def replace(self, key: int, text: str) -> None:
        """The text of a key changed (rare: the whole block is joined again)."""
        for keys, texts in self._open.values():
            if key in keys:
                texts[keys.index(key)] = text
                return
        for number, block in enumerate(self._blocks):
            if key in block.keys:
                at = block.keys.index(key)
                texts = [
                    block.text[start : end - 1]
                    for start, end in zip(block.starts, block.starts[1:], strict=False)
                ]
                texts[at] = text
                self._blocks[number] = _block(block.keys, texts)
                return
        raise KeyError(key)

    def find(self, word: str) -> set[int]:
        """The keys whose text contains `word`."""
        found: set[int] = set()
        for keys, texts in self._open.values():
            found.update(key for key, text in zip(keys, texts, strict=True) if word in text)
        size = len(word)
        for block in self._blocks:
            text, starts, block_keys = block.text, block.starts, block.keys
            at = text.find(word)
            while at >= 0:
                number = bisect.bisect_right(starts, at) - 1
                after = starts[number + 1]  # the next text's start, past a separator
                if at + size < after:  # within the text (not across a separator)
                    found.add(block_keys[number])
                    at = text.find(word, after)
                else:
                    at = text.find(word, at + 1)
        return found

    def find_all(self, words: Iterable[str]) -> set[int] | None:
        """The keys whose text contains every word; None for no words (all keys)."""
        result: set[int] | None = None
        for word in words:
            found = self.find(word)
            result = found if result is None else result & found
            if not result:
                return result
        return result
