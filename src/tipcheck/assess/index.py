"""Position indexes for the judgements: which hits start in a range, which spans cover an offset.

A whole code holds thousands of provisions and hundreds of thousands of hits; the judgements ask, for
every hit, about the hits and provisions around it. Answering each question by scanning every hit made
the analysis quadratic (a 1 MB statute took half a minute, 200 MB would never end). These indexes
answer the same questions in logarithmic time and return exactly what the scans returned, in the
same order (the tests compare reports before and after on every statute we have).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

_BUCKET = 4096   # characters per bucket of a SpanLookup


class Starts:
    """The items of one list (anything with .start), queried by start offset in the list's own order."""

    __slots__ = ("items", "starts", "order", "longest")

    def __init__(self, items: Sequence):
        self.items = items
        self.longest = max((it.end - it.start for it in items), default=0)
        order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.order = None if order == list(range(len(items))) else order   # None: already sorted
        self.starts = [items[i].start for i in (order if self.order else range(len(items)))]

    def between(self, lo: int, hi: int) -> list:
        """Items with lo <= start < hi, in list order."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        if a >= b:
            return []
        if self.order is None:
            return list(self.items[a:b])
        return [self.items[i] for i in sorted(self.order[a:b])]

    def in_any(self, spans) -> list:
        """Items starting inside any of the spans, each once, in list order."""
        if self.order is None:
            picked = set()
            for lo, hi in spans:
                picked.update(range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)))
            return [self.items[i] for i in sorted(picked)]
        picked = set()
        for lo, hi in spans:
            picked.update(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])
        return [self.items[i] for i in sorted(picked)]


class Cover:
    """Whether any (start, end) span contains an offset: starts sorted, with the furthest end so far."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach, furthest = [], None
        for _, b in ordered:
            furthest = b if furthest is None or b > furthest else furthest
            self.reach.append(furthest)

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


class SpanLookup:
    """The first item (in list order) whose [start, end) holds an offset, from buckets of the text."""

    __slots__ = ("items", "buckets")

    def __init__(self, items: Sequence):
        self.items = items
        self.buckets: dict[int, list[int]] = {}
        for i, it in enumerate(items):
            if it.end > it.start:
                for b in range(it.start // _BUCKET, (it.end - 1) // _BUCKET + 1):
                    self.buckets.setdefault(b, []).append(i)

    def first(self, offset: int):
        for i in self.buckets.get(offset // _BUCKET, ()):
            it = self.items[i]
            if it.start <= offset < it.end:
                return it
        return None
