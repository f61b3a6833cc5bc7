"""The action of one clause of a request: its main verb after politeness, read through light
verbs ("make a payment" -> pay), "here's X" (hand it over), "I need a car" (obtain one), a
question or a bare noun phrase (read), or a noun naming an action ("refund for order 12").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .actions import Action
from .existence import asked_existence
from .indirect_asks import (
    ASK_OF,
    CHANGE,
    DELEGATE,
    KEEP,
    asked_of,
    comes_otherwise,
    delegated,
    kept_longer,
    moved_in_time,
    passive_ask,
    visit_for,
    wanted_otherwise,
)
from .indirect_asks import ASKING as _ASKING
from .indirect_asks import DEFINITE as _DEFINITE
from .indirect_asks import TIME_SPANS as _TIME_SPANS
from .lexicon import Lexicon, lexicon
from .light_verbs import CAUSATIVE, VERB_CONTEXT, causative, light_phrasal, named_action
from .membership import membership
from .money_moves import asks_price, money_put
from .needs import kept_out, needs_doing, paused_once, paused_until
from .replies import no_longer, told_reply
from .said_of import COUNT_WORDS, from_now_on, left_with, new_things, put_on_list
from .settings_said import bare_switch, set_to
from .statements import (
    PRESENT,
    told_done,
    told_fault,
    told_loss,
    told_shortage,
    unable_at,
    unneeded_at,
)
from .text import Token, past_form
from .verbs import (
    OBJECT_START,
    PARTICLES,
    match_phrase,
    nominal_after,
    strip_polite,
    verb_at,
)
from .wants import outing, wanted_done, wanted_later

__all__ = ["put_as_question", "request_action"]

_ME = frozenset(("me", "us"))
# "send me last month's statement": a thing of a time gone by exists already
_BEFORE_NOW = frozenset(("last", "yesterday", "yesterday's", "today's", "previous"))
_DELIVER = frozenset(("send", "email", "mail", "forward", "text"))
_YOU = frozenset(("you", "u"))
_SUBJECT = frozenset(("i", "you", "u", "we", "they", "he", "she"))
_SOMEONE = frozenset(("someone", "somebody", "anyone", "anybody", "we"))
_ASKING_YOU = _ASKING | {"do", "does"}


def put_as_question(words: Sequence[str], at: int = 0) -> bool:
    """Whether the words from ``at`` open a request put as a question: "can you ...", "do you
    ...", "can someone ring me", "could we get a table"."""
    return at + 1 < len(words) and (
        (words[at] in _ASKING_YOU and words[at + 1] in _YOU)
        or (words[at] in _ASKING and words[at + 1] in _SOMEONE)
    )


_DESIRE = (
    ("i", "need"),
    ("i", "want"),
    ("i", "would", "like"),
    ("i", "would", "love"),
    ("we", "need"),
)
_ACQUIRE = frozenset(("buy", "book", "rent", "retrieve", "create", "schedule"))
# "here's the receipt", "here are my photos": presenting a thing hands it over - to submit,
# upload, attach or send it - never to read about it or to remove anything.
_HAND_OVER = frozenset(("upload", "add_to", "create", "send", "share"))
# "no delivery on Friday", "no lesson next week": a thing negated, then when - it asks to skip
# (cancel, pause) that one occurrence.
_SKIP_CLASSES = frozenset(("skip", "cancel", "pause"))
_ROUTE = frozenset(("schedule", "search", "retrieve"))
_SCHEDULE = frozenset(("schedule", "create", "book"))
_LOCATE = frozenset(("search", "retrieve"))
_GO_AHEAD = frozenset(("go_ahead_with", "proceed_with"))
_SAID_THING = frozenset(("it", "them", "this", "that", "these", "those", "one"))
_WHERE_NOT = frozenset(("can", "could", "do", "does", "should", "would", "will", "shall"))


def _dropped_teller(words: Sequence[str], at: int) -> bool:
    """Whether the words at ``at`` are "do not need/want" ("don't want X any more"): the
    teller's "I" is left out, as terse speech does, and "do" asks nothing."""
    return tuple(words[at : at + 2]) == ("do", "not") and words[at + 2 : at + 3] in (
        ["need"],
        ["want"],
    )


