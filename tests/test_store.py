import datetime as dt

import pytest
from sqlalchemy.orm import Session

from monitor.model import Article, Paragraph
from monitor.store import article_from_row, article_key, evidence_html, store_article


def make_article(**changes: object) -> Article:
    base: dict[str, object] = {
        "title": "Court extends detention of journalist",
        "paragraphs": [
            Paragraph("A Baku court extended the detention."),
            Paragraph("Earlier.", True),
        ],
        "url": "https://www.kavkaz-uzel.eu/articles/420287",
        "published": dt.datetime(2026, 1, 27, 5, 40, tzinfo=dt.UTC),
        "language": "en",
        "outlet": "kavkaz_uzel_ru",
        "edition": "ck-ru",
        "number": "420287",
    }
    base.update(changes)
    return Article(**base)  # type: ignore[arg-type]


def test_key_is_edition_and_number_whatever_mirror_served_it() -> None:
    assert article_key(make_article()) == "ck-ru:420287"
    assert (
        article_key(make_article(url="https://caucasianknot.com/articles/420287")) == "ck-ru:420287"
    )


def test_key_falls_back_to_the_url() -> None:
    article = make_article(edition=None, number=None, url="https://oc-media.org/x/")
    assert article_key(article) == "https://oc-media.org/x/"


def test_an_article_without_number_or_url_cannot_be_stored() -> None:
    with pytest.raises(ValueError, match="edition and number, or a URL"):
        article_key(make_article(edition=None, number=None, url=None))


def test_storing_twice_keeps_one_row(session: Session) -> None:
    first = store_article(session, make_article(), html=b"<html>page</html>")
    second = store_article(session, make_article(url="https://m.kavkaz-uzel.eu/articles/420287"))
    assert (first.outcome, second.outcome) == ("new", "unchanged")
    assert first.row.id == second.row.id


def test_a_changed_text_updates_the_row_and_queues_it_again(session: Session) -> None:
    row = store_article(session, make_article()).row
    row.status = "processed"
    result = store_article(session, make_article(title="Court extends detention again"))
    assert result.outcome == "updated"
    assert result.row.status == "new"


def test_the_page_is_kept_compressed_as_evidence(session: Session) -> None:
    html = "<html><body>Суд продлил арест</body></html>".encode()
    row = store_article(session, make_article(), html=html).row
    assert row.html_gz is not None and row.html_gz != html
    assert evidence_html(row) == html


def test_a_stored_row_gives_back_the_article_with_its_background_flags(session: Session) -> None:
    article = make_article()
    row = store_article(session, article).row
    session.commit()
    back = article_from_row(row)
    assert back.paragraphs == article.paragraphs
    assert back.published == article.published
    assert back.text == article.text
