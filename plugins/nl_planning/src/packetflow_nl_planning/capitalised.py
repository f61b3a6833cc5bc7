"""A capitalised name not yet used, for a text field of a name ("with Marco", "add Middlemarch
to my list", "the HP Envy 6055"): the run of words in title case, with the small words and
numbers English writes inside a name.
"""

from __future__ import annotations

from typing import Any

from .clauses import Scope
from .date_words import DAYS, MONTHS
from .lexicon import lexicon
from .model_names import joined_code, make_before, model_number, names_model
from .named_text import in_code, initial_dot, name_particle
from .place_kinds import kind_after
from .schema import FieldSpec
from .text import Token
from .text_spans import registry_acronym, span_text

__all__ = ["NAMED", "fill_capitalised", "titled"]

NAMED = frozenset(("title",))
"""A text field whose value is a name, written in title case."""
_TITLE_ARTICLES = frozenset(("The", "A", "An"))


# Possessive pronouns: what follows is owned by someone, never the someone's name.
_OWNERS = frozenset(("his", "her", "its", "their"))


def _owned(tokens: list[Token], i: int) -> bool:
    """Whether the capitalised run that ``tokens[i]`` is in follows a possessive pronoun."""
    k = i
    while k > 0 and tokens[k - 1].text[:1].isupper():
        k -= 1
    return k > 0 and tokens[k - 1].lower in _OWNERS


def fill_capitalised(
    specs: list[FieldSpec], scope: Scope, tokens: list[Token], out: dict[str, tuple[Any, str]]
) -> None:
    """Fill the empty name fields of ``specs`` with capitalised names not yet used."""
    # A capitalised word of the capability's own (the
    # "PDF" of export_pdf, the "Club" of a club bike) names what it handles, not a party to it;
    # an acronym another capability names itself by is a thing of the domain too.
    # A required field takes the first name ("queue Hard Fork", a title, not its host's).
    for spec in sorted(specs, key=lambda s: not s.required):
        if spec.name in out:
            continue
        # A person's name ("the instructor's first name") is written in title case: an
        # acronym before it ("5 PT sessions with Marco") is a term, not the name.
        model = names_model(spec)
        person = "name" in spec.words and any(
            titled(t) and scope.text_free(t.start, t.end) for t in tokens[1:]
        )
        for i, t in enumerate(tokens):
            if person and not (
                titled(t) or (t.text[:1].isupper() and name_particle(tokens, i + 1))
            ):
                continue
            if "name" in spec.words and i > 0 and _names_place(tokens[i - 1]):
                continue  # "in Lancashire": a place, not a person's name
            if "name" in spec.words and _owned(tokens, i):
                continue  # "his Critical Care": a thing someone has, not who they are
            # A clause opening with a person's name and then their verb ("Mark Ellis is
            # coming", "Sarah Kim replied yes"): the capital of its first word is the name's,
            # not the sentence's.
            opens_name = i == 0 and person and scope.action_span == (0, 0) and _subject(tokens)
            if (
                t.is_word
                and t.text[:1].isupper()
                and (i > 0 or opens_name or _mid_sentence(scope.text, t.start))
                # "next Monday", "in May": a date, not a name ("Jan de Vries" is a name)
                and (not t.entity or name_particle(tokens, i + 1))
                and t.lower not in lexicon().stopwords
                and t.lemma not in scope.own
                and scope.text_free(t.start, t.end)
                and not in_code(tokens, i)
                and (not registry_acronym(t, scope) or (model and make_before(tokens, i, scope)))
            ):
                j = i
                while j < len(tokens) and scope.text_free(tokens[j].start, tokens[j].end):
                    if tokens[j].text[:1].isupper():
                        j += 1
                    elif initial_dot(tokens, j) or name_particle(tokens, j):
                        j += 1  # "Ursula K. Le Guin", "Pieter van der Berg": in the name
                    elif _numbered_name(tokens, j, scope):
                        j += 2  # "DJI Mini 4 Pro", "Series 7 Sport": a model's number
                    elif tokens[j].text.isalnum() and tokens[j].start == tokens[j - 1].end:
                        j += 1  # "EOS R5", "S24": digits run into the word before
                    elif model and joined_code(tokens, j, scope):
                        j += 2  # "Epson ET-2850": a model's code
                    elif model and model_number(tokens, j, scope):
                        j += 1  # "HP Envy 6055": the model's number
                    elif NAMED & set(spec.name_words) and _title_link(tokens, j):
                        j += 1  # "The Quacks of Quedlinburg": title case keeps "of" small
                    else:
                        break
                j = kind_after(tokens, j, scope, spec)  # "the Humber estuary"
                if NAMED & set(spec.name_words) and tokens[i - 1].text in _TITLE_ARTICLES:
                    i -= 1  # "The Overstory": a capitalised article mid-sentence opens the title
                value, a, b = span_text(scope, tokens, (i, j))
                scope.claim(a, b)
                out[spec.name] = (value, value)
                break


