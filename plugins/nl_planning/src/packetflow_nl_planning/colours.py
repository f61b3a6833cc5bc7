"""A colour said after "in" ("2 balls of Rowan Big Wool *in charcoal*", "the jumper in navy"):
English names the shade a thing comes in with "in", so for a field of a colour or a shade the
colour word after "in" is its value. A small list of the colour words of general English (the
common ones, the shades clothing and yarn are sold in), with "light", "dark", "pale"... before
them.
"""

from __future__ import annotations

from .schema import FieldSpec
from .text import Token

__all__ = ["COLOURS", "colour_cue", "colour_field"]

_COLOUR_WORDS = """
    black white grey gray red orange yellow green blue purple violet pink brown beige cream
    ivory navy charcoal silver gold bronze copper teal turquoise aqua cyan magenta maroon
    burgundy crimson scarlet cherry rust coral salmon peach apricot amber mustard lemon lime
    olive khaki sage mint emerald jade indigo cobalt sapphire azure denim
    lilac lavender mauve plum aubergine fuchsia rose blush taupe tan camel caramel
    chocolate coffee mocha oatmeal stone sand ecru mushroom slate graphite ebony jet
    pearl champagne heather raspberry ruby wine claret petrol ochre terracotta
"""
COLOURS = frozenset(_COLOUR_WORDS.split())
"""Colour words of general English."""

# Words before a colour that say which shade of it ("dark green", "forest green", "sky blue").
_TINTS = frozenset(
    [
        "light",
        "dark",
        "pale",
        "deep",
        "bright",
        "dusky",
        "dusty",
        "soft",
        "hot",
        "forest",
        "bottle",
        "sky",
        "royal",
        "baby",
        "powder",
    ]
)
_COLOUR_FIELD = frozenset(("colour", "color", "shade", "hue"))


def colour_field(spec: FieldSpec) -> bool:
    """Whether ``spec`` is a text field of a colour or a shade (by its name)."""
    return spec.type == "string" and bool(set(spec.name_words) & _COLOUR_FIELD)


def colour_cue(tokens: list[Token], i: int, spec: FieldSpec) -> bool:
    """Whether ``tokens[i]`` is the "in" before a colour ("in navy", "in dark green") that
    the colour field ``spec`` takes."""
    if tokens[i].lower != "in" or not colour_field(spec) or i + 1 >= len(tokens):
        return False
    k = i + 1
    if tokens[k].lower in _TINTS and k + 1 < len(tokens):
        k += 1
    return tokens[k].lower in COLOURS