def _passed_on(words: Sequence[str], at: int) -> bool:
    """Whether "give" is of the teller's own ("my apologies", "our thanks") and "to" someone
    follows: words handed over to be passed on, as a message is sent."""
    return at < len(words) and words[at] in ("my", "our") and "to" in words[at + 2 : at + 4]


def request_action(
    tokens: Sequence[Token],
    *,
    bare: bool = True,
    verbs: frozenset[str] = frozenset(),
    known: Callable[[str], bool] | None = None,
) -> Action:
    """The action of one clause of a request (its word tokens). ``bare=False`` reads only
    verbs (not "lights on", "a refund for ..."): what the splitter needs to find a new request.
    ``verbs``: the verbs the registry's capabilities are named by that the lexicon does not
    know (see :func:`unknown_verb`); ``known``: whether a word is one of the registry's."""
    lex = lexicon()
    words = [t.lower for t in tokens]
    desire = any(tuple(words[: len(d)]) == d for d in _DESIRE)
    at = strip_polite(words, lex)
    went = outing(tokens, at) if at < len(tokens) else None
    if went is not None:
        return went
    if desire and at + 1 == len(tokens) and words[at - 1] == "to" and not verb_at(tokens, at, lex):
        # "..., I need to go": a wish to do what no verb of the lexicon names, of nothing, is
        # the teller's reason (a statement), not a thing to obtain
        return Action(frozenset(), (), False, True, at)
    if (
        desire
        and at < len(tokens)
        and words[at] not in ("to",)
        and not verb_at(tokens, at, lex, verbs)
    ):
        asked = (
            wanted_done(tokens, at, lex)
            or delegated(tokens, at, lex, verbs)
            or wanted_otherwise(tokens, at, lex)
            or kept_longer(tokens, at, lex)
        )
        if asked is not None:
            return asked
        # "I need a car in Lyon": asking for a thing is asking to obtain it, unless the
        # thing names an action ("I'd like a refund").
        nominal = nominal_after(tokens, at, lex)
        if nominal is not None and lex.classes_of(nominal[0]):
            return Action(lex.classes_of(nominal[0]), (nominal[0],), True, False, nominal[1])
        return Action(_ACQUIRE, ("obtain",), True, True, at)
    later = wanted_later(tokens, at) if desire else None
    if later is not None:
        return later
    unable = unable_at(words) or unneeded_at(words)
    if unable is not None:
        return Action(frozenset(("cancel",)), ("cancel",), True, False, unable)
    if at >= len(tokens):
        return Action(frozenset(), (), False, True, at)
    if words[at] == "let" and at + 1 < len(words) and words[at + 1] not in _ME:
        # "let the owner know": to tell someone else is to inform them ("let me know"
        # asks to be told, below)
        know = next((k for k in range(at + 2, min(at + 6, len(words))) if words[k] == "know"), None)
        if know is not None:
            return Action(lex.classes_of("let_know"), ("let_know",), True, False, know + 1)
    q_at = at + 2 if put_as_question(words, at) else at  # ("can you come and ...")
    visit = visit_for(tokens, q_at, lex, verbs)
    if visit is not None:
        return visit
    # (A loss told inside a request, "block card 4821, I lost it", says why: no new request.)
    lost = told_loss(tokens, at, lex, verbs) if bare else None
    if lost is not None:
        return lost
    if _skipped(tokens, at, lex):
        return Action(_SKIP_CLASSES, ("skip",), True, False, at + 1)
    fault = (told_fault(tokens, at) or told_shortage(tokens, at)) if bare else None
    if fault is not None:
        return fault
    told = told_reply(tokens, at) or no_longer(tokens, at, lex)
    if told is not None:
        return told
    wanted = needs_doing(tokens, at, lex, verbs) or kept_out(tokens, at, lex)
    if wanted is not None:
        return wanted
    if (
        words[at] == "here"
        and at + 1 < len(words)
        and (words[at + 1] in PRESENT or words[at + 1] in OBJECT_START)
    ):
        start = at + 1 + (words[at + 1] in PRESENT)
        return Action(_HAND_OVER, ("hand_over",), True, False, start)
    if (
        (bare or (at + 1 < len(words) and words[at + 1] not in _SAID_THING))
        and words[at] == "have"
        and at + 1 < len(words)
        and words[at + 1] not in _SUBJECT
    ):
        # "have the report translated", "have it delivered": as "get ... done" (not "have you
        # paid?", a question); no new request of its own ("..., have it removed" says how),
        # unless it is of a thing not said before ("..., and have 4 fitted on Saturday")
        done = causative(tokens, at + 1, lex, verbs) or delegated(
            tokens, at + 1, lex, verbs, to=False
        )
        if done is not None:
            return done
    done = told_done(tokens, at, lex)
    if done is not None:
        return done
    held = asked_existence(words, at) if bare else None
    if held is not None:
        return Action(_LOCATE, ("locate",), True, True, held)
    q = match_phrase(words, at, sorted(lex.question, key=len, reverse=True))
    if _dropped_teller(words, at):
        q = 0  # "don't want MOT reminders anymore": "I" left out, a statement - no question
    asks = put_as_question(words, at)
    counted = _counted_subject(tokens, at, lex, verbs) if q and not asks else None
    if counted is not None:
        # "can 2 more people join booking X?": a count of people doing something is a
        # request for that, as "can someone ring me" is.
        q, asks, at = 0, True, counted
    passive = passive_ask(tokens, at, lex) if q and not asks else None
    if passive is not None:
        return passive
    moved = comes_otherwise(tokens, at + q) if q and not asks and words[at] in _ASKING else None
    if moved is not None:
        return moved
    party = asked_of(tokens, at) if q and not asks else None
    if party is not None:
        # "can the driver email ann@x.org": asked of someone named, the verb is the request
        q, asks, at = 0, True, party
    if q and not asks:
        if words[at] == "where" and at + q < len(words) and words[at + q] not in _WHERE_NOT:
            # "where's my passport scan?", "where is parcel 12": asks to find the thing (to
            # search for it, or read where it is), never to change it.
            return Action(_LOCATE, ("locate",), True, True, at + q)
        if asks_price(words, at):
            # "how much to fell the oak?", "what would a trim cost?": what doing it costs,
            # which a capability that quotes or prices works out
            return Action(lex.classes_of("price"), ("price",), True, True, at + q)
        return Action(frozenset(), _happened(tokens, at, q), False, True, at + q)
    if q:  # "can you ...", "would you ...": the verb follows
        at += 2
    found = verb_at(tokens, at, lex, verbs, known) if at < len(tokens) else None
    if found is None:
        if not bare:
            return Action(frozenset(), (), False, True, at)
        if q and at < len(tokens):
            # "can we travel on Sunday instead?": asked to be done otherwise, it changes it
            otherwise = wanted_otherwise(tokens, at, lex)
            if otherwise is not None and otherwise.verbs[0] == "instead":
                return otherwise
        plural = at + 1 < len(tokens) and tokens[at + 1].lower != tokens[at + 1].lemma
        if words[at] == "new" and at + 1 < len(tokens) and not plural:
            # "new document 'Offsite agenda'" asks to create one; "new registrations" names some
            return Action(lex.classes_of("create"), ("create",), True, False, at + 1)
        if from_now_on(words, at):
            # "whole beans from now on": what is to be had from now on changes what one has
            return Action(CHANGE, ("change",), True, False, at)
        named = named_action(tokens, at, lex) or bare_switch(tokens, at, lex)
        # A bare noun phrase with its details ("a cab to the station at 6", "lunch bill,
        # $20") asks to read about the thing or to obtain one: never to change or remove one.
        return named or set_to(tokens, at, lex) or Action(_ACQUIRE, (), False, True, at)
    verb, classes, size = found
    after = at + size
    if (
        verb == "get"
        and "how" in words[:at]
        and after + 1 < len(words)
        and words[after] in ("to", "from")
        and not lex.classes_of(tokens[after + 1].lemma)
    ):
        # "how do I get to Central Station?", "how to get from King's Cross to Heathrow": the
        # way there, which a route planner works out
        return Action(_ROUTE, ("travel",), True, True, after + 1)
    if verb == "block" and _span_of_time(tokens, after):
        # "block 2 hours for ...", "block out the afternoon": reserving time in a calendar
        return Action(_SCHEDULE, (verb,), True, False, after)
    if verb in CAUSATIVE:
        done = causative(tokens, after, lex, verbs)
        if done is not None:
            return done
    if verb in KEEP:
        longer = kept_longer(tokens, after, lex, (verb,))
        if longer is not None:
            return longer
    if verb in DELEGATE:
        asked = delegated(tokens, after, lex, verbs, them=verb in ASK_OF)
        if asked is not None:
            return asked
    joined = membership(tokens, verb, classes, after, lex)
    if joined is not None:
        return joined
    if verb in ("get", "grab") and after < len(words) and words[after] in _ME:
        # "get me two tickets", "get us a table": asking for a thing is asking to obtain it
        # (to buy, book or read it), as "I need a ..." is - unless the thing names an action
        # ("get me a removal quote" quotes, as "I'd like a refund" refunds).
        nominal = nominal_after(tokens, after + 1, lex)
        if nominal is not None and lex.classes_of(nominal[0]):
            return Action(lex.classes_of(nominal[0]), (nominal[0],), True, False, nominal[1])
        return Action(_ACQUIRE, ("obtain",), True, True, after + 1)
    if (
        verb in ("tell", "let", "show", "give", "remind")
        and after < len(words)
        and words[after] in _ME
    ):
        if verb in ("tell", "show", "let"):
            classes = frozenset(("retrieve",))
        after += 1
        if verb == "let" and after < len(words) and words[after] == "know":
            after += 1
    elif (
        verb in _DELIVER
        and after + 1 < len(words)
        and words[after] in _ME
        and (words[after + 1] in _DEFINITE or words[after + 1] in _BEFORE_NOW)
    ):
        # "send me the treatment report", "email me my statement": having a thing that
        # exists sent to oneself reads it, or sends it (a new message, "send me a text", is
        # only sent).
        classes = classes | {"retrieve"}
        after += 1
    elif verb in ("give", "tell"):
        # "give H0231 9 kg of hay": giving something to someone else hands it over, "tell
        # Ana the room moved" informs her; neither reads (only "give me", "tell me" ask).
        classes = classes - {"retrieve"}
        if verb == "give" and _passed_on(words, after):
            classes = classes | {"send"}  # "give my apologies to the director": passes them on
    if verb in _GO_AHEAD:
        # "go ahead with the extension" approves it; "go ahead with Q3D-50219" (no noun naming
        # an action) asks for what was proposed to be done: made, submitted, ordered.
        nominal = nominal_after(tokens, after, lex)
        proposed = lex.classes_of(nominal[0]) if nominal else frozenset(("create", "buy"))
        return Action(classes | proposed, (verb,), True, False, after)
    if verb in lex.light and "_" not in verb:
        turned = light_phrasal(tokens, after, verb, lex)
        if turned is not None:
            return turned
    paid_in = money_put(tokens, after, verb, lex)
    if paid_in is not None:
        return paid_in
    if verb == "take" and _new_picture(tokens, after):
        # "take a fresh picture of the farm": to make a new one, never to find an old one
        shot = lex.classes_of("photograph")
        return Action(shot, ("photograph",), True, False, after)
    if verb in lex.light or verb in ("give", "tell"):
        nominal = nominal_after(tokens, after, lex)
        if nominal is not None:
            noun_verb, end = nominal
            return Action(lex.classes_of(noun_verb) or frozenset((f"word:{noun_verb}",)),
                          (verb, noun_verb), True, False, end)  # fmt: skip
        if verb == "get" and after < len(words) and new_things(words[after]):
            # "get a cab", "get a table for 4", "get 12 cupcakes": a new thing is obtained
            # (bought, booked, made or read), as "I need a ..." asks; "get the forecast"
            # only reads.
            return Action(_ACQUIRE, ("obtain",), True, True, after)
    if verb == "leave" and left_with(words, after):
        # "leave RX4 with a neighbour", "leave it at the back door": a thing left with someone
        # or somewhere is delivered there - nothing is left (quit)
        return Action(lex.classes_of("deliver"), (verb, "deliver"), True, False, after)
    onto = put_on_list(tokens, after, verb, verbs)
    if onto is not None:
        classes = classes | {f"word:{onto}"}  # "add Notch to the whitelist": whitelist him
    if "start" in classes and "again" in words[after:]:
        classes = classes | lex.classes_of("resume")  # "start the papers again": resume them
    if paused_until(tokens, after, verb):
        classes = classes | {"pause"}  # "skip feeding the fish until the 20th" pauses it
    if paused_once(tokens, after, classes):
        classes = classes | {"skip"}  # "pause next Monday's meal kit" skips that one
    if classes & CHANGE and verb not in lex.light and moved_in_time(tokens, after):
        # "move the pick-up of CK3 to the 24th", "change TS-1 to Friday": moving a thing to a
        # new time changes it, and changing when it is moves it ("set the alarm to 7:00"
        # sets it: a light verb moves nothing)
        classes = classes | CHANGE
    return Action(classes, (verb,), True, lex.is_query(classes), after)


