"""Items looked up by height: those whose height lies within a band, in their first order.

A page's table reader asks for the spans of a band (a row, a header, the band between two
rules) hundreds of times a page; a pass over every span of the page for each band costs more
than the rest of the table. The items are sorted by height once, when first asked, and a
band's found by bisection; they come back in the order they were given, as a pass over all of
them gives them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class ByHeight(Generic[T]):
    """``items()`` by ``height(item)``, sorted when first asked. An item whose height is NaN
    is never within a band (no comparison holds for it), so it is left out."""

    __slots__ = ("_source", "_height", "_ys", "_order", "_items")

    def __init__(self, items: Callable[[], Iterable[T]], height: Callable[[T], float]) -> None:
        self._source: Callable[[], Iterable[T]] | None = items
        self._height = height
        self._ys: list[float] = []
        self._order: list[int] = []
        self._items: list[T] = []

    def _sort(self, source: Callable[[], Iterable[T]]) -> None:
        height = self._height
        kept = [(y, item) for item in source() if (y := height(item)) == y]
        order = sorted(range(len(kept)), key=lambda k: kept[k][0])  # (stable: ties keep their order)
        self._ys = [kept[k][0] for k in order]
        self._order = order
        self._items = [kept[k][1] for k in order]
        self._source = None

    def within(self, top: float, bottom: float) -> list[T]:
        """The items with ``top <= height <= bottom``, in the order they were given."""
        if self._source is not None:
            self._sort(self._source)
        if not top <= bottom:  # (NaN too: nothing lies within it)
            return []
        lo, hi = bisect_left(self._ys, top), bisect_right(self._ys, bottom)
        if hi - lo <= 1:
            return self._items[lo:hi]
        order, items = self._order, self._items
        return [items[j] for j in sorted(range(lo, hi), key=order.__getitem__)]


def of_list(items: list[T], height: Callable[[T], float]) -> ByHeight[T]:
    """:class:`ByHeight` of a list as it is now."""
    return ByHeight(lambda: items, height)
