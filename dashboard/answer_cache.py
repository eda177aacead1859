"""Callback answers kept per process, bounded in bytes.

Every server-side callback here is a pure function of its request and of the data, so an
answer is kept under (data version, hash of the request body). New data has a new version:
old answers are never served for it. Counting entries would not bound memory: answers range
from 1 kB to hundreds of kB, and a crafted request can choose its answer's size. So the cache
counts bytes (CMA_CACHE_BYTES, see dashboard.server) and does not keep an answer larger than
a 32nd of it: one huge answer cannot push out the many small ones.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

# What a key (a version string and a 64-character digest) and the dict slot cost beyond the
# answer's bytes; an estimate, so that many tiny answers are not counted as free.
ENTRY_OVERHEAD = 256
LARGEST_SHARE = 32


class AnswerCache:
    """A thread-safe LRU of callback answers, holding at most `max_bytes` of them."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // LARGEST_SHARE
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Bytes held, with the per-entry overhead."""
        return self._size

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: bytes) -> bool:
        """Keep `value` unless it is too large to cache; whether it was kept."""
        cost = len(value) + ENTRY_OVERHEAD
        if cost > self.max_entry_bytes:
            return False
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old) + ENTRY_OVERHEAD
            self._items[key] = value
            self._size += cost
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped) + ENTRY_OVERHEAD
            return True