_PICTURES = frozenset(
    ("picture", "photo", "photograph", "pic", "snapshot", "snap", "selfie", "shot")
)
# Determiners of a thing that exists already: "take *the* pictures from <link>" moves them.
_GIVEN = frozenset(("the", "my", "our", "your", "their", "his", "her", "its", "these", "those"))


def _new_picture(tokens: Sequence[Token], at: int) -> bool:
    """Whether "take" is followed by a new picture ("a picture", "some fresh photos"): the
    English idiom for photographing, not for taking anything."""
    for token in tokens[at : at + 3]:
        if token.lower in _GIVEN or token.entity:
            return False
        if token.lemma in _PICTURES:
            return True
    return False


_PERFECT = frozenset(("has", "have", "had"))


def _happened(tokens: Sequence[Token], at: int, q: int) -> tuple[str, ...]:
    """ "has my parcel RX1 left the depot?": a question whether something has happened to a
    thing asks after its state; the past participle after the thing says what happened, no
    topic a capability's words must explain (the verb it is read with)."""
    if q != 1 or tokens[at].lower not in _PERFECT:
        return ()
    for t in [t for t in tokens[at + 1 :] if t.is_word][:8]:  # (a long subject: an address)
        if not t.entity and past_form(t.lower) and t.lemma != "be":
            return (t.lemma,)  # ("been" is the auxiliary: "has it been looked at")
    return ()


