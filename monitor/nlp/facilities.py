"""Places of detention: a gazetteer of patterns (``data/facilities.yaml``) as a component.

The ``facility_ruler`` component runs before the statistical NER: it stores each place
in ``doc.spans["facilities"]`` (label = canonical English name) and claims the tokens
as ``FAC`` entities, so the NER can neither cut "Correctional Facility No. 13" short nor
call part of it a person.

A police office is a place of detention only where the text puts someone in it: "held
at the Nizami District Police Department" names one, "officers of the Nizami District
Police Department detained ..." does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from monitor.names import unified
from monitor.nlp.resources import FLAGS, compile_words, load_data
from monitor.nlp.sentences import doc_text

SPAN_KEY = "facilities"


@dataclass(frozen=True)
class FacilityKind:
    kind: str
    canonical: str
    pattern: re.Pattern[str]
    held_in: bool  # counts only after words that put someone in it


@dataclass(frozen=True)
class FacilityHit:
    start: int
    end: int
    canonical: str


def _prefix_groups(pattern: str, index: int) -> str:
    return _GROUP.sub(lambda m: f"(?P<g{index}_{m.group(1)}>", pattern)


_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True)
class Gazetteer:
    kinds: tuple[FacilityKind, ...]
    places: dict[str, str]
    held_in: re.Pattern[str]  # matches at the end of the text before a place


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    data = load_data("facilities.yaml")
    number = data["number"]
    kinds = []
    for entry in data["kinds"]:
        patterns = [p.replace("{number}", number) for p in entry["patterns"]]
        # each pattern's groups get a private prefix so that one regex can hold them all
        pattern = compile_words([_prefix_groups(p, i) for i, p in enumerate(patterns)], whole=True)
        if pattern is None:
            raise ValueError(f"facilities.yaml: kind {entry['kind']} has no patterns")
        kinds.append(
            FacilityKind(entry["kind"], entry["canonical"], pattern, entry.get("held_in", False))
        )
    held_in = "|".join(f"(?:{p})" for p in data["held_in"])
    return Gazetteer(
        kinds=tuple(kinds),
        places={k.lower(): v for k, v in data["places"].items()},
        held_in=re.compile(rf"(?<!\w)(?:{held_in})$", FLAGS),
    )


_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое)$")
_HELD_IN_REACH = 40  # characters before a place where the words that put someone in it stand


def _place(word: str | None, places: dict[str, str]) -> str | None:
    """A city or district as English prints it: from the table, a Latin name as it
    stands, a Russian adjective transliterated ("Кировскому" -> "Kirov")."""
    if not word:
        return None
    low = word.lower()
    for stem, english in places.items():
        if low.startswith(stem):
            return english
    if not word[:1].isupper():
        return None
    if word.isascii():
        return word
    stem = _ADJECTIVE.sub("", low)
    return unified(stem).capitalize() if stem != low else None


def find_facilities(text: str) -> list[FacilityHit]:
    """Every place of detention in ``text``, earliest kind winning overlaps."""
    gazetteer = _gazetteer()
    places = gazetteer.places
    hits: list[FacilityHit] = []
    taken: list[tuple[int, int]] = []
    for kind in gazetteer.kinds:
        for found in kind.pattern.finditer(text):
            start, end = found.span()
            if any(start < e and s < end for s, e in taken):
                continue
            before = text[max(0, start - _HELD_IN_REACH) : start]
            if kind.held_in and gazetteer.held_in.search(before) is None:
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