# Roles that make the phrase after a preposition a place ("in Leeds", "at Kew").
_PLACE = frozenset(("place", "location", "where", "city", "area", "region"))


def _names_place(token: Any) -> bool:
    """Whether ``token`` is a preposition of place ("in", "at"), so the capitalised words after
    it are somewhere, not someone."""
    return bool(lexicon().roles.get(token.lower, frozenset()) & _PLACE)


def _numbered_name(tokens: list[Any], j: int, scope: Scope) -> bool:
    """Whether ``tokens[j]`` is a number inside a name in title case, between two of its
    capitalised words ("Mini *4* Pro", "Series *7* Sport"): a product's model number."""
    if j + 1 >= len(tokens) or not tokens[j].text.isdigit() or j == 0:
        return False
    nxt = tokens[j + 1]
    return (
        tokens[j - 1].text[:1].isupper()
        and nxt.is_word
        and nxt.text[:1].isupper()
        and not nxt.entity
        and scope.text_free(nxt.start, nxt.end)
    )


# Small words title case leaves in lower case between the capitalised words of a title.
_TITLE_LINKS = frozenset(("of", "and", "the", "in", "on", "a", "an", "for", "to", "at", "&"))


def _title_link(tokens: list[Any], k: int) -> bool:
    """Whether ``tokens[k]`` is a small word inside a title ("of" in "The Name of the Wind"):
    one or two of them between capitalised words ("Harry Potter *and the* Goblet of Fire",
    "The Lord *of the* Rings": the second of two is a link too). A value after them ("Climbing
    Weekly on Fridays") is where or when, not more of the title."""
    if tokens[k].lower not in _TITLE_LINKS or k == 0:
        return False
    named = k - 1  # the capitalised word the links follow
    if named > 0 and tokens[named].lower in _TITLE_LINKS and not tokens[named].text[:1].isupper():
        named -= 1
    if not tokens[named].text[:1].isupper() or not tokens[named].is_word:
        return False
    nxt = tokens[k + 1 : named + 4]
    for t in nxt:
        if t.text[:1].isupper() and t.is_word:
            return not t.entity and t.lower.removesuffix("s") not in DAYS and t.lower not in MONTHS
        if t.lower not in _TITLE_LINKS:
            return False
    return False


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a word or a comma of its sentence ("add Hannah Cole
    and *Omar* Said", one object read apart): its capital is the name's, not the sentence's."""
    before = text[:at].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _subject(tokens: list[Token]) -> bool:
    """Whether the clause opens with two or three words in title case and then a word in
    lower case that is no preposition: a person's name, then what they did."""
    end = 0
    while end < min(len(tokens), 3) and titled(tokens[end]):
        end += 1
    if end < 2 or end >= len(tokens):
        return False
    after = tokens[end]
    return after.is_word and after.text.islower() and after.lower not in lexicon().roles


def titled(token: Any) -> bool:
    """Whether a word is written in title case ("Marco", not "PT" nor "marco")."""
    text: str = token.text
    return token.is_word and text[:1].isupper() and not text.isupper() and not token.entity
