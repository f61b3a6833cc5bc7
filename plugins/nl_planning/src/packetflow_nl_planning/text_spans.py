"""Where a free-text value begins and ends: the phrase after a cue (up to a preposition, a
connector, punctuation or another value), trimmed of determiners and of the capability's own
words; the longest free run of a clause once everything else is taken; verbatim text to the
end of the clause. ``freetext`` and ``named_text`` cut their values with these.
"""

from __future__ import annotations

from .clauses import Scope
from .lexicon import lexicon
from .text import Token, past_form

__all__ = [
    "DETERMINERS",
    "INDEFINITE",
    "PRONOUNS",
    "clean",
    "in_value",
    "listed",
    "own_noun",
    "phrase",
    "registry_acronym",
    "remainder",
    "span_text",
    "trim",
    "verbatim_end",
]

STOP_AT = frozenset(
    [
        "and",
        "then",
        "but",
        "or",
        "so",
        "because",
        "if",
        "when",
        "please",
        "that",
        "which",
        "who",
        "whose",
        "where",
    ]
)
TIME_WORDS = frozenset(["now", "today", "tonight", "tomorrow", "yesterday", "currently", "right"])
PRONOUNS = frozenset(
    [
        "it",
        "that",
        "this",
        "them",
        "those",
        "these",
        "him",
        "her",
        "me",
        "us",
        "you",
        "result",
        "results",
    ]
)
INDEFINITE = frozenset(
    [
        "everyone",
        "everybody",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "nobody",
        "noone",
        "everything",
        "anything",
        "something",
        "nothing",
        "whoever",
        "whatever",
    ]
)
"""Indefinite pronouns: they stand for whoever or whatever, so they are never a name or a
value ("what did *everyone* score": no one player)."""
DETERMINERS = frozenset(
    ["the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "some"]
)
"""Words that open a noun phrase: the one list the value spans and the tense reading share."""


def phrase(tokens: list[Token], at: int, scope: Scope, limit: int = 8) -> tuple[int, int] | None:
    """The token range of the phrase starting at ``at`` (up to a preposition, a connector,
    punctuation or a value)."""
    lex = lexicon()
    roles = lex.roles
    end = at
    while end < len(tokens) and end - at < limit:
        t = tokens[end]
        if not scope.text_free(t.start, t.end) or t.lower in TIME_WORDS:
            break
        if end > at and (t.lower in roles or t.lower in STOP_AT):
            link = _name_link(tokens, end, scope)
            if not link:
                break
            end += link
            continue
        if not (t.is_word or t.lower[:1].isdigit() or t.lower in ("-", "&")):
            break
        end += 1
    return trim(tokens, at, end, scope)


# Small words inside a name in title case: "Museum *of* London", "Sons *of the* Desert",
# "Florence *and the* Machine". A bare "and" joins two names as often ("Ana and Ben"), so it
# links only with "the" after it.
_NAME_LINKS = (("of", "the"), ("and", "the"), ("of",), ("&",))


def _name_link(tokens: list[Token], k: int, scope: Scope) -> int:
    """How many small words at ``tokens[k]`` join the capitalised word before them to the
    capitalised word after them into one name (0 when they do not)."""
    if not tokens[k - 1].text[:1].isupper() or not tokens[k - 1].is_word:
        return 0
    for link in _NAME_LINKS:
        after = k + len(link)
        if tuple(t.lower for t in tokens[k:after]) != link or after >= len(tokens):
            continue
        nxt = tokens[after]
        if (
            nxt.is_word
            and nxt.text[:1].isupper()
            and not nxt.entity
            and scope.text_free(tokens[k].start, nxt.end)
        ):
            return len(link)
    return 0


_LIST_MARKS = frozenset((",", ";", ":"))


def listed(tokens: list[Token], scope: Scope) -> list[tuple[int, int]]:
    """The items of a terse list ("Log a sighting: cockroaches, kitchen, Sunday") that no
    value took: runs of free words with a comma, a semicolon or a colon before them and one
    (or the clause's end) after, in a clause of two such marks or more."""
    marks = [i for i, t in enumerate(tokens) if t.lower in _LIST_MARKS]
    if sum(tokens[i].lower == "," for i in marks) < 1 or len(marks) < 2:
        return []
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for n, i in enumerate(marks):
        end = marks[n + 1] if n + 1 < len(marks) else len(tokens)
        if end < len(tokens) and tokens[end].lower == ":":
            continue  # "notes: ...": a label, not an item
        run = tokens[i + 1 : end]
        if (
            not run
            or len(run) > 4
            or not all(t.is_word and scope.text_free(t.start, t.end) for t in run)
        ):
            continue
        if all(t.lower in lex.stopwords or t.lower in DETERMINERS for t in run):
            continue
        # "Pinner centre" for test_centre is "Pinner"; a word of the capability's own that is
        # the whole item ("kitchen", which its examples say too) stays: the list gives it.
        rng = trim(tokens, i + 1, end, scope)
        if rng is None:
            rng = (i + 1, end)
            while rng[0] < rng[1] and tokens[rng[0]].lower in DETERMINERS:
                rng = (rng[0] + 1, rng[1])
        out.append(rng)
    return out


def own_noun(tokens: list[Token], at: int, scope: Scope) -> tuple[int, int] | None:
    """The noun after a determiner at ``at`` ("the *loft*", "our *spare room*") kept whole
    though the capability's own words make it (its examples say "in the loft" too): after a
    preposition that names the field, a determiner starts a noun phrase, never a verb."""
    if at >= len(tokens) or tokens[at].lower not in DETERMINERS:
        return None
    lex = lexicon()
    end = at + 1
    while end < len(tokens) and end - at <= 3:
        t = tokens[end]
        if (
            not t.is_word
            or not scope.text_free(t.start, t.end)
            or t.lower in TIME_WORDS
            or t.lower in lex.roles
            or t.lower in lex.stopwords
            or t.lower in STOP_AT
        ):
            break
        end += 1
    return (at + 1, end) if end > at + 1 else None


def trim(tokens: list[Token], begin: int, end: int, scope: Scope) -> tuple[int, int] | None:
    """Drop determiners and the capability's own words at both ends ("the garden lamps" for
    set_lamps -> "garden")."""
    lex = lexicon()

    def edge(k: int) -> bool:
        t = tokens[k]
        return (
            t.lower in DETERMINERS
            or t.lower in lex.stopwords
            or (t.lemma in scope.own and t.lemma not in scope.keep and not t.text[:1].isupper())
            or _half_of_own(tokens, k, scope)
        )

    def glued(i: int) -> bool:  # "6AN" of "E1 6AN", "31" of "M31": a piece of a code
        return (
            i > 0
            and tokens[i - 1].end == tokens[i].start
            and (tokens[i - 1].lower[-1:].isdigit() or tokens[i].text.isdigit())
        )

    while (
        end > begin
        and edge(end - 1)
        and not glued(end - 1)
        and not _particle(tokens, end - 1, begin)
    ):
        end -= 1
    while begin < end and (edge(begin) or tokens[begin].lemma in scope.keep):
        begin += 1  # "zip 02139": a value does not start with its field's name
    if (
        end - begin > 1
        and tokens[end - 1].lemma in scope.keep
        and tokens[end - 2].text[:1].isupper()
    ):
        end -= 1  # "the Sales folder": the name is "Sales" (but "the dining room" stays)
    return (begin, end) if end > begin else None


def _half_of_own(tokens: list[Token], k: int, scope: Scope) -> bool:
    """Whether ``tokens[k]`` and a word beside it write one of the capability's own words
    apart ("my watch list" for a watchlist): English writes many compounds either way, and
    half of the capability's name is no value."""
    t = tokens[k]
    if not t.is_word or t.text[:1].isupper():
        return False
    pairs = []
    if k + 1 < len(tokens) and tokens[k + 1].is_word:
        pairs.append(t.lower + tokens[k + 1].lemma)
    if k > 0 and tokens[k - 1].is_word:
        pairs.append(tokens[k - 1].lower + t.lemma)
    return any(p in scope.own and p not in scope.keep for p in pairs)


# Adverbs that finish a phrasal verb ("hanging off", "broken down", "fell over").
_PARTICLES = frozenset(("off", "down", "up", "over", "out", "away", "back", "apart", "open"))


def _particle(tokens: list[Token], k: int, begin: int) -> bool:
    """Whether ``tokens[k]`` is the particle of the verb form just before it in the phrase
    ("the cleat is hanging *off*"): it belongs to what is said, as the verb does."""
    if k - 1 < begin or tokens[k].lower not in _PARTICLES:
        return False
    verb = tokens[k - 1].lower
    return verb.endswith("ing") or past_form(verb)


def _split_particle(tokens: list[Token], k: int, begin: int) -> bool:
    """Whether ``tokens[k]`` is the particle of a phrasal verb split by its object, before a
    noun phrase ("cross bananas *off* the list", "send the old mats *back* this week"): the object
    ends before it. After a verb's form it is that verb's ("hanging off"), and stays."""
    if tokens[k].lower not in _PARTICLES or _particle(tokens, k, begin):
        return False
    return k + 1 < len(tokens) and tokens[k + 1].lower in DETERMINERS


# Forms of "be" and "get": a participle after them is the clause's verb, not a complement.
_BE = frozenset(("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"))


def _done_to(tokens: list[Token], k: int, scope: Scope) -> bool:
    """Whether ``tokens[k]`` is a past participle after a noun that says what is to be done
    with the thing named ("two portions of chips *brought up* at 8:30", "three coffees
    *delivered* at 9"): English puts the object before it ("we'd like X sent up"), and the
    thing is the noun alone. A participle before its noun ("smoked salmon") or after "is"
    is no such complement."""
    t, before = tokens[k], tokens[k - 1]
    if not t.is_word or t.text[:1].isupper() or not past_form(t.lower):
        return False
    if not before.is_word or before.lower in DETERMINERS or before.lower in _BE:
        return False
    if k + 1 >= len(tokens):
        return True
    after = tokens[k + 1]
    return (
        after.lower in _PARTICLES
        or after.lower in lexicon().roles
        or after.lower in STOP_AT
        or not after.is_word
        or not scope.text_free(after.start, after.end)
    )


def span_text(scope: Scope, tokens: list[Token], rng: tuple[int, int]) -> tuple[str, int, int]:
    a, b = tokens[rng[0]].start, tokens[rng[1] - 1].end
    followed = rng[1] < len(tokens) and tokens[rng[1]].is_word
    if scope.text[b - 2 : b] in ("'s", "\u2019s") and followed:
        b -= 2  # "Ada Byron's phone": the name is "Ada Byron" ("Mario's" stays)
    return scope.text[a:b], a, b


_WHEN = frozenset(("date", "daterange", "time"))


def remainder(
    tokens: list[Token], scope: Scope, thing: bool = False
) -> tuple[str, int, int] | None:
    """The longest run of free words after the action (each run ends at a taken value, a
    preposition or a comma). For a ``thing`` (a field naming one, not prose), the run also
    ends at a participle that says what is to be done with it ("chips *brought up*")."""
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []  # runs a participle of what is to be done ends
    # A day or a time ("next Monday") is never the rest of the clause's text.
    when = [(m.start, m.end) for m in scope.mentions.items if m.kind in _WHEN]
    i = 0
    while i < len(tokens):
        while i < len(tokens) and (
            tokens[i].end <= scope.action_span[1]
            or any(a <= tokens[i].start and tokens[i].end <= b for a, b in when)
            or not scope.text_free(tokens[i].start, tokens[i].end)
            or tokens[i].lower in lex.stopwords
            or tokens[i].lower in lex.roles
            or not (tokens[i].is_word or _numbered_noun(tokens, i))
        ):
            i += 1
        j, done = i, False
        while (
            j < len(tokens)
            and scope.text_free(tokens[j].start, tokens[j].end)
            and tokens[j].lower not in TIME_WORDS
            and not any(a <= tokens[j].start and tokens[j].end <= b for a, b in when)
        ):
            t = tokens[j]
            if j > i and (t.lower in lex.roles or t.lower in STOP_AT or t.lower in (",", ";")):
                break
            if j > i and _spaced_dash(scope, t):
                break  # "for my dad - a cabled jumper": a dash between spaces sets off a phrase
            if j > i and _split_particle(tokens, j, i):
                break
            if thing and j > i and _done_to(tokens, j, scope):
                done = True
                break
            if not (t.is_word or t.lower[:1].isdigit() or t.lower in ("-", "&", "'")):
                break
            j += 1
        rng = trim(tokens, i, j, scope) if j > i else None
        if rng is not None:
            runs.append(rng)
            objects += [rng] if done else []
        i = max(j, i + 1)
    if not runs:
        return None
    # The thing something is to be done with is the object wanted, however short.
    best = max(objects or runs, key=lambda r: (r[1] - r[0], -r[0]))
    run = tokens[best[0] : best[1]]
    if all(
        t.lower in PRONOUNS
        or t.lower in INDEFINITE
        or t.lower in lex.stopwords
        or registry_acronym(t, scope)
        for t in run
    ):
        return None
    a, b = run[0].start, run[-1].end
    return clean(scope.text[a:b]), a, b


def _spaced_dash(scope: Scope, token: Token) -> bool:
    """Whether ``token`` is a dash with a space either side (not the hyphen of a word)."""
    text = scope.text
    return (
        token.text in ("-", "\u2013", "\u2014")
        and text[token.start - 1 : token.start] == " "
        and text[token.end : token.end + 1] == " "
    )


def _numbered_noun(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a number that stands as a noun after "the" ("left it on *the
    73*"): English names a bus, a room or a route by its number alone."""
    if k == 0 or not tokens[k].text.isdigit() or tokens[k - 1].lower != "the":
        return False
    if k + 1 == len(tokens) or not tokens[k + 1].is_word:
        return True
    lex = lexicon()
    after = tokens[k + 1].lower
    return after in TIME_WORDS or after in lex.stopwords or after in lex.roles  # no noun after


def registry_acronym(token: Token, scope: Scope) -> bool:
    """Whether ``token`` is an acronym ("GPS", "VPN") that a capability of the registry has
    among its words: a term of the domain the request is about, not a name to fill in."""
    text = token.text
    return (
        len(text) >= 2
        and text.isalpha()
        and text.isupper()
        and (scope.known(token.lower) or scope.known(token.lemma))
    )


def in_value(scope: Scope, token: Token) -> bool:
    """Whether ``token`` is inside a value the text states (the colon of "https://...", of
    "10:30"), taken by a field or not: such a colon introduces nothing."""
    return any(m.start <= token.start and token.end <= m.end for m in scope.mentions.items)


def verbatim_end(scope: Scope) -> int:
    """Where verbatim text ends: the clause's end, with the "?" or "!" that closed it."""
    end = scope.span[1]
    if end < len(scope.text) and scope.text[end] in "?!":
        end += 1
    return end


def clean(value: str) -> str:
    return value.strip().strip(",.;:!?").strip()
