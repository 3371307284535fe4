"""Roles of a person's mentions from cue words around them (``data/roles.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from monitor.model import Role
from monitor.nlp.resources import load_data

_BEFORE = 4
_AFTER = 4
CUE_ROLES: tuple[Role, ...] = ("lawyer", "relative", "official")


_ROLE_KEYS = (*CUE_ROLES, "detainee")
Cues = tuple[frozenset[str], tuple[str, ...]]


@lru_cache(maxsize=1)
def _cues() -> dict[str, Cues]:
    """Per role (and for ``former``): English words (exact) and Russian stems (prefixes)."""
    data = load_data("roles.yaml")
    return {
        key: (
            frozenset(w.lower() for w in data[key]["en"]),
            tuple(w.lower() for w in data[key]["ru"]),
        )
        for key in (*_ROLE_KEYS, "former", "punishing")
    }


@lru_cache(maxsize=1)
def _siblings() -> frozenset[str]:
    entry = load_data("roles.yaml")["siblings"]
    return frozenset(w.lower() for w in [*entry["en"], *entry["ru"]])


def _is(cues: Cues, word: str) -> bool:
    english, russian = cues
    low = word.lower().strip("'’")
    return low in english or bool(russian and low.startswith(russian))


def cue_role(word: str) -> str | None:
    cues = _cues()
    return next((role for role in _ROLE_KEYS if _is(cues[role], word)), None)


def mention_role(doc: Doc, span: Span, taken: set[int], sent: Span | None = None) -> Role | None:
    """The role cue words give one mention, or None when they say nothing.

    ``taken`` holds the token indexes of all person mentions: a cue never reaches past
    another person's name. A cue before the name is an apposition ("his lawyer Elchin
    Sadigov", "адвокат Эльчин Садыгов"), not a possessor ("the lawyer of Sadigov",
    "защитники Мамедова": a Russian cue and name that disagree in case), and a cue set
    off by a comma must be closed by one ("his lawyer, Sadigov, said", not "according
    to the lawyer, Tairov and ...").
    """
    sent = sent if sent is not None else span.sent
    if is_punished(doc, span, sent):
        return "detainee"  # "the court sentenced Ruslan Kutaev, the President of ..."
    inside = cue_role(doc[span.start].text)
    if len(span) > 1 and inside in CUE_ROLES:
        return inside  # "Lawyer Samira Agayeva told ...": the NER kept the title
    blocked = taken.difference(range(span.start, span.end))
    possessor = _cue_before_possessor(doc, span, blocked, sent)
    if possessor is not None:
        return possessor
    comma = False
    if _official_title(doc, span.start, blocked, sent.start):
        return "official"  # "Deputy Foreign Minister of Azerbaijan Elnur Mammadov"
    for i in range(span.start - 1, max(sent.start, span.start - _BEFORE) - 1, -1):
        token = doc[i]
        low = token.lower_
        if i in blocked or token.text in (".", ";", ":", "(") or low in _BREAK_WORDS:
            break
        if _is_verb_like(doc, i) or low.endswith("ed"):
            break
        comma = comma or token.text == ","
        role = cue_role(token.text)
        if role not in CUE_ROLES or (i > 0 and doc[i - 1].text == "-"):
            continue  # "editor-in-chief" is no official
        if role == "official" and _former(doc, i, sent.start):
            continue  # "former Foreign Minister David Babayan" is tried, not trying
        if role == "relative" and _siblings_themselves(doc, i):
            continue  # "the two brothers, Ismail Isaev and ..." are the brothers
        if comma and not _closed(doc, span.end, sent.end):
            continue
        if not _agrees(token, doc[span.start]):
            continue
        if i == span.start - 1 and len(span) == 1 and _oblique(token):
            continue  # "по словам адвоката Джабраиловой": her lawyer's words, or hers?
        if role == "relative" and i == span.start - 1 and _possessive_kinship(doc, i):
            continue  # "дочь Тофига Ягублу" is Yagublu's daughter, not Yagublu
        return role
    end = span.end
    if end < sent.end and doc[end].text == ",":
        for i in range(end + 1, min(sent.end, end + 1 + _AFTER)):
            if i in blocked and i + 1 < sent.end and doc[i + 1].lower_ in ("'s", "’s"):
                continue  # "Javad Javadov, Gasimova's lawyer, said"
            if i in blocked or doc[i].text in (",", ".", ";") or _is_verb_like(doc, i):
                break  # "X, рассказала дочь Y": a new clause, not an apposition to X
            if doc[i].lower_ in _BREAK_WORDS:
                break  # "X, and former Foreign Minister Y": the next item of a list
            role = cue_role(doc[i].text)
            if role is not None and _is_verb_like(doc, i + 1):
                return None  # "against Orujov, his lawyer reported": the cue is a subject
            if role in CUE_ROLES:
                return role
            if role == "detainee":
                return "detainee"
    return None


_PASSIVE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "being", "be"})
_PERFECT = frozenset({"has", "have", "had"})  # "the judge has sentenced": active, no passive


def is_punished(doc: Doc, span: Span, sent: Span) -> bool:
    """Whether the name is the object of a ``punishing`` verb right before it ("the court
    sentenced X") or the subject of one in the passive right after it ("X was sentenced",
    "X has been detained")."""
    punishing = _cues()["punishing"]
    if span.start > sent.start and _is(punishing, doc[span.start - 1].text):
        return True
    after = span.end
    while after < sent.end and after - span.end < 3 and doc[after].lower_ in _PASSIVE:
        after += 1
    return (
        after > span.end
        and after < sent.end
        and doc[after - 1].lower_ not in _PERFECT
        and _is(punishing, doc[after].text)
    )


def _cue_before_possessor(doc: Doc, span: Span, blocked: set[int], sent: Span) -> Role | None:
    """ "Супруга Велиева Севиндж Велиева", "адвокат Мамедова Эльчин Садыгов": a Russian
    cue, another person's name in the genitive, then this name: the cue is this one's."""
    i = span.start - 1
    run = 0
    while i >= sent.start and i in blocked and run < 3:
        i, run = i - 1, run + 1
    if run == 0 or i < sent.start or not _cyrillic(doc[i].text):
        return None
    role = cue_role(doc[i].text)
    return role if role in CUE_ROLES else None


_FORMER_REACH = 3  # "former Ingushetia interior minister": the word may stand this far before


def _former(doc: Doc, cue: int, sent_start: int) -> bool:
    """A ``former`` word among the few words before an official's title."""
    for i in range(cue - 1, max(sent_start, cue - _FORMER_REACH) - 1, -1):
        if doc[i].is_punct and doc[i].text != "-":
            return False
        if _is(_cues()["former"], doc[i].text):
            return True
    return False


_TITLE_REACH = 10  # "министра образования, науки, культуры и спорта Армении": its length


def _official_title(doc: Doc, name_start: int, blocked: set[int], sent_start: int) -> bool:
    """An official's title whose complement runs up to the name: "Deputy Foreign
    Minister of Azerbaijan Elnur Mammadov", "министра образования, науки, культуры и
    спорта Армении Араика Арутюняна". The word before the name is a capitalised place or
    body; between it and the title stand only its complement's words (no verb, no other
    person, no punctuation but commas). Not "the lawyer of Sadigov", "jailed journalist X"."""
    before = name_start - 1
    if before <= sent_start or before in blocked or not doc[before].text[:1].isupper():
        return False
    if cue_role(doc[before].text) is not None:
        return False  # a cue right before the name: the apposition rules decide
    for i in range(before - 1, max(sent_start, before - _TITLE_REACH) - 1, -1):
        token = doc[i]
        if i in blocked or (token.is_punct and token.text != ","):
            return False
        role = cue_role(token.text)
        if role == "official":
            return not _former(doc, i, sent_start) and _agrees(token, doc[name_start])
        if role is not None or _is_verb_like(doc, i):
            return False
        if token.text.islower() and token.text.endswith("ed"):
            return False  # "jailed", "arrested"
    return False


def _siblings_themselves(doc: Doc, cue: int) -> bool:
    """A plural kinship noun for siblings with no possessive before it: the names after
    it are the siblings ("два брата — ...", "the brothers"), not someone's relatives."""
    if doc[cue].lower_ not in _siblings():
        return False
    before = doc[cue - 1].lower_ if cue > 0 else ""
    return before not in _POSSESSIVES and before not in _EN_POSSESSIVES


_EN_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your", "'s", "’s"})


def _cyrillic(word: str) -> bool:
    return bool(word) and ("а" <= word[0].lower() <= "я" or word[0].lower() == "ё")


# prepositions and conjunctions between a cue and a name make the name someone else
_BREAK_WORDS = frozenset(
    {"and", "и", "of", "for", "to", "by", "from", "with", "against", "on", "at", "about", "or"}
)


_POSSESSIVES = frozenset({"его", "её", "ее", "их", "мой", "моя", "наш", "наша", "свой", "своя"})


def _possessive_kinship(doc: Doc, cue: int) -> bool:
    """A Russian kinship noun right before a name, with no possessive pronoun before it,
    names the name's relative ("дочь Тофига Ягублу"): the name is in the genitive even
    where the tagger cannot tell for a foreign name. "его брат Низами" is apposition."""
    word = doc[cue].lower_
    if not word or not ("а" <= word[0] <= "я" or word[0] == "ё"):
        return False
    return cue == 0 or doc[cue - 1].lower_ not in _POSSESSIVES


def _closed(doc: Doc, end: int, sent_end: int) -> bool:
    return end >= sent_end or doc[end].text in (",", ".", ")", ";", "-", "–", "—")


def _agrees(cue: Token, name: Token) -> bool:
    """Grammatical case agreement of a Russian cue noun and the name after it."""
    cue_case = cue._.natasha_case if cue.has_extension("natasha_case") else None
    name_case = name._.natasha_case if name.has_extension("natasha_case") else None
    return cue_case is None or name_case is None or cue_case == name_case


def _oblique(cue: Token) -> bool:
    """A Russian cue noun not in the nominative: with a bare surname after it, the
    surname may as well be the cue's possessor ("адвоката Джабраиловой")."""
    case = cue._.natasha_case if cue.has_extension("natasha_case") else None
    return case is not None and case != "Nom"


def _is_verb_like(doc: Doc, i: int) -> bool:
    """A verb ends an apposition ("the judge also kept journalist X": X is no judge)."""
    if i >= len(doc):
        return False
    word = doc[i].text.lower()
    return word in _verbs() or bool(_VERB_ENDING.search(word))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Words that end an apposition: speech verbs and ``apposition_verbs``
    (``data/nlp_reference.yaml``)."""
    data = load_data("nlp_reference.yaml")
    lists = [*data["speech_verbs"].values(), data["apposition_verbs"]]
    return frozenset(w.lower() for words in lists for w in words)


_VERB_ENDING = re.compile(r"(?:[а-я](?:л|ла|ли|ло|ет|ит|ят|ют))$")


def is_detainee_word(word: str) -> bool:
    return cue_role(word) == "detainee"
