"""Words: tokenizing a request (with each token's place in the original text), contractions,
lemmas (a small English morphology over the shipped lexicon) and identifier splitting
(``order_refund``, ``getWeather`` -> words)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import lexicon

__all__ = [
    "Token",
    "agent_noun",
    "identifier_words",
    "lemma",
    "normalize",
    "same_family",
    "tokenize",
    "words",
]

# A token: a number (1,000.50), a word (with inner apostrophes and hyphens) or one symbol.
_TOKEN = re.compile(
    r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|[^\s\w]|_"
)
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_CONTRACTIONS = {
    "don't": ("do", "not"), "doesn't": ("does", "not"), "didn't": ("did", "not"),
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
    "isn't": ("is", "not"), "aren't": ("are", "not"), "wasn't": ("was", "not"),
    "shouldn't": ("should", "not"), "wouldn't": ("would", "not"), "couldn't": ("could", "not"),
    "haven't": ("have", "not"), "hasn't": ("has", "not"), "let's": ("let", "us"),
    "weren't": ("were", "not"), "hadn't": ("had", "not"), "mustn't": ("must", "not"),
    "needn't": ("need", "not"), "ain't": ("is", "not"),
    "we're": ("we", "are"), "we've": ("we", "have"), "we'll": ("we", "will"),
    "they're": ("they", "are"), "they've": ("they", "have"), "they'll": ("they", "will"),
    "you've": ("you", "have"), "you'll": ("you", "will"),
    "i'm": ("i", "am"), "i'd": ("i", "would"), "we'd": ("we", "would"),
    "you'd": ("you", "would"), "they'd": ("they", "would"),
    "i've": ("i", "have"), "i'll": ("i", "will"), "you're": ("you", "are"),
    "what's": ("what", "is"), "whats": ("what", "is"), "where's": ("where", "is"),
    "when's": ("when", "is"), "who's": ("who", "is"), "how's": ("how", "is"),
    "it's": ("it", "is"), "that's": ("that", "is"), "there's": ("there", "is"),
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"),
    "wont": ("will", "not"), "cant": ("can", "not"), "wanna": ("want", "to"),
    "gonna": ("going", "to"), "gimme": ("give", "me"), "lemme": ("let", "me"),
}  # fmt: skip
# Suffix rules for lemmas, tried in order; a candidate must be a word the lexicon knows.
_RULES = (
    ("ies", "y"), ("ied", "y"), ("ying", "y"), ("lled", "l"), ("lling", "l"),
    ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("es", "e"), ("s", ""),
    ("er", ""), ("er", "e"),
)  # fmt: skip


@dataclass(slots=True)
class Token:
    """One word of a request.

    Attributes:
        text: as typed.
        lower: lower-cased, hyphens removed (``e-mail`` -> ``email``).
        lemma: the dictionary form (``sent`` -> ``send``, ``orders`` -> ``order``).
        start / end: where it stands in the original text.
        entity: the token lies inside a value an extractor took (an email, a date...).
    """

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    entity: bool = False

    @property
    def is_word(self) -> bool:
        return self.lower[:1].isalpha()


def normalize(text: str) -> str:
    """NFKC (full-width forms, ligatures) and typographic quotes/dashes as ASCII; offsets of
    the result are the offsets tokens refer to."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_PUNCT)


_PUNCT = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
     "\u00a0": " "}
)  # fmt: skip


def tokenize(text: str) -> list[Token]:
    """Tokens of (normalised) ``text``, contractions expanded (both halves keep the span)."""
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        low = raw.lower()
        parts: tuple[str, ...] | None = _CONTRACTIONS.get(low)
        if parts is None and low.endswith("'s"):
            parts = (low[:-2],)  # possessive: "bob's" -> "bob"
        counted = _counted_compound(raw, match.start())
        if parts is None and counted:
            out.extend(counted)
            continue
        if parts is None:
            parts = (low.replace("-", "") if low[:1].isalpha() else low,)
        for part in parts:
            out.append(Token(raw, part, lemma(part), match.start(), match.end()))
    return out


# Number words that open a compound adjective of a count: "a *five-session* card", "a
# three-night stay" say five sessions, three nights (as "5-session" does).
_COUNT_WORDS = frozenset(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred")
)  # fmt: skip


