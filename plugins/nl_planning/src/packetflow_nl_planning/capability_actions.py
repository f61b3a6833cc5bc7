"""What a capability does: the leading verb of its intent (the docstring habit "Returns ..."
reads), else its name, plus the verbs of its ``examples`` and ``keywords``, the verbs its field
descriptions use for what its user does, and the words of its enum values.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .actions import Action, obtains
from .lexicon import Lexicon, lexicon
from .light_verbs import causative
from .request_actions import request_action
from .text import identifier_words, lemma, past_form, tokenize
from .verbs import (
    OBJECT_START,
    PARTICLES,
    is_noun,
    nominal_after,
    strip_polite,
    unknown_verb,
    verb_at,
)

__all__ = ["capability_action", "described_verbs", "unknown_verbs"]

_THE = frozenset(("the", "my", "your", "our", "its", "their"))
_READER = frozenset(("me", "us", "you", "the user", "users"))
_READ_INTENT = frozenset(("return", "list", "give", "provide", "fetch", "show", "get"))


# Prepositions that place a plural noun opening an intent ("Contacts *in* the logbook").
_PLACING = frozenset(("in", "on", "of", "from", "at", "over", "within", "across", "near"))


def _leading_action(text: str, lex: Lexicon, own: frozenset[str] = frozenset()) -> Action | None:
    """The action an intent's leading verb says; ``own``: the verb the capability's name
    starts with when the lexicon does not know it ("Donate items ..." for ``donate_items``
    is that verb, whatever follows it)."""
    tokens = [t for t in tokenize(text) if t.is_word]
    if not tokens:
        return None
    first = tokens[0].lemma
    if first in _READ_INTENT and tokens[0].lower.endswith("s"):
        # Docstring style, "Returns the balance", "Lists open orders": the capability reads.
        return Action(frozenset(("retrieve",)), (first,), True, True, 1)
    if (
        len(tokens) > 1
        and tokens[0].lower != first
        and tokens[0].lower.endswith("s")
        and past_form(tokens[1].lower)
    ):
        # "Replies received so far", "Orders placed today": things done, named by a plural
        # noun and its participle - what it gives is read, nothing is replied or ordered.
        return None
    if (
        len(tokens) > 1
        and tokens[0].lower != first
        and tokens[0].lower.endswith("s")
        and tokens[1].lower in _PLACING
        and f"{first}_{tokens[1].lower}" not in lex.classes
    ):
        # "Contacts in the station logbook", "Points in a frequent-flyer account": a plural
        # noun and where the things are - what is there is read, no one is contacted.
        return None
    words = [t.lower for t in tokens]
    at = strip_polite(words, lex)
    if (
        at + 1 < len(tokens)
        and _adverb(words[at], lex)
        and verb_at(tokens, at, lex, own) is None
        and verb_at(tokens, at + 1, lex, own) is not None
    ):
        at += 1  # "Temporarily block a card", "Securely send a file": the verb follows
    if at >= len(tokens):
        return None
    if at == 0 and tokens[0].lemma not in own and past_form(words[0]):
        # "Shared car journeys going the same way", "Guided hill walks": a participle before
        # a noun describes the thing; an intent says its action in the base form ("Share ...").
        return None
    found = verb_at(tokens, at, lex, own)
    if found is None:
        return None
    verb, classes, size = found
    if verb in ("get", "have"):
        # "Get a new recycling container delivered": what the participle says is done.
        done = causative(tokens, at + size, lex, own)
        if done is not None:
            return done
    verbs = [verb]
    if verb in ("tell", "give") and not (
        at + size < len(tokens) and tokens[at + size].lower in _READER
    ):
        # "Tell the lost-and-found about ...", "Give clothes to a charity shop": telling or
        # giving someone else informs them or hands a thing over; only "Tell me ..." reads.
        classes = classes - lex.query
    if verb == "set" and at + size < len(tokens) and tokens[at + size].lower in ("a", "an"):
        # "Set an alarm", "Set a timer": setting a new one makes it (the thermostat is set).
        classes = classes | lex.classes_of("create")
    # A capability does what its verb says and what the noun after it names: "Open a
    # return" opens and returns, "Set a reminder" sets and reminds.
    # ... but "Get the gas bill" reads the bill: a reading verb before a definite thing.
    reads = lex.is_query(classes) and at + size < len(tokens) and tokens[at + size].lower in _THE
    nominal = nominal_after(tokens, at + size, lex, 6) if verb in lex.support else None
    if nominal is not None and reads and not lex.is_query(lex.classes_of(nominal[0])):
        nominal = None  # (a reading noun stays: "Get the forecast" forecasts)
    if nominal is not None and lex.classes_of(nominal[0]):
        classes = (
            lex.classes_of(nominal[0])
            if verb in lex.light
            else classes | lex.classes_of(nominal[0])
        )
        verbs.append(nominal[0])
    base = tokens[at].lemma  # (the verb found may be phrasal already: "turn_off")
    for i in range(at + 1, len(tokens)):  # "Switch lights on or off", "Turn roaming on or off"
        phrasal = f"{base}_{tokens[i].lower}"
        if tokens[i].lower in PARTICLES and phrasal in lex.classes:
            classes |= lex.classes[phrasal]
            verbs.append(phrasal)
    return Action(classes, tuple(verbs), True, lex.is_query(classes), at + size)


def _adverb(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is an adverb of manner ("temporarily", "securely"): a word in -ly
    the lexicon knows as no verb ("apply", "reply" are verbs)."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha() and word not in lex.classes


def _name_action(name: str, lex: Lexicon) -> Action | None:
    """The action a capability's name says: its first word when that is a verb
    (``get_forecast``), else its last (``order_refund``); a noun naming an action right after
    the verb adds that action (``set_reminder``)."""
    raw = identifier_words(name)
    # A gerund names a kind of thing ("shipping_quote", "billing_report"), not an order.
    parts = [lemma(p) if not p.endswith("ing") else p for p in raw]
    if not parts:
        return None
    starts_phrasal = len(parts) > 1 and f"{parts[0]}_{parts[1]}" in lex.classes  # top_up_card
    at = 0 if lex.classes_of(parts[0]) or starts_phrasal else len(parts) - 1
    if at > 0 and raw[at].endswith("er") and parts[at] != raw[at]:
        return None  # whitelist_player, ticket_seller: who does it ("player"), no action
    if at == len(parts) - 1 and len(parts) < 2:
        at = 0
    if f"{parts[at]}_{parts[at + 1]}" in lex.classes if at + 1 < len(parts) else False:
        verb = f"{parts[at]}_{parts[at + 1]}"
        return Action(lex.classes[verb], (verb,), True, lex.is_query(lex.classes[verb]))
    classes = lex.classes_of(parts[at])
    if not classes:
        return None
    verbs = [parts[at]]
    rest = parts[at + 1 :] if at == 0 and parts[at] in lex.support else []
    # get_gas_bill reads a bill: after a reading verb, a noun that is a verb too names a thing
    reading = lex.is_query(classes) and not classes - lex.query
    # A thing made by a verb that does something ("file" a report) names what is made: of a
    # noun with a doing sense and a reading one ("report": complain, summarize), the reading
    # sense is none of what the capability does ("request access" still accesses).
    doing = not lex.is_query(classes)

    def made(senses: frozenset[str]) -> frozenset[str]:
        return senses - lex.query if doing and senses - lex.query else senses

    for size in (2, 1):
        noun = "_".join(rest[:size])
        followed = rest[size : size + 1]
        if followed and followed[0] in lex.attribute:
            continue  # get_order_status: the status of an order, not an order
        if len(rest) >= size and noun in lex.nominal and lex.classes_of(lex.nominal[noun]):
            classes = classes | made(lex.classes_of(lex.nominal[noun]))
            verbs.append(lex.nominal[noun])
            break
    else:
        # A support verb's object that is a verb used as a noun names what it does too:
        # issue_account_credit credits, set_price_alert alerts.
        if (
            rest
            and rest[-1] in lex.classes
            and rest[-1] not in lex.attribute
            and not (reading and not lex.is_query(lex.classes[rest[-1]]))
        ):
            classes = classes | made(lex.classes[rest[-1]])
            verbs.append(rest[-1])
    return Action(classes, tuple(verbs), True, lex.is_query(classes))


def _name_verb(name: str, intent: str, fields: Sequence[str], lex: Lexicon) -> str | None:
    """The first word of a capability's name when the lexicon does not know it and nothing
    says it is a noun (``extend_rental`` -> extend; not ``patient_record`` when a field is
    ``patient_id``, nor ``website_traffic`` when the intent says "Website visits"): a verb
    the capability is named by."""
    parts = [lemma(p) for p in identifier_words(name)]
    if len(parts) < 2:
        return None
    first = parts[0]
    field_words = {lemma(w) for f in fields for w in identifier_words(f)}
    said = [t for t in tokenize(intent) if t.is_word]
    # An intent that opens with a verb of its own ("Request removal of a car by a tow truck"
    # for tow_vehicle) leaves the name's first word its verb, wherever else the intent uses it.
    lead = strip_polite([t.lower for t in said], lex)
    own_verb = (
        lead < len(said) and said[lead].lemma != first and verb_at(said, lead, lex) is not None
    )
    # The intent opens with the name, verb then object ("Donate items ..." for donate_items):
    # the name's first word is that verb, not a noun of a compound ("Website visits ...").
    opens = (
        len(said) >= 2
        and said[0].lemma == first
        and lemma(said[1].lower) in {lemma(p) for p in parts[1:2]}
    )
    if (
        not opens
        and not own_verb
        and any(t.lemma == first for t in said)
        and unknown_verb(said, 0, lex) is None
    ):
        return None  # the intent uses the word, and not as its verb
    if (
        not first.isalpha()
        or len(first) < 3
        or first in lex.classes
        or first in lex.stopwords
        or first in field_words
        or is_noun(first, lex)
    ):
        return None
    return first


def described_verbs(descriptions: Sequence[str]) -> frozenset[str]:
    """The verbs a capability's field descriptions use for what its user does: the verb of an
    infinitive ("where *to send* the bike", "for the mechanic *to call*"), joined with its
    particle when one ends the phrase a few words later ("where to drop the parcel off":
    ``drop_off``), and a description's first word when the lexicon knows it as a verb and not
    as a noun ("*add* a lock"), and the verb of what "how many" counts ("how many more people
    *join*"); not "day *to* the depot", nor "amount *written* on it"."""
    lex = lexicon()
    out: set[str] = set()
    for text in descriptions:
        tokens = [t for t in tokenize(text) if t.is_word]
        starts = [i + 1 for i, t in enumerate(tokens[:-1]) if t.lower == "to"]
        if (
            tokens
            and tokens[0].lemma in lex.classes
            and not is_noun(tokens[0].lemma, lex)
            and not tokens[0].lower.endswith("ing")  # "filing status": a kind, not a verb
        ):
            starts.append(0)
        if [t.lower for t in tokens[:2]] == ["how", "many"]:
            # "how many more people join": the verb of what is counted is what they do
            starts += [
                i
                for i in range(2, min(len(tokens), 5))
                if tokens[i].lemma in lex.classes and not is_noun(tokens[i].lemma, lex)
            ][:1]
        for at in starts:
            verb = tokens[at].lemma
            if not verb.isalpha() or verb in lex.stopwords or verb in ("be", "have"):
                continue
            nxt = tokens[at + 1].lower if at + 1 < len(tokens) else ""
            if at > 0 and not (
                nxt in OBJECT_START or (verb in lex.classes and (not nxt or nxt in PARTICLES))
            ):
                continue  # "to the depot", "to date": no verb before its object
            out.add(verb)
            for i in range(at + 1, min(len(tokens), at + 5)):
                particle = tokens[i].lower
                if particle in PARTICLES and (
                    i + 1 == len(tokens) or tokens[i + 1].lower in lex.roles
                ):
                    out.add(f"{verb}_{particle}")
                    break
    return frozenset(out)


def capability_action(
    name: str,
    intent: str,
    examples: Sequence[str] = (),
    keywords: Sequence[str] = (),
    fields: Sequence[str] = (),
    descriptions: Sequence[str] = (),
    values: Sequence[str] = (),
) -> Action:
    """What a capability does, from its intent, else its name; its examples and keywords add
    the actions users ask it with. ``fields``: its input field names (a name's first word that
    is also a field's is a noun, not a verb); ``descriptions`` and ``values``: its fields'
    descriptions and enum values (see :attr:`Action.described`, :attr:`Action.values`)."""
    lex = lexicon()
    name_verb = _name_verb(name, intent, fields, lex)
    own = frozenset((name_verb,)) if name_verb else frozenset()
    found = _leading_action(intent, lex, own) if intent else None
    named = _name_action(name, lex)
    classes = set(found.classes) if found else set()
    verbs = list(found.verbs) if found else []
    classes -= _bare_senses(verbs, lex)
    # A capability named by a verb the lexicon does not know (donate_items, tow_vehicle) does
    # something: it does not read, whatever its intent says (or omits).
    query = found.query if found else True
    if named is not None:
        classes |= named.classes
        verbs.extend(named.verbs)
        query = query and named.query if found else named.query
    elif found is None and name_verb is not None:
        # Named by a verb the lexicon does not know, and the intent says nothing against it
        # (donate_items, tow_vehicle): that verb is what it does, and doing is not reading.
        classes.add(f"word:{name_verb}")
        verbs.append(name_verb)
        query = False
    known = found is not None or named is not None
    phrased = False
    for example in examples:
        action = request_action([t for t in tokenize(example) if t.is_word or t.entity])
        if action.explicit:
            # A verb of several senses ("hold": book, pause) that shares one with what the
            # capability's name or intent says it does means that sense only.
            shared = action.classes & classes if known else frozenset()
            classes |= shared or action.classes
            verbs.extend(action.verbs)
        if action.explicit or not known:
            query = query or action.query
        else:
            # A verbless example ("race day for 8 of us on Saturday") reads as obtaining
            # something: it says how the capability is asked for, not that it only reads.
            phrased = phrased or obtains(action)
    for keyword in keywords:
        word = lemma(keyword.lower().replace(" ", "_"))
        if word in lex.classes and not is_noun(word, lex):
            classes |= lex.classes[word]
            verbs.append(word)
    classes |= _invites(name, frozenset(classes), lex)
    weak = frozenset((f"word:{name_verb}",)) if name_verb else frozenset()
    value_words = frozenset(
        w for v in values for w in identifier_words(v) if w.isalpha() and len(w) >= 5
    )
    events = booked_events(name, intent) if classes & _ARRANGE else frozenset()
    return Action(
        frozenset(classes), tuple(dict.fromkeys(verbs)), bool(classes), query, 0, weak - classes,
        described_verbs(descriptions) | _delivers(fields), value_words, events,
        _topics(name, verbs, lex),
        _named_verbs(name, name_verb, lex), phrased,
    )  # fmt: skip


def _bare_senses(verbs: Sequence[str], lex: Lexicon) -> set[str]:
    """The classes only the bare verb of a phrasal one the intent says gives, when the
    particle turns the verb round into an undoing ("Send a claim back unpaid": *send* pays and
    transfers, *send back* returns): those senses are none of what the capability does ("put
    on the register" still puts)."""
    out: set[str] = set()
    for verb in verbs:
        head, _, particle = verb.partition("_")
        if not particle or head not in verbs or verb not in lex.classes:
            continue
        if not lex.is_undo(lex.classes[verb]):
            continue
        others = {c for v in verbs if v != head for c in lex.classes_of(v)}
        out |= set(lex.classes_of(head)) - others
    return out


_ADDS = frozenset(("add_to", "create"))
_REMOVES = frozenset(("remove_from", "delete"))


def _invites(name: str, classes: frozenset[str], lex: Lexicon) -> frozenset[str]:
    """A capability that adds a guest (``add_guest``, "Put someone on the invitation list")
    invites them; one that removes a guest uninvites them (see ``[invited]`` in cues.txt)."""
    if not any(lemma(w) in lex.invited for w in identifier_words(name)):
        return frozenset()
    if classes & _REMOVES:
        return frozenset(("uninvite",))
    if classes & _ADDS:
        return frozenset(("invite",))
    return frozenset()


_RECIPIENT = frozenset(("recipient", "recipients", "giftee", "gift"))
_DELIVER_VERBS = frozenset(("send", "give", "gift"))


def _delivers(fields: Sequence[str]) -> frozenset[str]:
    """The verbs of handing a thing over, for a capability with a recipient field
    (``recipient_email``): "send a voucher to sam@x.org" asks for what it makes and delivers."""
    if any(w in _RECIPIENT for f in fields for w in identifier_words(f)):
        return _DELIVER_VERBS
    return frozenset()


def _named_verbs(name: str, name_verb: str | None, lex: Lexicon) -> frozenset[str]:
    """The verbs a capability's name opens with (see :attr:`Action.named`): its first word when
    that is a verb (one the lexicon knows, other than a light verb, or :func:`_name_verb`'s),
    and that word joined with the next ("stop_charge" for ``stop_charging``)."""
    parts = [lemma(p) for p in identifier_words(name)]
    if len(parts) < 2:
        return frozenset()
    first = parts[0]
    # "set up a weekly box" for set_veg_box: the verb with "up" that brings a thing into being
    # (set up, draw up) names what the capability's verb does, light verb or not.
    up = f"{first}_up"
    made = (
        frozenset((up,))
        if parts[1] not in PARTICLES and "create" in lex.classes_of(up)
        else frozenset()
    )
    if first in lex.light or not (first in lex.classes or first == name_verb):
        return made
    return frozenset((first, f"{first}_{parts[1]}")) | made


def _topics(name: str, verbs: Sequence[str], lex: Lexicon) -> frozenset[str]:
    """The words of a capability's name that are not its verbs (see :attr:`Action.topics`)."""
    said = {part for v in verbs for part in v.split("_")}
    words = identifier_words(name)
    # A gerund before another noun names a kind of it ("moving" boxes, "dining" table), not
    # what the capability is about: "move the pick-up" does not ask to order moving boxes.
    kinds = {w for w in words[:-1] if w.endswith("ing")}
    return frozenset(
        w
        for w in words
        if w not in kinds
        and w.isalpha()
        and len(w) >= 4
        and w not in lex.stopwords
        and lemma(w) not in said
        and w not in said
    )


_ARRANGE = frozenset(("book", "schedule"))
_EVENT_SKIP = frozenset(("a", "an", "the", "new", "one", "some", "your", "my"))


def booked_events(name: str, intent: str) -> frozenset[str]:
    """The verbs of what a booking capability arranges: a noun made from a verb right after
    its name's verb or its intent's (``schedule_viewing`` -> view, "Book a *tasting*", "Queue
    a *test*"): a request to do that ("see the flat on Friday", "check the pH of S1") asks to
    book it."""
    lex = lexicon()
    out: set[str] = set()
    parts = identifier_words(name)
    if len(parts) >= 2 and lex.classes_of(lemma(parts[0])) & _ARRANGE:
        out.update(lemma(p) for p in parts[1:2] if p.endswith("ing"))
    tokens = [t for t in tokenize(intent) if t.is_word]
    if tokens and tokens[0].lemma in lex.classes and lex.classes[tokens[0].lemma] & _ARRANGE:
        head = next((t for t in tokens[1:4] if t.lower not in _EVENT_SKIP), None)
        if head is not None and head.lower.endswith("ing"):
            out.add(head.lemma)  # "Book a *tasting* ..."
        elif head is not None and head.lemma in lex.nominal:
            out.add(lex.nominal[head.lemma])  # a noun the lexicon knows names an action
        elif head is not None and head.lower == head.lemma and head.lemma in lex.classes:
            out.add(head.lemma)  # a verb used as its noun: "Queue a *test* on a specimen"
    return frozenset(out)


def unknown_verbs(action: Action, name: str = "") -> frozenset[str]:
    """The verbs of a capability's action that the lexicon does not know (``word:`` classes):
    a request may use them as verbs (see :func:`unknown_verb`). With the capability's
    ``name``, also each such verb with the preposition the name puts after it ("apply_for" of
    ``apply_for_visa``): "... and apply for a visa" says the verb, not a noun's phrase."""
    found = frozenset(c[5:] for c in action.classes | action.weak if c.startswith("word:"))
    words = identifier_words(name) if name else []
    roles = lexicon().roles
    pairs = {f"{a}_{b}" for a, b in pairwise(words) if a in found and b in roles}
    return found | pairs
