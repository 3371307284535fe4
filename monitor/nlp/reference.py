"""Who a sentence's development is about when the sentence names nobody it could be.

Three kinds of reference, tried in order (``data/nlp_reference.yaml``):

- a group: "All five rejected the charges", "they were charged", "both", "все пятеро",
  "им предъявлены обвинения" -> every person of the group named just before (the last
  N when the text gives a number, else the people of the paragraph, or of the last
  paragraph that named any);
- a singular pronoun near the trigger: "He was sentenced", "Её приговорили" -> the most
  recent person the pronoun's gender fits, even across a paragraph break; so does a
  noun standing for the person ("her husband had lost weight", "журналиста
  этапировали", "the blogger was beaten"), unless a name follows it;
- nothing: the last person named in the few sentences before, in the same paragraph.

Only people who can carry a development are candidates (never a lawyer, relative or
official): the caller passes their mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.nlp.resources import compile_words, load_data
from monitor.nlp.roles import CUE_ROLES, cue_role

Gender = str  # "m", "f"
_CARRY_SENTENCES = 3
_WORD = re.compile(r"\w+(?:-\w+)?")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s")


@dataclass(frozen=True)
class ReferenceRules:
    pronouns: dict[str, Gender]
    plural: frozenset[str]
    quantified: re.Pattern[str] | None
    numbers: dict[str, int]
    window: int
    lookback: int
    referring: tuple[tuple[Gender, re.Pattern[str]], ...]
    vague: re.Pattern[str] | None
    partitive: re.Pattern[str] | None


@lru_cache(maxsize=4)
def reference_rules(lang: str) -> ReferenceRules:
    data = load_data("nlp_reference.yaml")
    rule_lang = lang if lang in ("en", "ru") else "en"
    pronouns = {w: gender for gender, words in data["pronouns"].items() for w in words}
    groups = data["groups"]
    return ReferenceRules(
        pronouns=pronouns,
        plural=frozenset(groups["plural"][rule_lang]),
        quantified=compile_words(groups["quantified"][rule_lang], whole=True),
        numbers={w: int(n) for n, words in data["numbers"].items() for w in words},
        window=int(data["window"]),
        lookback=int(data["lookback"]),
        referring=tuple(
            (gender, pattern)
            for gender, by_lang in data["referring_nouns"].items()
            if (pattern := compile_words(by_lang[rule_lang], whole=True))
        ),
        vague=compile_words(
            [
                rf"(?:{p})\s*$"
                for p in (*groups["vague"][rule_lang], *groups["partitive"][rule_lang])
            ],
            whole=False,
        ),
        partitive=compile_words(groups["partitive"][rule_lang], whole=False),
    )


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    verbs = load_data("nlp_reference.yaml")["speech_verbs"]
    return frozenset(w for words in verbs.values() for w in words)


def _introduces_a_name(text: str, words: list[tuple[int, str]], n: int) -> bool:
    """ "his" in "his brother Vugar Ismayilov": it belongs to the named relative's
    apposition and refers to nobody the development is about."""
    if n + 2 >= len(words) or cue_role(words[n + 1][1]) not in CUE_ROLES:
        return False
    return text[words[n + 2][0] : words[n + 2][0] + 1].isupper()


@dataclass
class Sentence:
    """What reference resolution needs of one sentence."""

    text: str
    paragraph: int
    people: list[int]  # candidates named in it, in order of mention, repeats removed
    left_out: bool = False  # it lists people a step passed by ("the decree left out A")


@dataclass(frozen=True)
class _Cue:
    # "all" (quantified group), "group" (plural pronoun), a gender "m", "f", "any", or
    # "at_large" (a count of people the article does not name: the development is theirs)
    kind: str
    count: int | None = None


# A plural pronoun among a sentence's first words is its subject, however far the
# trigger: "For almost a year they were held in custody, then moved to house arrest".
_OPENING_WORDS = 3
# The first word after a short opening phrase set off by a comma: the sentence's subject
# ("The next day, they were arrested", "Initially, they were charged"), also after an
# aside set off by commas («На следующий день, по словам родных, они были ...»).
_INTRODUCED_SUBJECT = re.compile(
    r"\W*(?:(?:[^\W\d][\w-]*|\d+)\s+){0,4}[^\W\d][\w-]*,\s+"
    r"(\w+)(?:(?:\s+[^\W\d][\w-]*){0,4},\s+(\w+))?"
)

# A sentence of at most this many words is a line of a list (a name, a sub-heading).
_LIST_LINE_WORDS = 4


class Resolver:
    """Resolves the people of one document's sentences; built once per document."""

    def __init__(
        self,
        sentences: list[Sentence],
        genders: list[Gender | None],
        lang: str,
        codefendants: list[int] | None = None,
    ):
        self.sentences = sentences
        self.genders = genders
        self.rules = reference_rules(lang)
        # the people the article names together (its defendants): what "the defendants",
        # "the six journalists" or "фигуранты дела" stand for, wherever they are named
        self.codefendants = codefendants or []
        # the words that can stand for a person named elsewhere (pronouns, group words)
        self.referring_words = frozenset(self.rules.pronouns) | self.rules.plural
        self.list_lines = [len(s.text.split()) <= _LIST_LINE_WORDS for s in sentences]
        self.named = len({p for s in sentences for p in s.people})

    def persons_for(self, index: int, trigger: tuple[int, int] | None = None) -> list[int]:
        """People the development of sentence ``index`` is about (``trigger``: its
        character range within the sentence text, to find pronouns near it)."""
        named = self.sentences[index].people
        if named:
            return named
        cue = self._cue(index, trigger)
        if cue is not None and cue.kind == "at_large":
            return []  # the development of people the article does not name
        if cue is not None and cue.kind in ("all", "group"):
            group = self._group(index, cue)
            if len(group) > 1:
                return group
        if cue is not None and cue.kind in ("m", "f", "any"):
            person = self._singular(index, cue.kind)
            if person is not None:
                return [person]
        return self._carried(index)

    def leaves_unnamed(self, index: int, trigger: tuple[int, int] | None = None) -> bool:
        """Whether sentence ``index`` tells its development of people it leaves unnamed
        on purpose: people at large ("more than 400 people convicted"), a part of a group
        ("one of the four believers") or a bare count as its clause's subject ("five
        arrested, two released")."""
        text = self.sentences[index].text
        if trigger is not None and self._counted_subject_of_its_own(text, trigger[0]):
            return True
        if self.rules.partitive is not None and self.rules.partitive.search(text):
            return True  # "acquitted one of the four believers": which one, it does not say
        return any(cue.kind == "at_large" for _, cue in self._quantified(text))

    # --- cues --------------------------------------------------------------------------

    def _cue(self, index: int, trigger: tuple[int, int] | None) -> _Cue | None:
        """The sentence's subject when it is a pronoun or group word, else the cue
        nearest the trigger (pronouns only within the window)."""
        text = self.sentences[index].text
        words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
        if trigger is not None and self._counted_subject_of_its_own(text, trigger[0]):
            return None  # "Five arrested, two released": who the two are, it does not say
        quantified = self._quantified(text)
        if any(cue.count is not None for _, cue in quantified):
            # "Five defendants in the Toplum TV case": the count says who, not the case
            quantified = [(p, cue) for p, cue in quantified if cue.count is not None]
        if quantified and quantified[0][0] <= (words[2][0] if len(words) > 2 else 0):
            return quantified[0][1]
        nouns = self._referring(text)
        if nouns and words and nouns[0][0] == words[0][0]:
            return nouns[0][2]
        words = [w for n, w in enumerate(words) if not _introduces_a_name(text, words, n)]
        if words and not (len(words) > 1 and words[1][1] in _speech_verbs()):
            subject = self._word_cue(words[0][1])  # not "She added that her husband ..."
            if subject is not None:
                return subject
        opening = [w for _, w in words[1:_OPENING_WORDS] if w in self.rules.plural]
        if opening:
            return _Cue("group")  # "Почти год они провели под стражей, затем ..."
        introduced = _INTRODUCED_SUBJECT.match(text)
        for word in introduced.groups() if introduced is not None else ():
            subject = self._word_cue(word.lower()) if word else None
            if subject is not None:
                return subject  # "The next day, they were arrested, ... and sentenced"
        if trigger is None:
            return quantified[0][1] if quantified else None
        cue: _Cue | None
        start, end = trigger
        ranked: list[tuple[int, int, _Cue]] = []
        for position, cue in quantified:
            ranked.append((self._distance(words, position, start, end), 0, cue))
        for _, noun, cue in nouns:
            distance = self._distance(words, noun, start, end)
            if distance <= self.rules.window:
                ranked.append((distance, 0, cue))
        for n, (position, word) in enumerate(words):
            if n > 0 and words[n - 1][1] == "by":
                continue  # "the nationals tortured by them": the doers, not the subject
            cue = self._word_cue(word)
            distance = self._distance(words, position, start, end)
            if cue is not None and distance <= self.rules.window:
                ranked.append((distance, 1, cue))
        return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None

    def _counted_subject_of_its_own(self, text: str, position: int) -> bool:
        """Whether the trigger's clause, not the sentence's first, opens with a bare
        number ("..., two released"), not a counted noun ("..., seven people were")."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
        if not breaks:
            return False
        first = _WORD.search(text, breaks[-1])
        if first is None or not (
            first.group().lower() in self.rules.numbers or first.group().isdigit()
        ):
            return False
        quantified = self.rules.quantified
        # "On 15 December, seven people were sentenced": a counted group, not a bare number
        return quantified is None or quantified.match(text, first.start()) is None

    def _quantified(self, text: str) -> list[tuple[int, _Cue]]:
        if self.rules.quantified is None:
            return []
        vague = self.rules.vague
        cues = []
        for found in self.rules.quantified.finditer(text):
            words = found.group().lower().split()
            # people at large: "more than 30 journalists were arrested", or more than the
            # article names ("52 political prisoners were amnestied"; a number in words,
            # "eight Russians", is often a group it names in part)
            if (vague is not None and vague.search(text, 0, found.start())) or any(
                w.isdigit() and int(w) > self.named for w in words
            ):
                cues.append((found.start(), _Cue("at_large")))
                continue
            count = next((self.rules.numbers[w] for w in words if w in self.rules.numbers), None)
            cues.append((found.start(), _Cue("all", count)))
        return cues

    def _referring(self, text: str) -> list[tuple[int, int, _Cue]]:
        """(start, start of the noun itself, cue) of each referring noun not followed
        by a name."""
        found = []
        for gender, pattern in self.rules.referring:
            for match in pattern.finditer(text):
                after = text[match.end() :].lstrip(" ,")
                if after[:1].isupper():
                    continue  # "his brother Nizami Orujov": the name's apposition
                noun = match.start() + match.group().rfind(match.group().split()[-1])
                found.append((match.start(), noun, _Cue(gender)))
        return sorted(found, key=lambda f: f[0])

    def _word_cue(self, word: str) -> _Cue | None:
        if word in self.rules.plural:
            return _Cue("group")
        gender = self.rules.pronouns.get(word)
        return _Cue(gender) if gender is not None else None

    @staticmethod
    def _distance(words: list[tuple[int, str]], position: int, start: int, end: int) -> int:
        """Words between a cue at ``position`` and the trigger ``start``-``end``."""
        if position < start:
            return sum(1 for p, _ in words if position < p < start)
        return sum(1 for p, _ in words if end <= p < position)

    # --- antecedents -------------------------------------------------------------------

    def _earlier(self, index: int) -> range:
        return range(index - 1, max(-1, index - 1 - self.rules.lookback), -1)

    def _later(self, index: int) -> range:
        """The next sentences; the lines of a list count as one ("sentenced to two years:"
        / "A" / "B" / ...), so that a long list is read to its end."""
        end = index + 1
        counted = 0
        while end < len(self.sentences) and counted < self.rules.lookback:
            if not self.list_lines[end]:
                counted += 1
            end += 1
        return range(index + 1, end)

    def _group(self, index: int, cue: _Cue) -> list[int]:
        """The people of a group word: the article's defendants ("the journalists",
        "фигуранты дела"), the last N named, everyone named in the last sentences, or
        the people of the last sentence naming several ("they"); named after the word
        when nobody was before ("all four ... : A, B, C and D")."""
        whole_group = cue.count is None or cue.count >= len(self.codefendants)
        if cue.kind == "all" and len(self.codefendants) > 1 and whole_group:
            if cue.count is None and not self._collect(self._earlier(index), cue):
                # "the court sentenced the protesters:" and the list after it: the list
                # may name more than the defendants the article calls so elsewhere
                later = self._collect(self._later(index), cue)
                return sorted(set(self.codefendants) | set(later))
            return list(self.codefendants)
        group = self._collect(self._earlier(index), cue)
        if len(group) < 2 and cue.kind == "all":
            group = self._collect(self._later(index), cue)
        elif cue.count is not None and len(group) < cue.count:
            # "seven people were sentenced": the two named before and five named after
            later = [p for p in self._collect(self._later(index), _Cue("all")) if p not in group]
            group.extend(later[: cue.count - len(group)])
        if len(group) < 2 and cue.count is None and len(self.codefendants) > 1:
            return list(self.codefendants)  # "their arrest was extended": the defendants
        return sorted(group)

    def _collect(self, order: range, cue: _Cue) -> list[int]:
        found: list[int] = []
        paragraph: int | None = None
        for back in order:
            people = [] if self.sentences[back].left_out else self.sentences[back].people
            if cue.kind == "group" and people and paragraph is None:
                if len(people) > 1:
                    return list(people)
                paragraph = self.sentences[back].paragraph
            if paragraph is not None and self.sentences[back].paragraph != paragraph:
                break
            found.extend(p for p in people if p not in found)
            if cue.count is not None and len(found) >= cue.count:
                return found[: cue.count]
        return found

    def _singular(self, index: int, gender: Gender) -> int | None:
        """The last person of that gender named before; at an article's start, where
        nobody was named yet, the first one named after ("An outspoken archbishop was
        sentenced ..." / "... Archbishop Mikael Ajapahyan")."""
        for back in self._earlier(index):
            for person in reversed(self.sentences[back].people):
                if gender == "any" or self.genders[person] in (None, gender):
                    return person
        if any(self.sentences[back].people for back in range(index)):
            return None
        for ahead in self._later(index):
            for person in self.sentences[ahead].people:
                if gender == "any" or self.genders[person] in (None, gender):
                    return person
        return None

    def _carried(self, index: int) -> list[int]:
        paragraph = self.sentences[index].paragraph
        for back in range(index - 1, max(-1, index - 1 - _CARRY_SENTENCES), -1):
            if self.sentences[back].paragraph != paragraph:
                break
            if self.sentences[back].people:
                return [self.sentences[back].people[-1]]
        return []
