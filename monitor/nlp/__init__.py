"""Extraction stage: people, places of detention, charges and developments (spaCy)."""

from monitor.nlp.extractor import Extractor
from monitor.nlp.language import detect_language

__all__ = ["Extractor", "detect_language"]
