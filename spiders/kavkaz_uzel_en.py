"""Caucasian Knot, English edition (www.eng.kavkaz-uzel.eu and mirrors)."""

from __future__ import annotations

from spiders.kavkaz_uzel import KavkazUzelSpider


class KavkazUzelEnSpider(KavkazUzelSpider):
    name = "kavkaz_uzel_en"
    outlet_slug = "kavkaz_uzel_en"
