"""Choosing a capability for one clause: the index's first pass, then for each candidate the
action check, argument fit (a dry run of slot filling), learned evidence and the relevance
floor below which the planner refuses instead of guessing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from .actions import BROAD, Action, compatible
from .akin import akin, farthest
from .candidates import Candidate, Thresholds
from .clauses import Mode, Scope
from .coverage import coverage
from .dominance import listed_value, names_what_it_leaves, takes_most, told_values
from .index import Hit, Profile
from .lexicon import lexicon
from .roles_placed import placed_by_role
from .search_terms import TYPE_ONLY
from .searches import taken_alike
from .slots import field_kind, fill
from .tense import clause_tense
from .text import tokenize
from .verb_match import (
    narrow,
    obtains,
    same_verb,
    says_verb,
    specific_to,
    verb_first,
    verbs_of,
)
from .vetoes import (
    another_thing,
    common_noun_named,
    done_otherwise,
    leaves_time,
    new_value_left,
    says_no_action,
    takes_nothing,
    tells_cessation,
    tells_of_self,
    undoes_unasked,
    undone_by_opposite,
)
from .winners import (
    clear_winner,
    done_not_read,
    names_another,
    only_actor,
    only_terse,
    outscored_by_words,
)

__all__ = ["Candidate", "Thresholds", "date_mode", "rank", "verbs_of", "wireable"]

_DRY_RUNS = 8  # candidates whose slots are filled to measure their fit
_DISTINCT = 0.1  # per id only this kind of capability takes (at most two count)
_UNPLACED_QUOTE = 0.15  # quoted text that no field of the capability took


def date_mode(profile: Profile, tokens_lower: list[str], tokens_lemma: list[str]) -> Mode:
    """Whether dates in this clause look ahead (scheduling) or back (reporting): as the clause
    says (:func:`~.tense.clause_tense`), else as the capability is."""
    lex = lexicon()
    tense = clause_tense(tokens_lower, tokens_lemma)
    if tense is not None:
        return "past" if tense == "past" else "future"
    if profile.looks_back:
        return "past"  # a date field "when the damage happened"
    # What the capability is about, as its name and intent say: "upcoming sales" beats the
    # topic word.
    if profile.said_tense is not None:
        return "past" if profile.said_tense == "past" else "future"
    vocabulary = set(profile.own)
    if (
        (profile.action.query or lex.is_query(profile.action.classes))
        and vocabulary & lex.back
        and not vocabulary & lex.ahead
    ):
        return "past"  # getting a statement, a summary, a history: of a period that is over
    if profile.action.classes & lex.ahead_actions:
        return "future"
    if vocabulary & lex.ahead and not vocabulary & lex.back:
        return "future"
    if "search" in profile.action.classes and not vocabulary & lex.back:
        return "future"  # finding a sitter, a room, a slot "from Friday": what lies ahead
    if profile.action.query or vocabulary & lex.back:
        return "past"
    return "future"


def rank(
    hits: list[Hit],
    action: Action,
    scope: Scope,
    tokens_lower: list[str],
    tokens_lemma: list[str],
    evidence: Callable[[str], float],
    thresholds: Thresholds,
    idf: Callable[[str], float],
    available: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Score each first-pass hit; the best relevant one (if any) comes first."""
    out: list[Candidate] = []
    verbs = verbs_of(action)
    tried = 0
    for hit in hits:
        profile = hit.profile
        level, reason = compatible(action, profile.action)
        # A bare noun phrase of values ("four stars for Ann", "student visa for Peru from
        # 1 May") reads as "obtain": a capability whose own words it names may still be meant,
        # though it does something else; only the terse rule below can choose it.
        names = _names_own(scope, profile)
        # An action the lexicon does not know ("donate") is meant only when the phrase names
        # what the capability's name says it is about ("student visa ..." for apply_for_visa):
        # "3 bags of clothes" names only values of donate_items.
        known = any(not c.startswith("word:") for c in profile.action.classes) or any(
            t.lemma in profile.action.topics for t in scope.words if t.is_word and not t.entity
        )
        bare = level == "no" and obtains(action) and not profile.action.query and names and known
        if bare:
            level = "open"
        ok = level != "no"
        mode = date_mode(profile, tokens_lower, tokens_lemma)
        if not ok or tried >= _DRY_RUNS:
            # Only candidates that could be chosen get the (costly) dry run of slot filling.
            out.append(Candidate(profile.name, hit.score, hit.lexical, hit.semantic, hit.objects,
                                 0.0, 0.0, ok, False, reason if not ok else "ranked lower",
                                 None, mode, hit.matched, level))  # fmt: skip
            continue
        tried += 1
        trial = copy.copy(scope)
        trial.mentions = copy.copy(scope.mentions)
        trial.mentions.used = set(scope.mentions.used)
        trial.claimed = list(scope.claimed)
        trial.weak = list(scope.weak)
        trial.mode = mode
        trial.own = profile.own
        filled = fill(profile.fields, trial)
        required = profile.required
        # A required field an earlier step outputs will be wired: it is not missing (same name,
        # or what it holds: "to" is an email, find_contact outputs one).
        missing = [m for m in filled.missing if not wireable(profile, m, available)]
        fit = 1.0 if not required else (len(required) - len(missing)) / len(required)
        learned = evidence(profile.name)
        # An id in a form only this kind of capability takes (a distinctive pattern) says more
        # about what is meant than a value any capability with such a field would take.
        score = hit.score + 0.35 * fit + 0.05 * min(filled.specific, 3) + learned
        score += _DISTINCT * min(filled.distinct, 2)
        if trial.mentions.of("quoted", within=scope.span):
            # Text the user quoted is a value they mean to give: a capability with no field
            # for it ('collect "old paint tins"' for a laundry pickup) explains less of the
            # request than one that places it (a bulky pickup's items).
            score -= _UNPLACED_QUOTE
        if ok and action.explicit and (level != "same" or _light_only(action, profile, fit)):
            # only "both read", or a verb the lexicon does not know: a capability with the
            # very action comes first (a light verb's broad class that gives none of its
            # values is no such action: "set the oven to 200" for set_oven_timer)
            score -= 0.15
        elif ok and action.classes - BROAD and not narrow(action, profile):
            # "book the refractor": a capability that only shares the broad "make" with it
            # (logs a drive) comes after one that books
            score -= 0.15
        covered, leftover, left = coverage(trial, profile, verbs, idf, filled)
        explained = leftover == 0 or covered >= thresholds.objects
        # A question or a bare noun phrase whose words a free-text field swallowed whole
        # ("what's the weather like in Leeds?": "weather" as the query of find_event) is not
        # explained unless the capability's own words say something of it: no verb says
        # what to do with the capability either.
        # A value its schema lists, named word for word ("anything by Clarice Cliff in
        # *ceramics*?" for a catalogue's category), is its own word saying what is meant.
        swallowed = (
            filled.textual
            and covered == 0
            # (nor does a wish for a thing, "can we get a guide ...": it names no action)
            and (not action.explicit or obtains(action))
            and not listed_value(profile.fields, filled)
        )
        explained = explained and not swallowed
        specific_action = action.explicit and (
            specific_to(action, profile) or says_verb(action, profile)
        )
        # The very action in a narrow sense ("book", not just "make"), and nothing said but
        # values it places and its own words: the capability is meant even when a required
        # value is missing (E422 names it), never another one that only shares "make" with it.
        told = (
            narrow(action, profile, every=True)
            and explained
            and filled.specific > 0
            and not filled.textual  # (no words swallowed whole by a message or topic field)
        )
        patterned = filled.patterned > 0
        by_role, against_role = placed_by_role(profile.fields, filled, trial)
        # A question or a bare phrase (no verb says what to do) whose embedding alone is near
        # it, while its own words explain none of what is left: one of those words must itself
        # be near it ("a jacket" for a forecast), or it is the shape of the request that
        # matched ("what's the weather like tomorrow" for a dated statement), not its subject.
        near = (
            hit.semantic >= thresholds.sure
            or action.explicit
            or covered > 0
            or leftover == 0
            or (kin := akin(scope, profile, left)) is None
            or kin >= thresholds.akin
        )
        relevant = (
            (hit.semantic >= thresholds.semantic and near)
            or (covered >= thresholds.objects and leftover > 0)
            # (words shared that are only its values' types, "when is Easter this year?" for
            # a log over a period, are no subject: a verb or an own word must say it)
            or (hit.lexical >= thresholds.lexical and hit.semantic >= thresholds.with_fit
                and (action.explicit or covered > 0 or not set(hit.matched) <= TYPE_ONLY))
            or (filled.specific > 0 and fit == 1.0 and explained
                and hit.semantic >= thresholds.with_fit)
            # The text gives every value the capability needs, one of them in a form only it
            # takes (an id by its pattern, an email...), and says nothing else: it means it.
            or (fit == 1.0 and bool(required) and explained and (specific_action or patterned)
                and (filled.specific > 0 or leftover == 0))
            # (with no required field, a value an optional one took: a title of a one-of pair)
            or (same_verb(action, profile) and fit == 1.0 and explained
                and (bool(required) or bool(filled.params)))
            # "the robot is too loud, stop it": the very verb, nothing else said, and what
            # "it" is named by the scene told before it, in the capability's own words.
            or (same_verb(action, profile) and fit == 1.0 and leftover == 0
                and _scene_names_own(scope, profile))
            # The very action, every required value, and an id only this kind of capability
            # takes: a word or two it does not explain ("from my *checking* CHK-0042") are
            # details, not another subject. A verb the lexicon does not know needs the rest
            # explained as well.
            or (fit == 1.0 and bool(required) and filled.distinct > 0
                and ((level == "same" and leftover <= 2) or (level == "open" and explained)))
            # Reading only, every required value, one of them an id shaped like one (letters
            # and digits, by the field's pattern) and at most one word besides: "is BA287 on
            # time?", "any delays on LH1402". Reading changes nothing, so no near miss is risked.
            or (level == "read" and fit == 1.0 and bool(required) and filled.patterned > 0
                and leftover <= 1 and not verb_first(action, scope, profile))
            or told
            # The very action in its narrow sense, every required value, two or more where the
            # preposition before each puts them ("a lift to Edinburgh from Glasgow on the 2nd"
            # for from_city, to_city and date) and none where its preposition says otherwise
            # ("a flight to Rome" as a pickup city): one word it does not explain ("lift") is
            # what the user calls the thing, not another subject.
            or (narrow(action, profile, every=True) and fit == 1.0 and bool(required)
                and by_role >= 2 and not against_role and leftover <= 1
                and hit.semantic >= thresholds.with_fit)
            or learned > 0.2
        )  # fmt: skip
        if relevant and fit < 1.0 and learned <= 0.2:
            # A capability the text cannot give its required values is only meant when the
            # text is plainly about it; otherwise E404 beats a guess. An id in a form only
            # another kind of capability takes ("the report for PC-55019" when pest jobs are
            # PC-nnnnn), which this one left unplaced, says the text is about that one. Nor is
            # one meant whose action the request says with a verb the lexicon does not know, or
            # a light verb ("set an alarm for 6:30"), that its own words do not say ("repair the
            # broken lock" for a locksmith's call-out): asking for the missing value would
            # claim a fit nothing shows.
            unsaid = level == "open" and says_no_action(action) and not says_verb(action, profile)
            # ... nor one a reading verb asks of while it leaves a word far from anything it is
            # about ("tell me a *joke* about helicopters" for a tour search): asking for the
            # departure would be a guess
            reads_of = action.explicit and action.query
            far = farthest(scope, profile, left - profile.own) if reads_of else None
            relevant = (
                not (scope.ids and filled.distinct == 0)
                and not unsaid
                and (far is None or far >= thresholds.far)
                and (
                    told
                    or (
                        covered >= thresholds.objects
                        and (
                            hit.semantic >= thresholds.with_fit
                            or specific_action
                            # every word its own, and a value in a form only a field takes
                            or (
                                covered == 1.0
                                and filled.patterned > 0
                                and hit.lexical >= thresholds.lexical
                            )
                        )
                    )
                )
            )
        if level == "read" and tells_of_self(action, tokens_lower) and learned <= 0.2:
            # "I'm out sick tomorrow": its teller says how they are, which asks to record or
            # act on it; reading something whose words do not explain it answers nothing.
            relevant = relevant and covered >= thresholds.objects
        # "we're not inviting Fiona anymore": without a verb the lexicon knows, a clause that
        # tells of an end tells what is no longer to be, which a capability with an undoing
        # opposite (adding, creating, booking) is the very opposite of ("we don't need the
        # sitter any more" is still a cancellation).
        no_longer = (
            not action.explicit
            and tells_cessation(tokens_lower)
            and undone_by_opposite(profile.action.classes)
        )
        if no_longer and learned <= 0.2:
            relevant = False
        if (
            relevant
            and learned <= 0.2
            and lexicon().is_undo(action.classes)
            and hit.objects == 0
            and covered == 0
            and filled.patterned == 0
            and filled.distinct == 0
            and len(missing) == len(filled.missing)  # (nothing wired from an earlier step)
            and not _scene_names_own(scope, profile)
        ):
            # Removing, cancelling, deleting: a capability none of whose own words the request
            # says, and that no id of its kind points at, is not what is to be undone ("I can't
            # go on the dive, cancel it" is no title to take off a watchlist).
            relevant = False
        if relevant and learned <= 0.2 and scope.ids and filled.distinct == 0:
            # An id in a form only another kind of capability takes ("drop me from ride
            # R-220914" when rides are R-nnnnnn), left unplaced here, says which kind is meant,
            # however well this one's fields took the rest ("ride" as a title).
            relevant = False
        # A time of day no field takes rules it out, for the tie-breaks too (winners.py).
        # A thing "book a *table* for 4" asks for when only karting sessions are booked is
        # another one: none of the words the verb is said of is the capability's, and each is
        # far from what it is about, however well its fields took the date and the count.
        # When the two only share reading (a verb that composes, "write a *poem* about a
        # milkman", for a balance that is read), a word of its own said elsewhere in the
        # request is only the topic: the thing made is still another one.
        ruled_out = learned <= 0.2 and leaves_time(profile, trial)
        another = (
            learned <= 0.2
            and (covered == 0 or level == "read")
            and leftover > 0
            and another_thing(action, scope, profile, left, thresholds.far)
        )
        if (
            ruled_out
            or another
            or (
                relevant
                and learned <= 0.2
                and takes_nothing(filled, hit.lexical, covered, leftover)
            )
        ):
            relevant = False
        if relevant and learned <= 0.2 and common_noun_named(profile, filled, scope):
            # "book a table for 4", "reserve a court": a common noun its title or name field
            # took is no title nor name but the thing asked for, which it does not have.
            relevant = False
        if relevant and learned <= 0.2 and new_value_left(action, scope, filled):
            # "change my alarm PIN to 7788" for arming the alarm: the value a thing is to be
            # changed to is what is asked, and it takes no value at all.
            relevant = False
        if bare:
            relevant = learned > 0.2
        # No verb nor question word, every required value given, its own words named and
        # the rest explained: a candidate for the terse rule (chosen only when it is the only
        # one, see winners.only_terse).
        terse = (
            obtains(action)
            and not no_longer
            # ("I want my pledge refunded": a thing with what is to be done to it, said)
            and not done_otherwise(profile, trial)
            and not undoes_unasked(action, profile, trial)
            and fit == 1.0
            and bool(required)
            and explained
            and names
            # a value in a form only a field takes, or its own words cover what is left
            and (filled.specific > 0 or (leftover > 0 and covered >= thresholds.objects))
            and learned >= 0
        )
        said = scope.text[scope.span[0] : scope.span[1]]
        if learned < -0.2:
            relevant = False
            reason = "feedback says this phrasing does not mean it"
        elif ok and not relevant:
            reason = "its words and meaning are too far from the request"
        out.append(
            Candidate(
                profile.name, score, hit.lexical, hit.semantic, hit.objects, fit, learned,
                ok, relevant, reason, filled, mode, hit.matched, level, covered, leftover,
                terse, same_verb(action, profile),
                any(f.enum and f.name in filled.sources for f in profile.fields), by_role,
                action.explicit and level == "same", ruled_out,
                listed_value(profile.fields, filled), told_values(profile.fields, filled, said),
                profile.own, not action.explicit,
                left,
                bool(profile.action.query),
                frozenset(
                    w
                    for f in profile.fields
                    if f.enum and f.name in filled.sources
                    for w in filled.sources[f.name].lower().split()
                ),
                near,
                another,
            )
        )  # fmt: skip
    outscored_by_words(out)
    taken_alike(out, action)
    names_another(out)
    only_terse(out)
    clear_winner(out, thresholds)
    if tells_of_self(action, tokens_lower):
        only_actor(out)
    if action.explicit and not action.query:
        done_not_read(out)
    takes_most(out)
    names_what_it_leaves(out)
    out.sort(key=lambda c: (not (c.action_ok and c.relevant), -c.score, c.name))
    return out


