"""Who a sentence's development is about when the sentence names nobody it could be.

Three kinds of reference, tried in order (``data/nlp_reference.yaml``):

- a group: "All five rejected the charges", "they were charged", "both", "все пятеро",
  "им предъявлены обвинения" -> every person of the group named just before (the last
  N when the text gives a number, else the people of the paragraph, or of the last
  paragraph that named any);
- a singular pronoun near the trigger: "He was sentenced", "Её приговорили" -> the most
  recent person the pronoun's gender fits, even across a paragraph break;
- nothing: the last person named in the few sentences before, in the same paragraph.

Only people who can carry a development are candidates (never a lawyer, relative or
official): the caller passes their mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.nlp.resources import compile_any, load_data

Gender = str  # "m", "f"
_CARRY_SENTENCES = 3
_WORD = re.compile(r"\w+(?:-\w+)?")


@dataclass(frozen=True)
class ReferenceRules:
    pronouns: dict[str, Gender]
    plural: frozenset[str]
    quantified: re.Pattern[str] | None
    numbers: dict[str, int]
    window: int
    lookback: int


@lru_cache(maxsize=4)
def reference_rules(lang: str) -> ReferenceRules:
    data = load_data("nlp_reference.yaml")
    rule_lang = lang if lang in ("en", "ru") else "en"
    pronouns = {w: gender for gender, words in data["pronouns"].items() for w in words}
    groups = data["groups"]
    return ReferenceRules(
        pronouns=pronouns,
        plural=frozenset(groups["plural"][rule_lang]),
        quantified=compile_any([rf"(?<!\w)(?:{p})(?!\w)" for p in groups["quantified"][rule_lang]]),
        numbers={w: int(n) for n, words in data["numbers"].items() for w in words},
        window=int(data["window"]),
        lookback=int(data["lookback"]),
    )


@lru_cache(maxsize=1)
def _gender_endings() -> tuple[tuple[str, Gender], ...]:
    endings = load_data("nlp_reference.yaml")["gender_endings"]
    pairs = [(e, g) for g, words in endings.items() for e in words]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def gender_of(name: str) -> Gender | None:
    """ "f" for Aysel Umudova or Лейла Гасанова, "m" for Rauf Ismayilov, else None."""
    words = name.lower().split()
    if not words:
        return None
    surname = words[-1]
    return next((g for ending, g in _gender_endings() if surname.endswith(ending)), None)


@dataclass
class Sentence:
    """What reference resolution needs of one sentence."""

    text: str
    paragraph: int
    people: list[int]  # candidates named in it, in order of mention, repeats removed


@dataclass(frozen=True)
class _Cue:
    kind: str  # "group" or a gender ("m", "f")
    count: int | None = None


class Resolver:
    """Resolves the people of one document's sentences; built once per document."""

    def __init__(self, sentences: list[Sentence], genders: list[Gender | None], lang: str):
        self.sentences = sentences
        self.genders = genders
        self.rules = reference_rules(lang)

    def persons_for(self, index: int, trigger: tuple[int, int] | None = None) -> list[int]:
        """People the development of sentence ``index`` is about (``trigger``: its
        character range within the sentence text, to find pronouns near it)."""
        named = self.sentences[index].people
        if named:
            return named
        cue = self._cue(index, trigger)
        if cue is not None and cue.kind == "group":
            group = self._group(index, cue.count)
            if len(group) > 1:
                return group
        if cue is not None and cue.kind != "group":
            person = self._singular(index, cue.kind)
            if person is not None:
                return [person]
        return self._carried(index)

    # --- cues --------------------------------------------------------------------------

    def _cue(self, index: int, trigger: tuple[int, int] | None) -> _Cue | None:
        text = self.sentences[index].text
        rules = self.rules
        if rules.quantified is not None:
            found = rules.quantified.search(text)
            if found is not None:
                words = found.group().lower().split()
                count = next((rules.numbers[w] for w in words if w in rules.numbers), None)
                return _Cue("group", count)
        near = self._near_words(text, trigger)
        for word in near:
            if word in rules.plural:
                return _Cue("group")
        for word in near:
            gender = rules.pronouns.get(word)
            if gender is not None:
                return _Cue(gender)
        return None

    def _near_words(self, text: str, trigger: tuple[int, int] | None) -> list[str]:
        """Words of ``text`` within the window of the trigger, nearest first."""
        words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
        if trigger is None:
            return [w for _, w in words]
        start, end = trigger
        before = [w for s, w in words if s < start][::-1][: self.rules.window]
        after = [w for s, w in words if s >= end][: self.rules.window]
        merged: list[str] = []
        for pair in zip(before, after, strict=False):
            merged.extend(pair)
        longer = before if len(before) > len(after) else after
        merged.extend(longer[min(len(before), len(after)) :])
        return merged

    # --- antecedents -------------------------------------------------------------------

    def _earlier(self, index: int) -> range:
        return range(index - 1, max(-1, index - 1 - self.rules.lookback), -1)

    def _group(self, index: int, count: int | None) -> list[int]:
        if count is not None:
            found: list[int] = []
            for back in self._earlier(index):
                for person in reversed(self.sentences[back].people):
                    if person not in found:
                        found.append(person)
                if len(found) >= count:
                    break
            return sorted(found[:count])
        paragraph = self.sentences[index].paragraph
        for back in self._earlier(index):
            if self.sentences[back].people:
                paragraph = self.sentences[back].paragraph
                break
        else:
            return []
        people: list[int] = []
        for back in self._earlier(index):
            if self.sentences[back].paragraph < paragraph:
                break
            if self.sentences[back].paragraph == paragraph:
                people.extend(p for p in self.sentences[back].people if p not in people)
        return sorted(people)

    def _singular(self, index: int, gender: Gender) -> int | None:
        for back in self._earlier(index):
            for person in reversed(self.sentences[back].people):
                if self.genders[person] in (None, gender):
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
