"""Actions on their own: verbs the lexicon does not know, how a request's action relates to a
capability's (same / read / open / no), and the classes that only their very verb reaches."""

from __future__ import annotations

import pytest

from packetflow_nl_planning.actions import Action, compatible
from packetflow_nl_planning.capability_actions import capability_action, unknown_verbs
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize


def _request(text: str, verbs: frozenset[str] = frozenset()) -> Action:
    return request_action([t for t in tokenize(text) if t.is_word or t.entity], verbs=verbs)


def test_an_unknown_word_before_a_determiner_is_the_verb() -> None:
    action = _request("defrag the shared volume")
    assert action.explicit and not action.query
    assert action.classes == frozenset({"word:defrag"})


def test_an_unknown_word_before_a_noun_is_no_verb() -> None:
    action = _request("defrag volume nine")
    assert "word:defrag" not in action.classes


def test_a_capabilitys_own_verb_needs_no_determiner() -> None:
    assert _request("prolong X-1234 by a week", frozenset({"prolong"})).classes == frozenset(
        {"word:prolong"}
    )
    # ...but a preposition after it says it is a noun
    assert "word:prolong" not in _request("prolong for X-1234", frozenset({"prolong"})).classes


def test_a_negating_prefix_names_the_opposite_of_a_verb_known_either_way() -> None:
    action = _request("unprovision the sandbox", frozenset({"provision"}))
    assert "not:word:provision" in action.classes


def test_the_name_of_a_capability_gives_a_verb_the_lexicon_lacks() -> None:
    cap = capability_action("prolong_lease", "Keep a flat for longer", fields=["lease_id"])
    assert "word:prolong" in cap.weak
    # a name's first word that is also a field's names a thing, not an action
    noun = capability_action("tenant_record", "Tenant details", fields=["tenant_id"])
    assert not noun.weak


def test_an_intent_that_uses_the_word_as_a_noun_gives_no_verb() -> None:
    cap = capability_action("harbour_traffic", "Harbour arrivals over a period")
    assert not cap.weak and cap.query


@pytest.mark.parametrize(
    ("request_text", "name", "intent", "level"),
    [
        ("defrag the shared volume", "tune_volume", "Tune a disk volume", "open"),
        # a capability's verb the lexicon does not know must be said (or a form of it)
        ("defrag the shared volume", "optimize_volume", "Optimize a disk volume", "no"),
        ("optimise the shared volume", "optimize_volume", "Optimize a disk volume", "open"),
        # a verb the lexicon does not know asks to do something, not to read...
        ("defrag the shared volume", "volume_usage", "Disk usage of a volume", "no"),
        # ... unless it is made of what the reading capability is about
        ("fly me to Rome on Friday", "search_flights", "Search flights between places", "open"),
        ("traffic on my site last week", "site_traffic", "Visits of a site", "open"),
        # "re-" and a known verb of five letters or more is that verb done again
        ("print the visitor badge", "reprint_badge", "Reprint a visitor badge", "same"),
        ("pair the headset", "repair_headset", "Repair a headset", "no"),
        # an intent with a phrasal verb and both its particles does both
        ("turn on roaming for my line", "set_roaming", "Turn roaming on or off for a line", "same"),
        # a phrasal verb written as one word names what a capability is about...
        (
            "pick up my washing at 10",
            "schedule_laundry_pickup",
            "Arrange a laundry collection",
            "open",
        ),
        # ... but a past participle of its name is the state after the action, not doing it
        ("impound the van", "list_impounded_vans", "List vans held at the depot", "no"),
        # telling someone else informs them: a question does not reach it
        ("lost umbrella on the 38?", "report_lost_item", "Tell the lost-and-found about it", "no"),
        # an intent that has a thing done does what its participle says
        ("send a new crate to 4 Elm Road", "request_crate", "Get a new crate delivered", "same"),
        ("delete the shared volume", "provision_volume", "Provision a disk volume", "no"),
        ("defrag the shared volume", "delete_volume", "Delete a disk volume", "no"),
        ("purge the cache", "delete_cache", "Delete a cache", "same"),
        ("unprovision the sandbox", "provision_sandbox", "Provision a sandbox", "no"),
        ("provision the sandbox", "provision_sandbox", "Provision a sandbox", "same"),
        ("show the sandbox", "sandbox_usage", "Usage of a sandbox", "read"),
        ("start the sandbox", "stop_sandbox", "Stop a sandbox", "no"),
    ],
    ids=[
        "unknown-vs-known",
        "unknown-vs-unknown",
        "own-unknown-form",
        "unknown-vs-reader",
        "unknown-made-of-a-topic",
        "unknown-is-a-topic",
        "again",
        "not-again",
        "both-particles",
        "phrasal-as-a-noun",
        "participle-of-the-name",
        "telling-informs",
        "causative-intent",
        "undo-vs-unknown",
        "unknown-vs-undo",
        "synonym",
        "negated",
        "own-verb",
        "both-read",
        "opposites",
    ],
)
def test_levels(request_text: str, name: str, intent: str, level: str) -> None:
    cap = capability_action(name, intent)
    got, reason = compatible(_request(request_text, unknown_verbs(cap)), cap)
    assert got == level, reason


def test_a_support_verbs_object_that_is_a_verb_names_what_the_capability_does() -> None:
    cap = capability_action("set_price_alert", "Set up a watch on a share price")
    assert {"remind", "send"} <= cap.classes  # "alert" is a verb used as a noun


def test_a_noun_that_is_its_verb_after_a_light_verb() -> None:
    assert "pause" in _request("put a brief hold on my membership").classes


@pytest.mark.parametrize(
    ("text", "cls"),
    [("follow this radio show", "subscribe"), ("hand in my lab report", "create")],
    ids=["follow-a-feed", "hand-in"],
)
def test_general_senses_of_the_lexicon(text: str, cls: str) -> None:
    assert cls in _request(text).classes


def test_on_before_a_value_is_a_preposition_not_a_switch() -> None:
    assert _request("heating off").classes == _request("switch off the heating").classes
    # "usage on 0770...": the usage of a line, nothing is switched on (a clause's words keep
    # its numbers)
    words = [
        t for t in tokenize("usage on 07700900123 in May") if t.is_word or t.lower[:1].isdigit()
    ]
    assert not request_action(words).explicit


def test_telling_someone_else_informs_them() -> None:
    assert not _request("tell the coach the court moved").query
    assert _request("tell me the court's number").query
