"""Counting and paging that cost the same however many rows there are.

``COUNT(*)`` over the claims table reads every row: hundreds of thousands at
newsroom scale, on every cache miss of every list. Here a count stops at
``COUNT_LIMIT + 1`` rows, one bounded query. The site's lists say "more than
10000" past it; the API keeps paging past it (``OpenPaginator``), so no row
is out of a client's reach.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_LIMIT = 10_000


def bounded_count(queryset: QuerySet) -> int:
    """The number of rows, or COUNT_LIMIT + 1 when there are more (one bounded query)."""
    return queryset.order_by()[: COUNT_LIMIT + 1].count()


def tally(queryset: QuerySet) -> str:
    n = bounded_count(queryset)
    return f"{COUNT_LIMIT}+" if n > COUNT_LIMIT else str(n)


class BoundedPaginator(Paginator):
    """A paginator that counts at most COUNT_LIMIT + 1 rows; past them, readers narrow
    with the filters or search instead of paging on."""

    @cached_property
    def count(self) -> int:
        return bounded_count(self.object_list)

    @property
    def more(self) -> bool:
        return self.count > COUNT_LIMIT


class OpenPage(Page):
    """A page past the counted rows: whether another follows is known by reading one more row."""

    def __init__(self, rows: list[Any], number: int, paginator: Paginator, more: bool) -> None:
        super().__init__(rows, number, paginator)
        self._more = more

    def has_next(self) -> bool:
        return self._more


class OpenPaginator(BoundedPaginator):
    """``BoundedPaginator`` whose pages go on past the count limit, as far as rows do.

    Up to the limit it is Django's paginator. Past it, page N is rows
    ``(N-1)*size`` to ``N*size`` plus one row that says whether page N+1 exists;
    a page with no rows is ``EmptyPage`` (a 404 in the API), as it is below the limit.
    """

    def validate_number(self, number: Any) -> int:
        if not self.more:
            return super().validate_number(number)
        try:
            value = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger("That page number is not an integer") from exc
        if value < 1:
            raise EmptyPage("That page number is less than 1")
        return value

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.more or bottom + self.per_page <= COUNT_LIMIT:
            return super().page(number)
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage("That page contains no results")
        return OpenPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)
