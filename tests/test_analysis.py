"""When an analysis counts an article as relevant."""

from __future__ import annotations

from monitor.analysis import Analysis
from monitor.model import Article, EventMention, Extraction, Match, Paragraph, PersonMention, Role


def analysis(role: Role, *events: EventMention) -> Analysis:
    article = Article(title="Party congress", paragraphs=[Paragraph("Nothing custodial.")])
    people = [PersonMention(name="Arif Hajili", normalized="Arif Hajili", role=role)]
    extraction = Extraction(language="en", relevant=False, people=people, events=list(events))
    return Analysis(article, extraction, [Match("hajili-arif", 0.85, "match")])


def test_a_known_case_matched_at_a_press_conference_does_not_make_the_article_relevant() -> None:
    assert not analysis("other").relevant


def test_a_known_case_named_as_a_prisoner_makes_the_article_relevant() -> None:
    assert analysis("detainee").relevant


def test_a_known_case_matched_in_an_article_reporting_custody_makes_it_relevant() -> None:
    arrest = EventMention(type="arrest", sentence="He was detained.", start=0, end=5, person=None)
    assert analysis("other", arrest).relevant
