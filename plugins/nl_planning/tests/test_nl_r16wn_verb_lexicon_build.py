"""scripts/build_verb_lexicon.py: the rule that places WordNet verbs in the hand-written action
classes, on a tiny WordNet database in the documented wndb format (the real one is only needed
to rebuild), and the shipped data file it wrote."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from packetflow_nl_planning.lexicon import lexicon
from packetflow_nl_planning.text import lemma

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_verb_lexicon.py"
DATA = SCRIPT.parents[1] / "src" / "packetflow_nl_planning" / "data" / "lexicon"

# synsets: sell; resell (a troponym of sell); unplug/disconnect, opposed to plug_in/connect;
# detach (a troponym of unplug); hawk (a troponym of sell); zap (first sense unplug, second as
# frequent a troponym of sell); table (a troponym of sell, but a noun); vend (hand-written)
DATA_VERB = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
00000011 40 v 01 sell 0 000 | exchange for money
00000022 40 v 01 resell 0 001 @ 00000011 v 0000 | sell again
00000033 35 v 02 unplug 0 disconnect 0 001 ! 00000044 v 0202 | pull the plug of
00000044 35 v 02 plug_in 0 connect 0 001 ! 00000033 v 0202 | plug into an outlet
00000055 35 v 01 detach 0 001 @ 00000033 v 0000 | take off
00000066 40 v 01 hawk 0 001 @ 00000011 v 0000 | sell in the street
00000077 40 v 01 zap 0 001 @ 00000011 v 0000 | sell fast
00000088 40 v 01 table 0 001 @ 00000011 v 0000 | sell at a table
00000099 40 v 01 vend 0 001 @ 00000011 v 0000 | sell from a machine
"""
INDEX_VERB = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
connect v 1 1 ! 1 0 00000044
detach v 1 1 @ 1 0 00000055
disconnect v 1 1 ! 1 0 00000033
hawk v 2 1 @ 2 1 00000066 00000011
plug_in v 1 1 ! 1 0 00000044
resell v 1 1 @ 1 0 00000022
sell v 1 0 1 1 00000011
table v 1 1 @ 1 0 00000088
unplug v 1 1 ! 1 0 00000033
vend v 1 1 @ 1 0 00000099
zap v 2 1 @ 2 2 00000033 00000077
"""
CNTLIST = """\
hawk%2:40:00:: 1 2
sell%2:40:00:: 1 40
zap%2:35:00:: 1 3
zap%2:40:00:: 2 3
"""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_verb_lexicon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def derived(tmp_path: Path) -> dict[str, set[str]]:
    for name, text in [("data.verb", DATA_VERB), ("index.verb", INDEX_VERB),
                       ("cntlist.rev", CNTLIST), ("index.noun", "table n 1 0 1 0 00000001\n"),
                       ("index.adj", "")]:  # fmt: skip
        (tmp_path / name).write_text(text)
    build = _script()
    classes = {"sell": {"sell", "vend"}, "disconnect": {"disconnect", "unlink"},
               "connect": {"connect", "link"}}  # fmt: skip
    opposites = {"disconnect": {"connect"}, "connect": {"disconnect"}}
    result: dict[str, set[str]] = build.derive(
        build.WordNet(tmp_path), classes, {"disconnect"}, set(), opposites, set()
    )
    return result


def test_a_troponym_of_the_class_verb_joins_it(derived: dict[str, set[str]]) -> None:
    assert derived["resell"] == {"sell"}
    assert derived["hawk"] == {"sell"}  # tagged: its first sense speaks for it


def test_an_undo_class_takes_only_its_own_synset(derived: dict[str, set[str]]) -> None:
    # unplug's first sense is disconnect's, the one opposed to connect; detach is only a
    # troponym of it: removing is never guessed
    assert derived["unplug"] == {"disconnect"}
    assert "detach" not in derived


def test_what_wordnet_leaves_unsure_stays_out(derived: dict[str, set[str]]) -> None:
    assert "zap" not in derived  # would both undo (disconnect) and not (sell)
    assert "table" not in derived  # a noun: reading it as a verb would misread noun phrases
    assert "vend" not in derived and "sell" not in derived  # actions.txt wins
    # the opposite of disconnecting is connecting, never disconnecting
    assert derived["plug_in"] == {"connect"}


def test_the_shipped_file_is_what_the_lexicon_loads() -> None:
    lex = lexicon()
    rows = [ln for ln in (DATA / "wordnet_verbs.txt").read_text().splitlines()
            if ln and not ln.startswith("#")]  # fmt: skip
    assert rows and (DATA / "WORDNET_LICENSE").read_text().startswith("WordNet Release 3.0")
    for row in rows:
        word, _, names = row.partition(":")
        assert lex.classes_of(word) == frozenset(names.split())
    assert "redirect: send" in rows and "unplug: disconnect" in rows


def test_irregular_forms_of_the_wordnet_verbs_are_read() -> None:
    # wordnet_irregular.txt (verb.exc): "shrank" is the past of a WordNet verb (decrease)
    assert lemma("shrank") == "shrink" and lexicon().classes_of("shrink") == {"decrease"}
    assert lemma("undersold") == "undersell"
    assert lexicon().irregular["sold"] == "sell"  # irregular.txt stays as it is
