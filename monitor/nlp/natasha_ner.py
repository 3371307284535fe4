"""Russian people, places and organisations from natasha, as spaCy entities.

No Russian spaCy pipeline can be installed, so the ``natasha_ner`` component runs
natasha's news NER (its model ships inside the package) on ``doc.text`` and aligns the
character spans to the blank Russian tokenizer's tokens. It also keeps natasha's
grammatical case of every token (``token._.natasha_case``) for name normalisation.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}

if not Token.has_extension("natasha_case"):
    Token.set_extension("natasha_case", default=None)


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding)


@Language.factory("natasha_ner", default_config={"morph": True})
def make_natasha_ner(nlp: Language, name: str, morph: bool) -> NatashaNER:
    return NatashaNER(morph)


class NatashaNER:
    def __init__(self, morph: bool) -> None:
        self.morph = morph

    def __call__(self, doc: Doc) -> Doc:
        from natasha import Doc as NatashaDoc

        segmenter, ner, morph = _models()
        ndoc = NatashaDoc(doc.text)
        ndoc.segment(segmenter)
        ndoc.tag_ner(ner)
        spans: list[Span] = []
        for nspan in ndoc.spans:
            span = doc.char_span(
                nspan.start,
                nspan.stop,
                label=LABELS.get(nspan.type, "MISC"),
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
        if self.morph:
            ndoc.tag_morph(morph)
            for ntoken in ndoc.tokens:
                case = ntoken.feats.get("Case") if ntoken.feats else None
                span = doc.char_span(ntoken.start, ntoken.stop, alignment_mode="expand")
                if span is not None and case:
                    for token in span:
                        token._.natasha_case = case
        # entities set earlier (facilities) win over natasha's
        kept = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in doc.ents)]
        doc.ents = filter_spans([*doc.ents, *kept])
        return doc
