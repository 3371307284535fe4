"""Places of detention: a gazetteer of patterns (``data/facilities.yaml``) as a component.

The ``facility_ruler`` component runs before the statistical NER: it stores each place
in ``doc.spans["facilities"]`` (label = canonical English name) and claims the tokens
as ``FAC`` entities, so the NER can neither cut "Correctional Facility No. 13" short nor
call part of it a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from monitor.nlp.resources import compile_words, load_data
from monitor.nlp.sentences import doc_text

SPAN_KEY = "facilities"


@dataclass(frozen=True)
class FacilityKind:
    kind: str
    canonical: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FacilityHit:
    start: int
    end: int
    canonical: str


def _prefix_groups(pattern: str, index: int) -> str:
    return _GROUP.sub(lambda m: f"(?P<g{index}_{m.group(1)}>", pattern)


_GROUP = re.compile(r"\(\?P<(\w+)>")


@lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[FacilityKind, ...], dict[str, str]]:
    data = load_data("facilities.yaml")
    number = data["number"]
    kinds = []
    for entry in data["kinds"]:
        patterns = [p.replace("{number}", number) for p in entry["patterns"]]
        # each pattern's groups get a private prefix so that one regex can hold them all
        pattern = compile_words([_prefix_groups(p, i) for i, p in enumerate(patterns)], whole=True)
        if pattern is None:
            raise ValueError(f"facilities.yaml: kind {entry['kind']} has no patterns")
        kinds.append(FacilityKind(entry["kind"], entry["canonical"], pattern))
    return tuple(kinds), {k.lower(): v for k, v in data["places"].items()}


def _place(word: str | None, places: dict[str, str]) -> str | None:
    if not word:
        return None
    low = word.lower()
    for stem, english in places.items():
        if low.startswith(stem):
            return english
    return word if word[:1].isupper() and word.isascii() else None


def find_facilities(text: str) -> list[FacilityHit]:
    """Every place of detention in ``text``, earliest kind winning overlaps."""
    kinds, places = _kinds()
    hits: list[FacilityHit] = []
    taken: list[tuple[int, int]] = []
    for kind in kinds:
        for found in kind.pattern.finditer(text):
            start, end = found.span()
            if any(start < e and s < end for s, e in taken):
                continue
            groups = {
                name.split("_", 1)[1]: value
                for name, value in found.groupdict().items()
                if value is not None
            }
            city = _place(groups.get("city"), places)
            district = _place(groups.get("district"), places)
            canonical = kind.canonical.format(
                n=str(int(groups["n"])) if "n" in groups else "",
                city_prefix=f"{city} " if city else "",
                district_suffix=f" of the {district} District" if district else "",
            )
            taken.append((start, end))
            hits.append(FacilityHit(start, end, canonical))
    return sorted(hits, key=lambda hit: hit.start)


@Language.factory("facility_ruler", default_config={"claim_entities": True})
def make_facility_ruler(nlp: Language, name: str, claim_entities: bool) -> FacilityRuler:
    return FacilityRuler(claim_entities)


class FacilityRuler:
    def __init__(self, claim_entities: bool) -> None:
        self.claim_entities = claim_entities

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for hit in find_facilities(doc_text(doc)):
            span = doc.char_span(hit.start, hit.end, label=hit.canonical, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        if self.claim_entities and spans:
            claimed = [Span(doc, s.start, s.end, label="FAC") for s in spans]
            doc.ents = filter_spans([*claimed, *doc.ents])
        return doc
