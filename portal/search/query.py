"""The search contract shared by every engine: what is asked (SearchParams) and what comes back (SearchResults).

SearchParams come from the URL through `from_querydict`, which keeps what is well formed, ignores what is not (junk
parameters, malformed or unknown facet values, an unreadable page number) and refuses what exceeds the limits in
portal/search/limits.py with SearchLimitExceeded. The text is parsed once (portal/search/parsing.py); the engines
search the parsed query, never the text.
"""

from dataclasses import dataclass, field

from django.http import QueryDict

from portal.search import limits
from portal.search.expansion import expand
from portal.search.facets import SEARCH_FACETS
from portal.search.parsing import ParsedQuery, clean, parse_query

PAGE_SIZE = 10
SORTS = ("relevans", "nyeste")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevans"
    page: int = 1
    page_size: int = PAGE_SIZE
    query: ParsedQuery | None = None  # parsed from q and expanded (synonyms, compound parts) unless given

    def __post_init__(self):
        if self.query is None:
            object.__setattr__(self, "query", expand(parse_query(self.q)))

    @classmethod
    def from_querydict(cls, data: QueryDict, known: dict[str, dict] | None = None) -> "SearchParams":
        """The parameters of a search URL. `known` (facet -> known values) drops values that name nothing; without
        it every well-formed value is kept. Raises SearchLimitExceeded past the limits."""
        filters = {}
        for facet in SEARCH_FACETS:
            chosen = list(dict.fromkeys(data.getlist(facet.name)))
            if len(chosen) > limits.MAX_VALUES_PER_FACET:
                raise limits.too_many_values(facet.label)
            names = (known or {}).get(facet.name)  # None or empty: every well-formed value
            values = tuple(v for v in chosen if facet.pattern.match(v) and (not names or v in names))
            if values:
                filters[facet.name] = values
        sort = data.get("sortering", "relevans")
        try:
            page = max(1, int(data.get("side", "1")[:12]))
        except ValueError:
            page = 1  # an unreadable page number is junk: the first page
        if page > limits.MAX_PAGE:
            raise limits.page_too_deep()
        q = data.get("q", "")
        if len(q) > 4 * limits.MAX_QUERY_CHARS:  # refused before any work is spent on it
            raise limits.too_long()
        return cls(
            q=clean(q),
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

    def without(self, facet: str) -> "SearchParams":
        """The same search without any choice in `facet`."""
        remaining = {f: values for f, values in self.filters.items() if f != facet}
        return SearchParams(q=self.q, filters=remaining, sort=self.sort, query=self.query)


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
    did_you_mean: str = ""  # the search text spelled as the index spells it, when a correction found results
    left_out: list[str] = field(default_factory=list)  # words left out to find the best matches for most words

    @property
    def pages(self) -> int:
        """Pages that can be shown: at most MAX_PAGE, however many results there are."""
        return max(1, min(-(-self.total // self.params.page_size), limits.MAX_PAGE))

    @property
    def shown(self) -> int:
        """Results that the pages can show."""
        return min(self.total, limits.MAX_PAGE * self.params.page_size)
