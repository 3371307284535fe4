import datetime as dt
from pathlib import Path

from monitor.article_files import (
    ArticleFileError,
    expand_paths,
    parse_text_article,
    read_articles,
    split_header,
)

FILE = """SOURCE_URL: https://www.kavkaz-uzel.eu/articles/400001
DATE: 2025-03-04
OUTLET: Caucasian Knot
LANG: ru
NOTE: written for the tests

Суд продлил арест активисту
08:40, 4 марта 2025
Сегодня суд в Баку продлил срок ареста активисту.
Как писал "Кавказский узел", активиста задержали в декабре.
Автор: Корреспондент; источник: корреспондент "Кавказского узла"
Все новости
08:10, 4 марта 2025
Другая новость о погоде
"""


def test_header_keys_are_read_case_insensitively_and_unknown_ones_ignored() -> None:
    header, rest = split_header("url: https://x.org/a\nnote: ignored\n\nTitle\nBody")
    assert header == {"url": "https://x.org/a"}
    assert rest.startswith("Title")


def test_a_file_without_header_starts_with_its_title() -> None:
    article = parse_text_article("Just a title: with a colon\n\nAnd a body.")
    assert article.title == "Just a title: with a colon"
    assert article.url is None


def test_title_body_date_and_language_come_from_the_file() -> None:
    article = parse_text_article(FILE)
    assert article.title == "Суд продлил арест активисту"
    assert article.url == "https://www.kavkaz-uzel.eu/articles/400001"
    assert article.published == dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
    assert article.language == "ru"


def test_boilerplate_is_dropped_and_the_sidebar_cut() -> None:
    body = parse_text_article(FILE).body
    assert "08:40" not in body
    assert "Автор" not in body
    assert "погоде" not in body


def test_the_recap_paragraph_is_marked_as_background() -> None:
    paragraphs = parse_text_article(FILE).paragraphs
    assert [p.background for p in paragraphs] == [False, True]


def test_a_partial_date_counts_as_undated() -> None:
    assert parse_text_article("DATE: 2026-01\n\nTitle\nBody").published is None


def test_folders_expand_to_article_files_sorted_by_name(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "c.json", "d.htm"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.html", "b.txt", "d.htm"]


def test_unreadable_files_give_errors_and_the_rest_still_come(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    (tmp_path / "b.txt").write_text("\n\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Title\nBody", encoding="utf-8")
    results = dict(read_articles([tmp_path]))
    assert isinstance(results[tmp_path / "a.txt"], ArticleFileError)
    assert "not UTF-8" in str(results[tmp_path / "a.txt"])
    assert isinstance(results[tmp_path / "b.txt"], ArticleFileError)
    assert not isinstance(results[tmp_path / "c.txt"], ArticleFileError)


SAVED_PAGE = """SOURCE_URL: https://www.kavkaz-uzel.eu/articles/400002
LANG: ru

×

Кавказский узел

Скачайте приложение — читайте без VPN!
Скачать Скачать
11:20, 6 марта 2025

Блогера из Гянджи отправили под арест
НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН ИНОСТРАННЫМ АГЕНТОМ
Суд в Гяндже сегодня отправил под арест на четыре месяца блогера Тахира Рустамова.
"""


def test_a_page_saved_whole_has_its_headline_after_the_masthead_and_banner() -> None:
    article = parse_text_article(SAVED_PAGE)
    assert article.title == "Блогера из Гянджи отправили под арест"
    assert [p.text[:20] for p in article.paragraphs] == ["Суд в Гяндже сегодня"]


def test_a_stored_copys_date_stamp_is_no_part_of_the_headline() -> None:
    article = parse_text_article(" date 2025-03-06 Блогера из Гянджи отправили под арест\nТекст.")
    assert article.title == "Блогера из Гянджи отправили под арест"


def test_another_storys_teaser_above_a_membership_appeal_is_not_the_article() -> None:
    page = (
        "Explainer | How the mountain road was rebuilt\n"
        "Engineers spent two summers on the pass.\n"
        "Small outlets like ours need you. Small news outlets like ours could be the first "
        "to close. Help us stay independent.\n"
        "Become a memberA court in Lankaran remanded scholar Rauf Talibov for four months.\n"
    )
    article = parse_text_article(page)
    assert article.title == "A court in Lankaran remanded scholar Rauf Talibov for four months."
    assert article.paragraphs == []


def test_photo_captions_and_reading_meta_are_not_headlines() -> None:
    page = (
        "Rauf Talibov\nRauf Talibov\n"
        "Rauf Talibov outside the court. (Facebook/RaufTalibov)\n"
        "• 3 дня назад\n• 2 мин. чтения\n"
        "Scholar remanded in Lankaran\n"
        "A court in Lankaran remanded scholar Rauf Talibov for four months.\n"
    )
    article = parse_text_article(page)
    assert article.title == "Scholar remanded in Lankaran"
    assert [p.text for p in article.paragraphs] == [
        "A court in Lankaran remanded scholar Rauf Talibov for four months."
    ]


def test_another_storys_headline_printed_twice_by_a_ticker_is_not_the_headline() -> None:
    page = (
        "EUR 1.9500\n"
        "Verdict for Rauf Talibov and others\n"
        "Verdict for Rauf Talibov and others\n"
        "Will water bills rise in Ganja?\n"
        "Residents of Ganja fear that water bills will double next year.\n"
    )
    article = parse_text_article(page)
    assert article.title == "Will water bills rise in Ganja?"
    assert "Talibov" not in article.text


def test_a_headline_printed_twice_above_its_own_first_paragraph_stays() -> None:
    page = (
        "Scholar remanded in the Lankaran court\n"
        "Scholar remanded in the Lankaran court\n"
        "A court in Lankaran remanded scholar Rauf Talibov for four months.\n"
    )
    assert parse_text_article(page).title == "Scholar remanded in the Lankaran court"
