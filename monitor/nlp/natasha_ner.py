"""Russian people, places and organisations from natasha, as spaCy entities.

No Russian spaCy pipeline can be installed, so the ``natasha_ner`` component runs
natasha's news NER (its model ships inside the package) on ``doc.text`` and aligns the
character spans to the blank Russian tokenizer's tokens. It also keeps natasha's
grammatical case and gender of every token (``token._.natasha_case``,
``token._.natasha_gender``) for name normalisation and pronoun reference. Each line
(title, paragraph) is read on its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}

for _extension in ("natasha_case", "natasha_gender"):
    if not Token.has_extension(_extension):
        Token.set_extension(_extension, default=None)


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding)


@lru_cache(maxsize=1)
def _vocabulary() -> Any:
    import warnings

    from natasha import MorphVocab

    with warnings.catch_warnings():  # pymorphy2 still imports pkg_resources
        warnings.simplefilter("ignore", UserWarning)
        return MorphVocab()


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=4096)
def is_common_noun(word: str) -> bool:
    """A dictionary word that is never a name ("Активиста", "Богослова", but not "Роза"
    nor an unknown foreign name such as "Тофига")."""
    parses = _vocabulary().parse(word.lower())
    return bool(parses) and all(
        p.is_known
        and "NOUN" in p.tag
        and not NAME_GRAMMEMES & set(str(p.tag).replace(" ", ",").split(","))
        for p in parses
    )


def _without_common_noun(span: Span) -> Span | None:
    """ "Активиста Бахтияра Гаджиева" as natasha may tag it: the description opening a
    line or sentence is no part of the name."""
    start = span.start
    while (
        start < span.end - 1 and span.doc[start].is_alpha and is_common_noun(span.doc[start].text)
    ):
        start += 1
    if start == span.start:
        return span
    return Span(span.doc, start, span.end, label=span.label_)


@Language.factory("natasha_ner", default_config={"morph": True})
def make_natasha_ner(nlp: Language, name: str, morph: bool) -> NatashaNER:
    return NatashaNER(morph)


class NatashaNER:
    def __init__(self, morph: bool) -> None:
        self.morph = morph

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        offset = 0
        for line in doc.text.split("\n"):
            if line.strip():
                spans.extend(self._line(doc, line, offset))
            offset += len(line) + 1
        # entities set earlier (facilities) win over natasha's
        kept = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in doc.ents)]
        doc.ents = filter_spans([*doc.ents, *kept])
        return doc

    def _line(self, doc: Doc, line: str, offset: int) -> list[Span]:
        """One line (title or paragraph) on its own: natasha would run an unpunctuated
        title into the first sentence and read the name after it as a genitive."""
        from natasha import Doc as NatashaDoc

        segmenter, ner, morph = _models()
        ndoc = NatashaDoc(line)
        ndoc.segment(segmenter)
        ndoc.tag_ner(ner)
        spans: list[Span] = []
        for nspan in ndoc.spans:
            span = doc.char_span(
                offset + nspan.start,
                offset + nspan.stop,
                label=LABELS.get(nspan.type, "MISC"),
                alignment_mode="expand",
            )
            if span is not None and span.label_ == "PER":
                span = _without_common_noun(span)
            if span is not None:
                spans.append(span)
        if self.morph:
            ndoc.tag_morph(morph)
            for ntoken in ndoc.tokens:
                feats = ntoken.feats or {}
                if not feats.get("Case") and not feats.get("Gender"):
                    continue
                span = doc.char_span(
                    offset + ntoken.start, offset + ntoken.stop, alignment_mode="expand"
                )
                if span is not None:
                    for token in span:
                        token._.natasha_case = feats.get("Case")
                        token._.natasha_gender = feats.get("Gender")
        return spans