def _span_of_time(tokens: Sequence[Token], at: int) -> bool:
    """Whether a span of time follows (its particle, article or count first): "2 hours",
    "out the afternoon", "off some time"."""
    for token in tokens[at : at + 4]:
        if token.lemma in _TIME_SPANS:
            return True
        if not (
            token.lower in PARTICLES
            or token.lower in VERB_CONTEXT
            or token.lower[:1].isdigit()
            or token.lower in ("some", "an", "a", "two", "three", "half")
        ):
            return False
    return False


def _skipped(tokens: Sequence[Token], at: int, lex: Lexicon) -> bool:
    """Whether the clause is "no" and a noun phrase, then a date or a time (a value the
    extractors found): "no delivery on Friday", "no cleaning tomorrow please"."""
    if tokens[at].lower != "no" or at + 1 >= len(tokens):
        return False
    head = tokens[at + 1]
    if head.entity or not head.is_word or head.lower in lex.stopwords:
        return False
    return any(t.entity for t in tokens[at + 2 : at + 6])


_MODALS = frozenset(("can", "could", "may", "will", "would"))


def _counted_subject(
    tokens: Sequence[Token], at: int, lex: Lexicon, verbs: frozenset[str]
) -> int | None:
    """Where the verb is in a question of a modal, a count and whom it counts ("can 2 more
    people join ...", "could three friends come ..."), or ``None``."""
    words = [t.lower for t in tokens]
    if words[at] not in _MODALS or at + 2 >= len(words):
        return None
    first = tokens[at + 1]
    if not (first.lower.isdigit() or first.lower in COUNT_WORDS):
        return None
    for j in range(at + 2, min(at + 5, len(tokens))):
        if verb_at(tokens, j, lex, verbs) is not None:
            return j
    return None