def _names_own(scope: Scope, profile: Profile) -> bool:
    """Whether a word of the clause (not a value, not a stop word) is one of the
    capability's own words: the request names what it is about."""
    stop = lexicon().stopwords
    return any(
        t.is_word and not t.entity and t.lemma not in stop and t.lemma in profile.own
        for t in scope.words
    )


def _scene_names_own(scope: Scope, profile: Profile) -> bool:
    """Whether a clause told before the request to set the scene names what the capability is
    about by a word of its name or intent ("I can't make my *hair appointment* SA-4, please
    cancel it", "the *robot* is too loud, stop it"): "it" is that thing."""
    stop = lexicon().stopwords
    named = (
        set(profile.action.topics)
        | {w for v in profile.action.verbs for w in v.split("_")}
        | {t.lemma for t in tokenize(profile.capability.intent) if t.is_word}
    )
    return any(
        t.is_word and not t.entity and t.lemma not in stop and len(t.lemma) >= 4
        and t.lemma in profile.own and (t.lemma in named or t.lower in named)
        for c in scope.contexts
        for t in c.words
    )  # fmt: skip


def wireable(profile: Profile, name: str, available: frozenset[str]) -> bool:
    """Whether an earlier step's output (or value) in ``available`` will fill field ``name``."""
    if name in available or f"={name}" in available:
        return True
    # (a value given by name, "=name", holds for that name only)
    spec = next((f for f in profile.fields if f.name == name), None)
    kinds = {w for o in available if not o.startswith("=") for w in o.split("_")}
    return spec is not None and field_kind(spec) in kinds


def _light_only(action: Action, profile: Profile, fit: float) -> bool:
    """Whether the request's action is the capability's only by a light verb's broad class
    ("set" of "update" for set_oven_timer) and the text gives none of its required values."""
    common = action.classes & (profile.action.classes | profile.action.weak)
    verb = action.verbs[-1] if action.verbs else ""
    return fit == 0.0 and bool(common) and common <= BROAD and verb in lexicon().light
