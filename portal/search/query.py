"""The search contract shared by every engine: what is asked (SearchParams) and what comes back (SearchResults)."""

import re
from dataclasses import dataclass, field

from django.http import QueryDict

from portal.search.documents import FACETS

PAGE_SIZE = 10
SORTS = ("relevans", "nyeste")
PARAM_NAMES = {
    "maalgruppe": "maalgruppe",
    "metode": "metode",
    "region": "region",
    "jobcenter": "jobcenter",
    "type": "type",
    "aar": "aar",
}
SLUG = re.compile(r"^[-\w]{1,120}$")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevans"
    page: int = 1
    page_size: int = PAGE_SIZE

    @classmethod
    def from_querydict(cls, data: QueryDict) -> "SearchParams":
        filters = {}
        for facet in FACETS:
            values = tuple(dict.fromkeys(v for v in data.getlist(facet) if SLUG.match(v)))
            if values:
                filters[facet] = values
        sort = data.get("sortering", "relevans")
        try:
            page = max(1, min(int(data.get("side", 1)), 1000))
        except ValueError:
            page = 1
        return cls(
            q=" ".join(data.get("q", "").split())[:200],
            filters=filters,
            sort=sort if sort in SORTS else "relevans",
            page=page,
        )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def querystring(self, **changes) -> str:
        """The shareable query string for these parameters with `changes` applied (None removes)."""
        data = QueryDict(mutable=True)
        if self.q:
            data["q"] = self.q
        for facet, values in self.filters.items():
            data.setlist(facet, list(values))
        if self.sort != "relevans":
            data["sortering"] = self.sort
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            elif isinstance(value, list | tuple):
                data.setlist(key, list(value))
            else:
                data[key] = str(value)
        return data.urlencode()

    def without(self, facet: str, value: str) -> "SearchParams":
        remaining = {f: tuple(v for v in vs if not (f == facet and v == value)) for f, vs in self.filters.items()}
        return SearchParams(q=self.q, filters={f: v for f, v in remaining.items() if v}, sort=self.sort)


@dataclass
class Hit:
    page_id: int
    type: str
    title: str
    url: str
    snippet_html: str
    display: dict


@dataclass
class SearchResults:
    params: SearchParams
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet -> value -> count (disjunctive)
    engine: str
    notice: str = ""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.page_size))
