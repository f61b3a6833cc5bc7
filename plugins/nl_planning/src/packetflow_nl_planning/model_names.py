"""A make and model as one name ("the HP Envy 6055", "the Epson ET-2850"): for a field of a
model, the make's acronym before the name, a code joined by a hyphen and the model number
after it are all part of the value, as English writes a product's full name."""

from __future__ import annotations

from .clauses import Scope
from .lexicon import lexicon
from .schema import FieldSpec
from .text import Token

__all__ = ["joined_code", "make_before", "model_number", "names_model"]

# Words of a field that holds a product's make and model.
_MODEL = frozenset(("model", "make", "brand"))


def names_model(spec: FieldSpec) -> bool:
    """Whether ``spec`` is a text field of a make or a model (``printer_model``)."""
    return spec.type == "string" and bool(set(spec.name_words) & _MODEL)


def _free(scope: Scope, token: Token) -> bool:
    return scope.text_free(token.start, token.end)


def make_before(tokens: list[Token], i: int, scope: Scope) -> bool:
    """Whether ``tokens[i]``, an acronym of the domain, is a make before its model's name
    ("*HP* Envy"): a capitalised word or a code follows it, free."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.is_word and nxt.text[:1].isupper() and not nxt.entity and _free(scope, nxt)


def joined_code(tokens: list[Token], j: int, scope: Scope) -> bool:
    """Whether ``tokens[j]`` is a hyphen written between the letters and the digits of a
    model's code ("ET*-*2850"), no space either side."""
    if j == 0 or j + 1 >= len(tokens) or tokens[j].text != "-":
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    return (
        before.end == tokens[j].start
        and tokens[j].end == after.start
        and after.text.isalnum()
        and any(ch.isdigit() for ch in after.text)
        and _free(scope, after)
    )


def model_number(tokens: list[Token], j: int, scope: Scope) -> bool:
    """Whether ``tokens[j]`` is a model's number after its capitalised name ("Envy *6055*"):
    digits with letters or not, not counting the word after them ("Epson 2 cartridges")."""
    if j == 0 or not tokens[j].text.isalnum() or not tokens[j].text[:1].isdigit():
        return False
    prev = tokens[j - 1]
    if not (prev.is_word and prev.text[:1].isupper()):
        return False
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        lex = lexicon()
        counted = nxt.is_word and nxt.text.islower()
        if counted and nxt.lower not in lex.roles and nxt.lower not in lex.stopwords:
            return False
    return True
