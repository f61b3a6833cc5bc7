"""Enum values named in another form than their words: an acronym of them ("a DNF" for
``did_not_find``), a closed compound whose head is the value ("a forearm piece" for ``arm``),
every word of the value said apart in the clause ("the log book is soaking wet" for
``wet_log``)."""

from __future__ import annotations

from typing import Any

from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma

__all__ = ["acronym_value", "compound_head_value", "scattered_value"]

Found = tuple[float, int, Any, str]


def _words(value: Any) -> list[str]:
    return str(value).lower().replace("-", "_").replace(" ", "_").split("_")


def acronym_value(spec: FieldSpec, tokens: list[Any]) -> Found | None:
    """A word in capitals of two to five letters whose letters are the initials of a value's
    words ("mark it as a DNF" -> did_not_find): English writes a phrase it says often by its
    initials. Two values of the same initials leave it to the other readings."""
    initials: dict[str, list[Any]] = {}
    for value in spec.enum:
        words = [w for w in _words(value) if w]
        if len(words) >= 2 and all(w.isalpha() for w in words):
            initials.setdefault("".join(w[0] for w in words), []).append(value)
    typed = [t for t in tokens if t.is_word and t.text.isalpha()]
    upper = sum(t.text.isupper() for t in typed)
    if not initials or (upper >= 3 and upper > len(typed) / 2):
        return None  # a text in capitals throughout shouts: its words are no initials
    stop = lexicon().stopwords
    for t in typed:
        said = t.text[:-1] if t.text.endswith("s") else t.text  # the plural: "two DNFs"
        if not (2 <= len(said) <= 5 and said.isupper()) or said.lower() in stop:
            continue  # "ON", "FOR" are words, whatever the case
        values = initials.get(said.lower(), [])
        if len(values) == 1:
            return 0.9, t.start, values[0], t.text
    return None


# Prefixes that make a verb or an adjective of a word, not a compound naming a kind of it
# ("disarm", "unhand", "mislead").
_PREFIXES = frozenset(("dis", "mis", "non", "pre", "pro", "sub", "un", "re", "anti", "semi"))
_HEAD_MIN = 0.4  # cosine of the compound and the value it ends in


def compound_head_value(spec: FieldSpec, tokens: list[Any], encoder: Any) -> Found | None:
    """A value of one word that ends a closed compound ("a *forearm* piece" -> arm, "the
    underarm" -> arm): an English compound names a kind of its head. The rest must be a word of
    three letters or more ("alarm" has no "al" part), no prefix ("disarm"), and the compound
    nearer in meaning to that value than to any other ("feedback" is no kind of back,
    "forearm" is an arm). Of several, the one nearest its head ("a firsthand idea for my
    forearm": the arm)."""
    if encoder is None:
        return None
    vocabulary = encoder.whole_words
    heads = {w[0]: v for v in spec.enum if len(w := _words(v)) == 1 and len(w[0]) >= 3}
    values = [" ".join(_words(v)) for v in spec.enum]
    best: tuple[float, Found] | None = None  # the compound nearest its head, of several
    for t in tokens:
        word = t.lower
        if not (t.is_word and not t.entity and word.isalpha()):
            continue
        for head, value in heads.items():
            rest = word[: -len(head)]
            if not word.endswith(head) or len(rest) < 3:
                continue
            if rest in _PREFIXES or rest in lexicon().stopwords or rest not in vocabulary:
                continue
            sims = (encoder.words([word]) @ encoder.words(values).T)[0]
            top = max(range(len(values)), key=lambda i: float(sims[i]))
            near = float(sims[top])
            if spec.enum[top] == value and near >= _HEAD_MIN and (best is None or near > best[0]):
                best = (near, (0.6, t.start, value, t.text))
    return None if best is None else best[1]


def scattered_value(spec: FieldSpec, tokens: list[Any]) -> Found | None:
    """A value of two content words or more each said somewhere in the clause, in any order
    ("the *log* book ... is soaking *wet*" -> wet_log): a statement of the problem names it
    as the value's words do. Only one value so named."""
    stop = lexicon().stopwords
    found: list[Found] = []
    for value in spec.enum:
        content = [w for w in _words(value) if w and w not in stop]
        if len(content) < 2 or len(content) != len(set(content)):
            continue
        said = []
        for w in content:
            t = next(
                (
                    t
                    for t in tokens
                    if t.is_word and (w in (t.lower, t.lemma) or lemma(w) == t.lemma)
                ),
                None,
            )
            if t is None:
                break
            said.append(t)
        else:
            first = min(said, key=lambda t: t.start)
            found.append((0.6, first.start, value, first.text))
    return found[0] if len(found) == 1 else None
