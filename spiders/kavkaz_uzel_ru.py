"""Caucasian Knot, Russian edition (www.kavkaz-uzel.eu and mirrors)."""

from __future__ import annotations

from spiders.kavkaz_uzel import KavkazUzelSpider


class KavkazUzelRuSpider(KavkazUzelSpider):
    name = "kavkaz_uzel_ru"
    outlet_slug = "kavkaz_uzel_ru"
