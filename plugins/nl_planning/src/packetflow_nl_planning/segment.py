"""Splitting a compound request into ordered clauses: "refund order 12 and then email Ana",
"book a table; also remind me at 6", "check my balance. After that, pay the bill".

A clause boundary is sentence punctuation, a connector that always joins two requests
("and then", "after that", "afterwards"), or "and"/"also"/a comma followed by a new action
verb ("book a table and notify me"; but not "milk and eggs"). Nothing inside a quoted text,
an email or a URL is ever split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .asides import bare_reason, labels_value, tells_why, wish_after_self, without_anyone
from .before_leads import before_at, told_after
from .connectors import (
    ADDED,
    EARLIER,
    GERUND_JOINS,
    HARD_PUNCT,
    INTERJECTIONS,
    LEADING,
    ONCE,
    ORDINAL,
    SOFT,
    THING_ADDED,
    URGING,
    after_subject,
    asks_after,
    dash_ends,
    frame_size,
    names_thing,
    spaced_dash,
    without_also,
)
from .indirect_asks import VISITS, asked_of
from .lexicon import lexicon
from .numbers import parse_number
from .repeats import CORRECT, CORRECT_AFTER_COMMA, RESTATE, named_again, repeats
from .request_actions import put_as_question, request_action
from .text import Token, past_form
from .then_refs import TIME_PREPOSITIONS, kept_of, told_first

__all__ = ["Clause", "named_again", "split"]

_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")


@dataclass(frozen=True, slots=True)
class Clause:
    """One request of a compound text: its tokens and span."""

    tokens: tuple[Token, ...]
    start: int
    end: int
    earlier: bool = False
    """Runs before the request told ahead of it ("..., but first check my balance"); the
    planner reads the clauses in the order written (references point back in the text) and
    puts its step first."""
    added: bool = False
    """Told as one more thing ("...; also I left my gloves on the bus"): a request of its own,
    even when it reads as a statement."""
    corrects: bool = False
    """Opened by a correction ("..., actually make that Monday", "no wait, 26", "or rather the
    bedroom"): the values it gives replace those of the request before, no step of its own."""

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word or t.entity or t.lower[:1].isdigit()]


def _protected(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.start and token.end <= b for a, b in spans)


_SUBJECTS = frozenset(("i", "we"))
_SAME_THING = frozenset(("it", "them", "this", "that"))
_FUTURE = frozenset(("will", "shall"))


_LEVELS = frozenset(("to", "at"))


def _to_level(words: Sequence[Token]) -> bool:
    """Whether the words give a level to set a thing to ("set it *to 26°C*", "keep them *at
    19*"): a setting of its own, not a property of the thing the request before acts on."""
    return (
        len(words) > 1
        and words[0].lower in _LEVELS
        and (words[1].lower[:1].isdigit() or parse_number(words[1].lower) is not None)
    )


def _continues(words: Sequence[Token], after_request: bool = True) -> bool:
    """Whether what follows a soft connector only says more about the request before it:
    a participle ("..., leaving at 5:45, carrying 2 t"), a complement of its object ("make
    it instant", "keep it private", "have it delivered"), or what the speaker will do with
    the same thing ("I'll pick it up at 6")."""
    lex = lexicon()
    first = words[0]
    if first.lower.endswith("ing") and first.lower != first.lemma:
        return True  # imperatives are bare: a verb in -ing describes, it does not ask
    if (
        after_request
        and first.lemma in lex.complement
        and len(words) > 1
        and words[1].lower in _SAME_THING
        and not _to_level(words[2:])
    ):
        return True  # (after a statement, "get it released" is the request itself)
    if first.lower in _SUBJECTS and len(words) > 1 and words[1].lower in _FUTURE:
        # "I'll ..." says what the speaker will do; "I want to ..." asks for something
        return any(t.lower in _SAME_THING for t in words[2:6])
    return False


