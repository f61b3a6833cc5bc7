"""Choices said by a verb: a phrasal verb whose particle may follow its object ("take the
trousers up"), a verb and its object told apart ("replace it" of a zip named before), a value
of several words in other forms of their family ("rotate the tires" -> tire_rotation)."""

from __future__ import annotations

from typing import Any

from ..clauses import Scope
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma, same_family, tokenize
from ..verbs import PARTICLES

__all__ = ["derived_words", "particle_after", "phrasal_value", "verb_and_object"]


def particle_after(tokens: list[Any], i: int) -> tuple[int, str] | None:
    """The particle of the verb at ``i``, right after it or after its object ("take *up*",
    "take the trousers *up*", "let the waist *out*"): its index and word."""
    for j in range(i + 1, min(i + 5, len(tokens))):
        if tokens[j].lower in PARTICLES:
            return j, tokens[j].lower
        if not tokens[j].is_word or tokens[j].entity:
            return None
    return None


def phrasal_value(
    spec: FieldSpec, scope: Scope, tokens: list[Any]
) -> tuple[float, int, Any, str] | None:
    """A value said by a phrasal verb whose particle may follow the object: the phrasal verb
    itself ("let the jacket out" -> let_out) or its synonym ("take the trousers up" ->
    shorten, as "take up" is said of a hem)."""
    lex = lexicon()
    values = {str(v).lower().replace("-", "_").replace(" ", "_"): v for v in spec.enum}
    for i, t in enumerate(tokens):
        found = particle_after(tokens, i) if t.is_word and t.lower not in PARTICLES else None
        if found is None:
            continue
        j, particle = found
        phrasal = f"{t.lemma}_{particle}"
        named = values.get(phrasal)
        if named is None:
            named = next((v for k, v in values.items() if k in lex.synonyms.get(phrasal, ())), None)
        if named is not None:
            return 0.9, t.start, named, scope.text[t.start : tokens[j].end]
    return None


def verb_and_object(
    spec: FieldSpec, scope: Scope, tokens: list[Any]
) -> tuple[float, int, Any, str] | None:
    """A value of a verb and its object ("replace_zip") when the clause's verb is the one and
    the object is told anywhere in the request, the clause or a scene before it ("The zip on
    my coat's broken - can you replace it?"): English names the thing once and points back."""
    a0, a1 = scope.action_span
    verbs = [t for t in tokens if a0 <= t.start and t.end <= a1 and t.is_word]
    if not verbs:
        return None
    told = {t.lemma for c in [scope.clause, *scope.contexts] for t in c.tokens if t.is_word}
    # (a scene read as a step of its own is no context: its words are still told before)
    told |= {t.lemma for t in tokenize(scope.text[: scope.span[0]]) if t.is_word}
    found: list[tuple[float, int, Any, str]] = []
    for value in spec.enum:
        forms = str(value).lower().replace("-", "_").replace(" ", "_").split("_")
        if len(forms) != 2:
            continue
        verb = next((t for t in verbs if same_family(forms[0], t.lower)), None)
        if verb is not None and lemma(forms[1]) in told:
            found.append((0.65, verb.start, value, verb.text))
    return found[0] if len(found) == 1 else None


def derived_words(forms: list[str], tokens: list[Any]) -> tuple[int, int] | None:
    """Where every word of a value of several words appears, in any order and in any form
    of its family, within a few words: the first and last token index, or ``None``."""
    n = len(forms)
    for i in range(len(tokens)):
        window = tokens[i : i + n + 2]
        hits: list[int] = []
        for form in forms:
            at = next(
                (j for j, t in enumerate(window) if j not in hits and same_family(form, t.lower)),
                None,
            )
            if at is None:
                break
            hits.append(at)
        else:
            if 0 in hits:
                return i, i + max(hits)
    return None
