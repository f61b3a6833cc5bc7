"""Typo tolerance: a word of the request that is neither English nor known is taken for the
capability word or action verb it is one edit from ("refnud" -> refund, "lcok" -> lock); a real
English word is only taken for a long capability word one edit away ("wether" -> weather)."""

from __future__ import annotations

import calendar
import re

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .index import Index
from .lexicon import lexicon
from .text import Token
from .verbs import NEGATING_PREFIXES

__all__ = ["Typos"]

# The words of the date grammar (``dates``) a typo may hide: it reads values before any word is
# corrected, so their typos are corrected in the text itself first.
_DATE_WORDS = sorted(
    {"today", "tonight", "tomorrow", "yesterday", "weekend", "fortnight", "morning",
     "afternoon", "evening"}
    | {m.lower() for m in calendar.month_name if m}
    | {d.lower() for d in calendar.day_name}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{5,}")
# The words that join the steps of a compound request ("and then", "after that"): a word that
# is theirs with two letters swapped ("thne", "adn") is that word, before any verb it is also
# one edit from ("thne": tune), since a swap is how a word this common is mistyped.
_JOINING = ("then", "and", "also", "after", "before", "first", "next")
_ENDINGS = ("ing", "ed", "er", "ion", "ment")  # endings the lemmatizer strips off a stem


class Typos:
    """Corrects tokens in place against an index's words and the lexicon's verbs."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def correct(self, tokens: list[Token]) -> None:
        """Replace words that are typos of a capability's word or of an action verb."""
        lex = lexicon()
        verbs = [v for v in lex.classes if "_" not in v and len(v) >= 4]
        # (a capital opening a sentence is the sentence's, not a name's: "... in newark.
        # Trasnfer 25 to leeds")
        opening = {id(t) for k, t in enumerate(tokens) if k == 0 or tokens[k - 1].lower in ".!?;"}
        for t in tokens:
            if (
                t.entity
                or not t.is_word
                or len(t.lower) < 3
                or (t.text[:1].isupper() and id(t) not in opening)
            ):
                continue
            if t.lemma in lex.classes or t.lemma in lex.stopwords or self.index.known(t.lemma):
                continue
            if t.lemma in lex.synonyms or t.lemma in lex.nominal or t.lower in lex.irregular:
                continue
            if t.lemma in lex.light or t.lemma in lex.irregular.values():
                continue
            swapped = next((w for w in _JOINING if _swapped(t.lower, w)), None)
            if swapped is not None and not self.english(t.lower):
                t.lower = t.lemma = swapped
                continue
            if self._negated(t.lemma):
                continue  # "unprolong" is no typo of "prolong": it says the opposite
            if self.index.derived(t.lemma):
                # "vaccinated" (vaccinat-) is a form of "vaccination", not a typo; but a word
                # that is no English one and lacks only the last letter of a capability word
                # ("refil", "instal") is that word mistyped.
                whole = self._one_short(t.lower)
                if whole is not None:
                    t.lower = t.lemma = whole
                continue
            if self.english(t.lower):
                # A real word, just not one of ours: only a word of ours one edit away, in a
                # long word, is taken for what was meant ("wether" -> "weather"), or one
                # whose doubled last letter was left off ("day pas" -> pass).
                # The edit is made to the lemma: a lemma that is a real word itself ("sorted":
                # sort) is as short as it looks, and no typo of a word of ours ("port"); a
                # stem that is none ("smoking": smok) is only the word's spelling.
                long = len(t.lower) >= 6 and (len(t.lemma) >= 6 or not self.english(t.lemma))
                fixed = self.index.correct(t.lemma, edits=1) if long else None
                fixed = fixed or self._one_short(t.lower, english=True)
                if fixed is not None:
                    t.lower = t.lemma = fixed
                continue
            fixed = self.index.correct(t.lemma) or self._suffixed(t.lower)
            if fixed is None:
                cutoff = 0.79 if 4 < len(t.lower) < 8 else 0.74
                found = process.extractOne(
                    t.lower,
                    verbs,
                    scorer=DamerauLevenshtein.normalized_similarity,
                    score_cutoff=cutoff,
                )
                fixed = found[0] if found else None
            if fixed is not None:
                t.lower = fixed
                t.lemma = fixed

    def _suffixed(self, word: str) -> str | None:
        """The capability word (a stem, as the lemmatizer leaves "tasting": tast) that
        ``word`` is a typo of with an ending ("tastng" -> tasting): one edit from the stem
        with a common ending, in a word of six letters or more."""
        if len(word) < 6:
            return None
        forms = {
            # (a stem's final "e" drops before an ending's vowel: "charge" -> "charger")
            (stem[:-1] if stem.endswith("e") and ending[0] in "aeiou" else stem) + ending: stem
            for stem in self.index.vocabulary
            if stem[:2] == word[:2]
            for ending in _ENDINGS
        }
        found = process.extract(
            word, list(forms), scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
        )
        stems = {forms[form] for form, _, _ in found}
        # Two words one edit away ("chager": charger or changer) leave it unknown.
        return stems.pop() if len(stems) == 1 else None

    def _one_short(self, word: str, *, english: bool = False) -> str | None:
        """The capability word ``word`` is with its last letter left off, when ``word`` is
        no English word (or, with ``english``, no word of the registry's) and that letter
        doubles the one before it ("refil" -> refill, "pas" -> pass)."""
        if english:
            if len(word) < 3 or self.index.known(word):
                return None
        elif self.english(word) or len(word) < 4:
            return None
        whole = word + word[-1]
        return whole if whole in self.index.vocabulary else None

    def _negated(self, word: str) -> bool:
        """Whether ``word`` is a negating prefix on a verb the lexicon or a capability knows
        ("unfollow", "disapprove", "deregister")."""
        lex = lexicon()
        for prefix in NEGATING_PREFIXES:
            stem = word[len(prefix) :]
            if (
                word.startswith(prefix)
                and len(stem) >= 3
                and (stem in lex.classes or stem in self.index.verbs or self.index.known(stem))
            ):
                return True
        return False

    def date_words(self, text: str) -> str:
        """``text`` with the typos of date words corrected ("tmorrow" -> tomorrow, "Wendesday"
        -> wednesday): a word of five letters or more that is neither English nor known, one
        edit from a word of the date grammar."""
        lex = lexicon()

        def fix(match: re.Match[str]) -> str:
            word = match.group()
            low = word.lower()
            if low in _DATE_WORDS or self.english(low) or self.index.known(low):
                return word
            if low in lex.classes or low in lex.stopwords or low in lex.synonyms:
                return word
            found = process.extractOne(
                low, _DATE_WORDS, scorer=DamerauLevenshtein.distance, score_cutoff=1
            )
            return found[0] if found else word

        return _WORD.sub(fix, text)

    def english(self, word: str) -> bool:
        """Whether ``word`` is a common English word (the embedding tokenizer's whole words)."""
        encoder = self.index.encoder
        if encoder is None:
            return False
        return word in encoder.whole_words


def _swapped(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with two letters side by side swapped ("thne": then)."""
    if len(word) != len(target) or word == target:
        return False
    diff = [i for i in range(len(word)) if word[i] != target[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == target[diff[1]]
        and (word[diff[1]] == target[diff[0]])
    )