# Abbreviations that end in a full stop inside a sentence ("Dr. Okafor", "St. Mary's").
_ABBREVIATIONS = frozenset(("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "mt", "vs"))


def _initial(tokens: Sequence[Token], i: int) -> bool:
    """Whether the full stop at ``i`` ends an initial or a title ("Mary J. Blige", "Dr.
    Lee") followed by a capitalised word, rather than a sentence."""
    if tokens[i].lower != "." or i == 0 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if before.end != tokens[i].start or not after.text[:1].isupper():
        return False
    # A capital letter after a capitalised word is a middle initial ("Mary J. Blige");
    # after a lower-case word it is a name of its own that may end a sentence ("plan B. Then").
    single = len(before.text) == 1 and before.text.isupper()
    letter = single and i >= 2 and tokens[i - 2].text[:1].isupper()
    # ... and the last of them ("R." of "J. R. Hartley") is one as well.
    letter = letter or (
        single
        and i >= 3
        and tokens[i - 2].text == "."
        and len(tokens[i - 3].text) == 1
        and tokens[i - 3].text.isupper()
    )
    # Initials in a row start a name too ("J. R. Hartley"): the next word is one more.
    run = (
        single
        and len(after.text) == 1
        and i + 2 < len(tokens)
        and tokens[i + 2].text == "."
        and tokens[i + 2].start == after.end
    )
    return letter or run or before.lower in _ABBREVIATIONS


def _starts_action(
    tokens: Sequence[Token],
    verbs: frozenset[str],
    gerund: bool = False,
    after_request: bool = True,
) -> bool:
    first = next((t for t in tokens if t.is_word or t.entity or t.lower[:1].isdigit()), None)
    if first is not None and (first.lower[:1].isdigit() or parse_number(first.lower) is not None):
        return False  # "..., 4 stars at least": a count is followed by a noun, never a verb
    words = without_also([t for t in tokens if t.is_word or t.entity])
    size = _phrase_at([t.lower for t in words], 0, URGING)
    if size and len(words) > size:
        words = words[size:]  # (", and don't forget to pay it": the verb after)
    if not words or (
        _continues(words, after_request) and not (gerund and words[0].lower.endswith("ing"))
    ):
        return False
    action = request_action(words, bare=False, verbs=verbs)
    return action.explicit


# "..., can someone come on Friday?": a modal and who is to act open a request put as a question.
_MODALS = frozenset(("can", "could", "would", "will"))


def _asks(tokens: Sequence[Token]) -> bool:
    """Whether the words open with a request put as a question ("can someone ...", "could
    you ...", and here "can I ..." too), whatever verb follows (a light one, "come", reads as
    no action)."""
    words = [t.lower for t in tokens if t.is_word][:2]
    return len(words) == 2 and words[0] in _MODALS and (put_as_question(words) or words[1] == "i")


def _asks_party(tokens: Sequence[Token]) -> bool:
    """Whether the words ask someone named to do a thing, put as a question ("can
    housekeeping bring fresh towels", "could the driver call me"; see :func:`asked_of`)."""
    words = [t for t in tokens if t.is_word or t.entity]
    return asked_of(words, 0) is not None


def _requests(tokens: Sequence[Token], verbs: frozenset[str]) -> bool:
    """Whether the clause so far asks for something (not "my car is in the pound")."""
    words = without_also([t for t in tokens if t.is_word or t.entity])
    return bool(words) and request_action(words, verbs=verbs).explicit


def split(
    tokens: Sequence[Token],
    protected: Sequence[tuple[int, int]],
    verbs: frozenset[str] = frozenset(),
    times: Sequence[tuple[int, int]] = (),
    *,
    reasons: bool = True,
) -> list[Clause]:
    """The clauses of a tokenized request, in order (``verbs``: the registry's verbs the
    lexicon does not know, see :func:`~.verbs.unknown_verb`; ``times``: the spans of its
    dates and times, see :func:`~.then_refs.fronted_time`); with ``reasons``, what someone
    is doing told after a comma is a clause of its own (see :func:`tells_why`)."""
    lex = lexicon()
    hard = list(lex.connect)
    clauses: list[list[Token]] = [[]]
    earlier: list[bool] = [False]  # per clause: it runs before the clause ahead of it
    i = 0
    n = len(tokens)
    lowers = [t.lower for t in tokens]
    # Connectors are read as typed as well: a typo fix towards a registry's word ("after" ->
    # "alter") must not hide "after that".
    typed = [t.text.lower() for t in tokens]
    # "when you refill RX-1 email me": after a lead told as done first, with no comma, the
    # next action verb past its own starts the request that waits for it (-1: none pending)
    waiting = -1
    fronts: dict[int, list[Token]] = {}  # per clause: a time told before it (fronted_time)
    depth = 0  # inside brackets: "register my drone (HS720, 495 g, email x@y.z), then ..."
    ends = -1  # where a condition told after "and" with no comma ends (see _condition_end)
    while i < n:
        token = tokens[i]
        if i == ends and clauses[-1]:
            # "check on WR-1 and if it's ready approve the quote": the condition qualifies
            # the request from here on, as "if it's ready, approve ..." would
            fronts[len(clauses) - 1] = kept_of(clauses[-1], times)
            clauses[-1] = []
            ends = -1
        depth = max(0, depth + (token.lower in _OPEN) - (token.lower in _CLOSE))
        if not clauses[-1] and (size := _phrase_at(lowers, i, ONCE)):
            waiting = i + size + 1  # (past the lead and its verb)
        elif (
            waiting >= 0
            and i > waiting
            and token.is_word
            and not token.entity
            and _starts_action(tokens[i:], verbs, after_request=False)
        ):
            clauses.append([])
            earlier.append(False)
            waiting = -1
        if token.lower in HARD_PUNCT or token.lower == ",":
            waiting = -1
        if _protected(token, protected) or depth > 0 or token.lower in _CLOSE:
            # (what brackets hold says more about the request around them: never a step)
            clauses[-1].append(token)
            i += 1
            continue
        if lowers[i] == "and" and (frame := frame_size(clauses[-1])):
            if tuple(lowers[i - frame : i]) in VISITS:
                clauses[-1].append(token)  # "come and check it": a visit to do it (see visit_for)
            else:
                del clauses[-1][-frame:]  # "go ahead and print it": the verb after "and" asks
            i += 1
            continue
        decimal = token.lower == "." and i + 1 < n and tokens[i + 1].lower[:1].isdigit()
        # A full stop between two characters with no space ("q3.pdf", "v2.1", "acme.io") is
        # part of a name, never the end of a sentence.
        inside = (
            token.lower == "."
            and 0 < i < n - 1
            and tokens[i - 1].end == token.start
            and tokens[i + 1].start == token.end
            and tokens[i + 1].lower[:1].isalnum()
        )
        decimal = decimal or inside
        if (
            token.lower in HARD_PUNCT
            and not token.entity
            and not decimal
            and not _initial(tokens, i)
        ):
            clauses.append([])
            earlier.append(False)
            i += 1
            continue
        size = _phrase_at(typed, i, EARLIER)
        if (
            size
            and any(clauses)
            and (
                typed[i + size : i + size + 1] == [","]
                or _starts_action(tokens[i + size :], verbs, after_request=False)
            )
        ):
            if clauses[-1]:
                clauses.append([])
                earlier.append(False)
            earlier[-1] = True
            i += size
            continue
        size = _phrase_at(lowers, i, hard) or _phrase_at(typed, i, hard)
        if size and i > 0 and lowers[i] == "then" and lowers[i - 1] in TIME_PREPOSITIONS:
            size = 0  # "until then, pause the feeder": a time told before, not a next step
        size = size or (before_at(lowers, tokens, i) if clauses[-1] else 0)
        if size and clauses[-1]:
            clauses.append([])
            earlier.append(False)
            i += size
            continue
        if (
            lowers[i] == ","
            and told_first(clauses[-1], times)
            and _starts_action(tokens[i + 1 :], verbs, after_request=False)
        ):
            # "On Friday, set the tank to 25", "if it rains, close the blinds": the time or the
            # condition told first qualifies the request after the comma (its times read after
            # the verb), no request
            fronts[len(clauses) - 1] = kept_of(clauses[-1], times)
            clauses[-1] = []
            i += 1
            continue
        fix = _phrase_at(lowers, i + 1, CORRECT_AFTER_COMMA) if lowers[i] == "," else 0
        if fix and clauses[-1] and i + 1 + fix < n:
            clauses.append([])  # "pause it till Sunday, actually make that Monday"
            earlier.append(False)
            i += 1
            continue
        size = _phrase_at(lowers, i, SOFT) or spaced_dash(tokens, i)
        if size and lowers[i] == "and" and clauses[-1] and _requests(clauses[-1], verbs):
            ends = _condition_end(tokens, i + size, verbs, times)
            if ends > 0:
                clauses.append([])
                earlier.append(earlier[-1])
                i += size + (lowers[i + size] == ",")  # (", and, if ...": from the "if")
                continue
        if size and lowers[i] == "also" and after_subject(clauses[-1]):
            size = 0
        gerund = size > 0 and tuple(lowers[i : i + size]) in GERUND_JOINS
        after_request = bool(size and clauses[-1]) and _requests(clauses[-1], verbs)
        if size and lowers[i] == "so" and not after_request and bare_reason(clauses[-1]):
            # "rain all day so please cancel GB-4": the reason told first, as before a colon
            size = 0
        if size and lowers[i] == ":" and (after_request or sum(t.is_word for t in clauses[-1]) < 3):
            # only a statement told before it ("we're closed till the 9th: pause the water"),
            # never a label ("comment: approved", "FT-31022: take them up 3 cm")
            size = 0
        if (
            size
            and clauses[-1]
            and not (lowers[i] == "," and not after_request and labels_value(tokens[i + 1 :]))
            and (
                _starts_action(tokens[i + size :], verbs, gerund, after_request)
                # "the chimney is smoking, can someone come on Friday?": after a statement
                or (lowers[i] == "," and not after_request and _asks(tokens[i + 1 :]))
                # "file an expense of €18, and what's its status?": a question of its own
                # (not in a text told after a colon: 'post: "gym at 6, what's the plan?"')
                or (
                    after_request
                    and lowers[i] in (",", "and")
                    and asks_after(lowers[i + size :])
                    and all(t.lower != ":" for t in clauses[-1])
                )
                # "shut the blind, the baby's napping": the reason, a statement of its own
                or (reasons and lowers[i] == "," and after_request and tells_why(tokens[i + 1 :]))
                # "we're moving abroad and need a lock-up": a wish after the teller's statement
                or (
                    lowers[i] == "and"
                    and not after_request
                    and wish_after_self(clauses[-1], tokens[i + size :])
                )
                # "..., and can housekeeping bring fresh towels?": asked of someone named
                or (lowers[i] in (",", "and") and _asks_party(tokens[i + size :]))
                # "book a fitting for Ann on Friday and one for Tom": the request once more
                or (after_request and repeats(lowers[i + size :]))
                # "register a soil sample and also a pH test", "order 20 frames plus 100
                # jars": one more thing asked for, its verb left out
                or (
                    after_request
                    and tuple(lowers[i : i + size]) in THING_ADDED
                    and names_thing(tokens[i + size :])
                )
                # "register Sam Lee for 10am and Ana Silva for the same time"
                or (after_request and lowers[i] == "and" and named_again(tokens[i + size :]))
            )
        ):
            clauses.append([])
            # "Before that, hire a skip and change the locks": both come first.
            earlier.append(earlier[-1])
            i += size
            continue
        clauses[-1].append(token)
        i += 1
    out: list[Clause] = []
    retracted = False
    for at, (group, first) in enumerate(zip(clauses, earlier, strict=True)):
        added = _phrase_at([t.lower for t in group], 0, ADDED) > 0
        corrects = bool(out) and (_phrase_at([t.lower for t in group], 0, CORRECT) > 0 or retracted)
        while corrects and (size := _phrase_at([t.lower for t in group], 0, RESTATE)):
            group = group[size:]  # ("sorry, I mean the bedroom": the bedroom)
        # ("Sorry, close them instead": the comma cut the correction off its request)
        retracted = corrects and not group
        if not out and _phrase_at([t.lower for t in group if t.lower != ","], 0, CORRECT) == len(
            [t for t in group if t.lower != ","]
        ):
            continue  # ("Actually, add milk to the list": nothing told before to correct)
        while group and (
            _phrase_at([t.lower for t in group], 0, hard)
            or _phrase_at([t.text.lower() for t in group], 0, hard)
            or group[0].lower in LEADING
        ):
            size = _phrase_at([t.lower for t in group], 0, hard)
            group = group[size or _phrase_at([t.text.lower() for t in group], 0, hard) or 1 :]
        group = _done_first(without_also(group), verbs)  # ("I'd also like": "I'd like")
        later = told_after(group, lambda g: _starts_action(g, verbs, after_request=False))
        if later is not None and at + 1 < len(earlier):
            group, earlier[at + 1] = later, True  # "before you rent a car, quote insurance"
        size = _phrase_at([t.lower for t in group], 0, URGING)
        if size and _starts_action(group[size:], verbs, after_request=False):
            group = group[size:]
        group = without_anyone(group)
        size = _phrase_at([t.lower for t in group], 0, ORDINAL)
        if size and all(t.lower == "," for t in group[size:]):
            continue  # "First of all, refill RX-1": the comma cut the order off its request
        if size and _starts_action(group[size:], verbs, after_request=False):
            group = group[size:]  # "first refill RX-1, then ...": the order, not the request
            while group and group[0].lower == ",":
                group = group[1:]
        while group and (group[-1].lower == "," or dash_ends(group)):
            group = group[:-1]  # the comma before a connector ("..., then ...") joins
        words = [t for t in group if t.is_word or t.entity or t.lower[:1].isdigit()]
        if all(t.lower in INTERJECTIONS for t in words):
            continue  # ("Oh, and book the refractor": the "oh" asks for nothing)
        if words and (corrects or not all(t.lower in lex.stopwords for t in words)):
            # "..., but first check my balance": this request goes before the one just told.
            lead = fronts.get(at, [])
            start = lead[0].start if lead else group[0].start
            out.append(
                Clause(
                    tuple(group + lead), start, group[-1].end, first and bool(out), added,
                    corrects,
                )
            )  # fmt: skip
    return out


_CONDITIONS = frozenset(("if", "when", "unless", "provided"))
_CONDITION_MOST = 8  # words a condition told with no comma may take ("if it's ready")
# Words after which the next is no imperative: a subject, "to", a form of "be" ("is ready")
_NO_VERB_AFTER = frozenset(
    ("to", "i", "we", "you", "it", "they", "she", "he", "is", "are", "was", "were", "be", "get")
)


def _condition_end(
    tokens: Sequence[Token], at: int, verbs: frozenset[str], times: Sequence[tuple[int, int]]
) -> int:
    """Where the condition opening at ``at`` ends and the request it qualifies begins ("if it's
    ready | approve the quote"), told with no comma; -1 when no condition opens there or no
    request follows it within a few words."""
    if at < len(tokens) and tokens[at].lower == ",":
        at += 1  # ("..., and, if it's ready, approve the quote")
    if at >= len(tokens) or tokens[at].lower not in _CONDITIONS:
        return -1
    if _phrase_at([t.lower for t in tokens], at, lexicon().connect):
        return -1  # ("and when that's done a pH test": a connector, no condition)
    for j in range(at + 2, min(len(tokens), at + _CONDITION_MOST)):
        if tokens[j].lower == ",":
            fits = told_first(tokens[at:j], times)
            return j + 1 if fits and _starts_action(tokens[j + 1 :], verbs, False) else -1
        if tokens[j].lower in HARD_PUNCT:
            return -1
        if not tokens[j].is_word:
            continue
        if (
            tokens[j - 1].lower not in _NO_VERB_AFTER
            and (tokens[j].lemma in lexicon().classes or tokens[j].lemma in verbs)
            and told_first(tokens[at:j], times)
            and _starts_action(tokens[j:], verbs, after_request=False)
        ):
            return j
    return -1


def _done_first(group: list[Token], verbs: frozenset[str]) -> list[Token]:
    """The request a clause such as "once you've refilled RX-1" (", check the status") takes
    as done first: "refill RX-1" (the participle read as its verb); other clauses as they are."""
    lowers = [t.lower for t in group]
    size = _phrase_at(lowers, 0, ONCE)
    if not size or size >= len(group):
        return group
    rest = group[size:]
    verb = rest[0]
    if verb.lower != verb.lemma and past_form(verb.lower):
        # (a copy: the token is shared with the text's other readings)
        rest = [replace(verb, lower=verb.lemma), *rest[1:]]
    return rest if _starts_action(rest, verbs, after_request=False) else group


def _phrase_at(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
    for phrase in sorted(phrases, key=len, reverse=True):
        if tuple(words[at : at + len(phrase)]) == phrase:
            return len(phrase)
    return 0