def _counted_compound(raw: str, start: int) -> list[Token]:
    """The number word and the noun of a hyphenated count ("five-session"), as two tokens
    with their own spans; none for other words ("e-mail", "twenty-five", "check-in")."""
    head, dash, rest = raw.partition("-")
    low = head.lower()
    if not dash or low not in _COUNT_WORDS or "-" in rest or rest.lower() in _COUNT_WORDS:
        return []
    noun = rest.lower()
    at = start + len(head) + 1
    return [
        Token(head, low, low, start, start + len(head)),
        Token(rest, noun, lemma(noun), at, at + len(rest)),
    ]


def words(text: str) -> list[str]:
    """Lemmas of the words of ``text`` (no symbols), for documents and queries."""
    return [t.lemma for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()]


@cache
def _known() -> frozenset[str]:
    lex = lexicon()
    known = set(lex.classes) | set(lex.nominal) | set(lex.nominal.values())
    known |= set(lex.synonyms) | set(lex.irregular.values()) | lex.stopwords
    return frozenset(w for w in known if "_" not in w)


@lru_cache(maxsize=65_536)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word: irregular forms from the lexicon, then suffix
    rules whose result is a known word, then a plain plural strip."""
    lex = lexicon()
    irregular = lex.irregular.get(word)
    if irregular is not None:
        return irregular
    known = _known()
    if word in known or not word[:1].isalpha():
        return word
    for suffix, repl in _RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)] + repl
            if base in known and not (suffix == "es" and base in lex.stopwords):
                # ("notes" is no "not": a function word takes no "-es", "ups" is "up".)
                return base
            doubled = len(base) > 2 and base[-1] == base[-2]
            if suffix in ("ing", "ed") and doubled and base[:-1] in known:
                return base[:-1]  # stopped -> stop, planning -> plan
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ally", "ly"):
        # Adverbs of unknown words: "publicly", "publically" -> "public".
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    for suffix in ("ing", "ed"):
        # Unknown words are stemmed alike on both sides: "shipping", "shipped" -> "ship".
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]
            return base
    if word.endswith(("sses", "shes", "xes", "zzes")) and len(word) > 4:
        return word[:-2]  # classes -> class, dishes -> dish, boxes -> box
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


# The present forms in the table of irregular verbs: "am", "is", "has" say nothing of the past.
_PRESENT_FORMS = frozenset(("am", "is", "are", "has", "does", "goes"))


def past_form(word: str) -> bool:
    """Whether a lower-case word is a verb's past form ("went", "paid", "booked"), not one of
    its present forms ("am", "is", "has") nor a word that merely ends in "ed" ("need")."""
    if word in _PRESENT_FORMS:
        return False
    if "-" in word.strip("-"):
        # a compound is past by its last part: "pre-booked" is, "three-bed" is not
        return past_form(word.rsplit("-", 1)[1])
    return lemma(word) != word and (word in lexicon().irregular or word.endswith("ed"))


def identifier_words(name: str) -> list[str]:
    """The words of an identifier: ``order_refund``, ``getWeather``, ``billing.invoice-send``."""
    out: list[str] = []
    for part in re.split(r"[\W_]+", name):
        out.extend(p.lower() for p in _CAMEL.findall(part))
    return [p for p in out if p]


def agent_noun(verb: str, noun: str) -> bool:
    """Whether ``noun`` is the agent noun of ``verb`` ("editor" of edit, "viewer" of view,
    "owner" of own): the one who does it."""
    return len(verb) >= 3 and noun in (verb + "er", verb + "or", verb + "r")


def same_family(a: str, b: str) -> bool:
    """Words of one family: the same lemma, or one derived from the other ("rotate" /
    "rotation", "inspect" / "inspection"): a shared start of five letters or more that is
    most of the shorter word."""
    if a == b or lemma(a) == lemma(b):
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.6 * min(len(a), len(b))


def gerund_bases(form: str) -> frozenset[str]:
    """The base forms a word in "-ing" (or a past in "-ed") may come from, by spelling alone:
    "rowing" -> row, "cycling" -> cycle, "swimming" -> swim, "skiing" -> ski, "rowed" -> row.
    The activity's noun is often that base ("a row", "a swim", "a cycle"), and the verb's
    other forms share it."""
    suffix = "ing" if form.endswith("ing") else "ed" if form.endswith("ed") else ""
    if not suffix or len(form) < len(suffix) + 3:
        return frozenset()
    stem = form[: -len(suffix)]
    bases = {stem, stem + "e"}
    if stem[-1] == stem[-2]:
        bases.add(stem[:-1])  # swimming -> swim
    return frozenset(bases)
