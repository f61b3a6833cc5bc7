"""Build ``data/lexicon/wordnet_verbs.txt``: verbs the hand-written action classes lack, placed
in those classes from WordNet 3.0.

Run once, offline, when the rule or ``actions.txt`` changes (never at install or run time; the
planner only reads the text file it writes)::

    apt-get install -y wordnet-base        # the WordNet 3.0 database in /usr/share/wordnet
    python plugins/nl_planning/scripts/build_verb_lexicon.py [--wordnet DIR]

What it reads: ``actions.txt``, ``antonyms.txt``, ``cues.txt``, ``stopwords.txt`` and
``irregular.txt`` from the package data, and ``index.verb``, ``data.verb``, ``index.noun``,
``index.adj``, ``cntlist.rev`` and ``verb.exc`` of the WordNet database (the documented
"wndb" text format, parsed here directly: no dependency).

The rule (conservative: a verb the file lacks stays one the lexicon does not know unless
WordNet ties one of its main senses to a sense the hand-written class means):

* a class's senses are the synsets two of its lemmas share (among their first three senses),
  plus its name's first sense when the class neither only reads nor undoes and has more than
  that one verb (WordNet's first "retrieve" gets back, its "follow" goes behind); an undo
  class's senses are its shared ones plus its name's senses WordNet opposes to a sense of
  the opposite class (antonyms.txt: "disconnect" as against "connect", "withdraw" money as
  against "deposit" it - not its first sense, "retreat");
* a lemma's main senses are its first, and its second when tagged at least half as often
  (``cntlist.rev``); a lemma SemCor never tagged counts only when it has a single sense (the
  order of untagged senses says nothing);
* a lemma joins a class when a main sense is a class sense, or a direct troponym of one that
  holds the class's name and has at most ``GENERAL`` troponyms ("resell" is a way to "sell";
  "annotate", a way to "write", is no way to "create", and "shorten" no mere "change"), and
  it has no WordNet antonym among the class's senses;
* an ``undo`` class takes a lemma only when the lemma's first sense is a class sense itself;
  a lemma that would be in an undo class and in another is left out;
* a phrasal verb of a hand-written verb only takes classes that verb has ("buy back": buy;
  "drop off" is no "decrease"), and so does one with "re-" ("reopen": open; WordNet's
  "reorder" ranks, but a user reorders a meal); one the planner reads from its parts
  ("disenable": not enable, "recalculate": calculate again) is left to that reading;
* left out: lemmas of ``actions.txt`` (the hand-written file always wins), words with a
  grammatical job (``cues.txt``, ``stopwords.txt``) and irregular forms of other verbs
  (``irregular.txt``: "found", "lay"), lemmas WordNet has as nouns unless tagged ``NOUNISH``
  times more often as verbs ("licence plate"), verbs whose past participle is an adjective
  ("advanced"), multi-word entries other than ``word_particle``, and non-letters.

With ``--why`` it prints, for each lemma, which sense ties it to which class.

What it writes, in ``data/lexicon/``: ``wordnet_verbs.txt`` (``lemma: class class``, with a
header giving the format and the license), ``wordnet_irregular.txt`` (the irregular forms of
those lemmas from ``verb.exc`` that ``irregular.txt`` lacks: "shrank shrink", "overpaid
overpay") and ``WORDNET_LICENSE`` (the WordNet 3.0 license, which must be kept with the data
derived from it).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEXICON = HERE.parent / "src" / "packetflow_nl_planning" / "data" / "lexicon"

TOP = 3  # the senses of a hand-written lemma that can be its class's
GENERAL = 30  # a verb with more troponyms than this is too general to pass its class on
NOUNISH = 3  # a lemma WordNet has as a noun must be tagged this many times more as a verb
NEGATING_PREFIXES = ("un", "dis", "de")  # as verbs.py reads them
PARTICLES = frozenset(("up", "down", "off", "out", "in", "on", "back", "over", "away"))

LICENSE = """\
WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by Princeton University
under the following license.  By obtaining, using and/or copying this software and database,
you agree that you have read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and database and its
documentation for any purpose and without fee or royalty is hereby granted, provided that
you agree to comply with the following copyright notice and statements, including the
disclaimer, and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION,
PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS
FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or publicity
pertaining to distribution of the software and/or database.  Title to copyright in this
software, database and any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""

HEADER = """\
# Action classes of English verbs that actions.txt lacks, derived from WordNet 3.0 by
# scripts/build_verb_lexicon.py (do not edit by hand: change the rule there and rebuild).
#
# Format:  lemma: class class ...   (phrasal verbs join their words with "_", as in actions.txt)
# The planner merges these under the hand-written classes: a lemma of actions.txt never takes
# a class from here. Class flags (query, undo) are those of actions.txt.
#
# Derived from WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.
# Used under the WordNet 3.0 license, which WORDNET_LICENSE (next to this file) reproduces.
"""


IRREGULAR_HEADER = """\
# Irregular forms of the verbs of wordnet_verbs.txt that irregular.txt lacks, "form lemma" one a
# line, from WordNet 3.0's verb.exc by scripts/build_verb_lexicon.py (do not edit by hand).
# Derived from WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.
# Used under the WordNet 3.0 license, which WORDNET_LICENSE (next to this file) reproduces.
"""


class WordNet:
    """The verb part of a WordNet database: senses of each lemma and synsets' relations."""

    def __init__(self, root: Path) -> None:
        self.senses: dict[str, list[str]] = {}
        for line in _data_lines(root / "index.verb"):
            parts = line.split()
            ptrs = int(parts[3])
            count = int(parts[4 + ptrs])
            self.senses[parts[0]] = parts[-count:]
        self.words: dict[str, list[str]] = {}
        self.hypernyms: dict[str, set[str]] = defaultdict(set)
        self.hyponyms: dict[str, set[str]] = defaultdict(set)
        self.antonyms: dict[str, set[str]] = defaultdict(set)  # lemma -> synsets
        self.opposed: dict[str, set[str]] = defaultdict(set)  # synset -> synsets
        for line in _data_lines(root / "data.verb"):
            fields = line.split(" | ")[0].split()
            offset, n = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(n)]
            self.words[offset] = words
            at = 4 + 2 * n
            for i in range(int(fields[at])):
                symbol, target, pos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if pos != "v":
                    continue
                if symbol == "@":
                    self.hypernyms[offset].add(target)
                elif symbol == "~":
                    self.hyponyms[offset].add(target)
                elif symbol == "!":
                    self.opposed[offset].add(target)
                    source = int(st[:2], 16)
                    if source:
                        self.antonyms[words[source - 1]].add(target)
        self.tags = _tag_counts(root / "cntlist.rev")
        self.nouns = {ln.split()[0] for ln in _data_lines(root / "index.noun")}
        self.adjectives = {ln.split()[0] for ln in _data_lines(root / "index.adj")}
        exc = root / "verb.exc"
        self.forms: list[tuple[str, str]] = []  # (irregular form, lemma)
        for line in exc.read_text(encoding="utf-8").splitlines() if exc.exists() else []:
            form, *lemmas = line.split()
            self.forms.extend((form, lemma) for lemma in lemmas)

    def main_senses(self, lemma: str) -> list[str]:
        """The senses that speak for a lemma: its first, and its second when tagged at least
        half as often; only tagged ones (an untagged lemma's order says nothing) unless it
        has one sense."""
        senses = self.senses.get(lemma, [])
        counts = self.tags.get(("v", lemma), {})
        if not counts:
            return senses if len(senses) == 1 else []
        top = max(counts.get(1, 0), 1)
        return [s for i, s in enumerate(senses[:2], 1) if counts.get(i, 0) * 2 >= top]

    def verb_tags(self, lemma: str) -> int:
        return sum(self.tags.get(("v", lemma), {}).values())

    def noun_tag(self, lemma: str) -> int:
        return sum(self.tags.get(("n", lemma), {}).values())


def _data_lines(path: Path) -> list[str]:
    # The license header lines of wndb files start with two spaces.
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln[:1] != " " and ln]


def _tag_counts(path: Path) -> dict[tuple[str, ...], dict[int, int]]:
    """(pos, lemma) -> sense number -> how often SemCor tagged it (cntlist.rev)."""
    out: dict[tuple[str, ...], dict[int, int]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        key, number, count = line.split()
        lemma, _, rest = key.partition("%")
        pos = {"1": "n", "2": "v"}.get(rest[:1])
        if pos:
            out[(pos, lemma.lower())][int(number)] = int(count)
    return out


def read_actions(path: Path) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """class -> its lemmas, the undo classes and the query classes of actions.txt."""
    classes: dict[str, set[str]] = {}
    undo: set[str] = set()
    query: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, words = line.partition(":")
        name, *flags = head.split()
        if "undo" in flags:
            undo.add(name)
        if "query" in flags:
            query.add(name)
        classes.setdefault(name, set()).update(w.lower() for w in words.split())
    return classes, undo, query


def read_opposites(lexicon: Path) -> dict[str, set[str]]:
    """class -> its opposite classes (antonyms.txt)."""
    out: dict[str, set[str]] = defaultdict(set)
    for raw in (lexicon / "antonyms.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            a, b = line.split()
            out[a].add(b)
            out[b].add(a)
    return out


def grammar_words(lexicon: Path) -> set[str]:
    """Words with a grammatical job (cues.txt, stopwords.txt): "please", "want", "say" are
    read by their own rules, never as an action; and irregular forms of other verbs."""
    out: set[str] = set()
    for name in ("cues.txt", "stopwords.txt", "irregular.txt"):
        for raw in (lexicon / name).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line and not line.startswith("["):
                words = line.split()
                # irregular.txt: "found find" - the form is another verb's, not a lemma.
                out.update(w.lower() for w in (words[:1] if name == "irregular.txt" else words))
    return out


def derive(
    wn: WordNet,
    classes: dict[str, set[str]],
    undo: set[str],
    query: set[str],
    opposites: dict[str, set[str]],
    grammar: set[str],
    why: dict[tuple[str, str], str] | None = None,
) -> dict[str, set[str]]:
    """lemma -> the classes WordNet places it in (see the module's rule); ``why`` collects
    (lemma, class) -> the tie."""
    known = {w for words in classes.values() for w in words} | grammar
    owners: dict[str, set[str]] = defaultdict(set)
    for name, words in classes.items():
        for w in words:
            owners[w].add(name)
    core: dict[str, set[str]] = {}  # class -> the synsets that are its senses
    for name, words in classes.items():
        # A synset two of the class's lemmas share (in one of their first senses) is the sense
        # the hand-written class means; the class's name speaks for it by its first sense.
        seen: dict[str, int] = defaultdict(int)
        for w in words:
            for synset in wn.senses.get(w, [])[:TOP]:
                seen[synset] += 1
        core[name] = {s for s, n in seen.items() if n >= 2}
        plain = name not in undo and name not in query and len(words) > 1
        if plain and name in words and name in wn.senses:
            # ... and so does its name's first sense, unless the class only reads or undoes
            # (WordNet's "retrieve" gets back, its "withdraw" retreats) or is that one verb
            # (its "follow" goes behind).
            core[name].add(wn.senses[name][0])
        if name in undo:
            # An undo class's own sense of its name is one WordNet opposes to a sense of the
            # opposite class (antonyms.txt): "disconnect" as against "connect", "withdraw"
            # money as against "deposit" it (not its first sense, "retreat").
            theirs = {s for o in opposites.get(name, ()) for w in classes.get(o, ())
                      for s in wn.senses.get(w, [])}  # fmt: skip
            core[name] |= {
                s for s in wn.senses.get(name, []) if wn.opposed[s] & theirs and name in wn.words[s]
            }
    out: dict[str, set[str]] = defaultdict(set)
    for lemma in wn.senses:
        if lemma in known or not _shape(lemma) or not _verbish(wn, lemma):
            continue
        head = lemma.split("_")[0]
        # "drop off" is no "decrease": a phrasal verb of a hand-written verb only takes
        # classes the verb has (buy_back: buy), confirmed by WordNet.
        allowed = owners[head] if "_" in lemma and head in known else set(core)
        for name in sorted(allowed):
            tie = relation(wn, lemma, name, core[name], undo=name in undo)
            if tie:
                out[lemma].add(name)
                if why is not None:
                    why[(lemma, name)] = tie
    for lemma, names in out.items():
        names &= _from_parts(lemma, owners, names)
    return {w: c for w, c in out.items() if c and not (c & undo and c - undo)}


def _from_parts(lemma: str, owners: dict[str, set[str]], names: set[str]) -> set[str]:
    """The classes WordNet may give a lemma the planner already reads from a hand-written verb
    and a prefix (verbs.py): none for a negated one ("disenable" is "not enable") or one done
    again of five letters or more ("recalculate"); for a shorter one done again, only its
    verb's ("reopen": open, "resell": sell - WordNet's "reorder" ranks, its "rerun"
    broadcasts, but a user reorders a meal and reruns a job)."""
    for prefix in NEGATING_PREFIXES:
        stem = lemma[len(prefix) :]
        if lemma.startswith(prefix) and len(stem) >= 3 and stem in owners:
            return set()
    stem = lemma[2:]
    if lemma.startswith("re") and stem in owners:
        return set() if len(stem) >= 5 else owners[stem]
    return names


def irregular_forms(wn: WordNet, derived: dict[str, set[str]], lexicon: Path) -> list[str]:
    """The "form lemma" lines for the irregular forms of derived one-word lemmas that
    irregular.txt lacks ("shrank shrink"); a doubled consonant ("unplugged") the planner's own
    suffix rules already undo, and a form that is a word of its own is left alone."""
    hand = {
        line.split()[0]
        for line in (lexicon / "irregular.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    out = []
    for form, lemma in sorted(wn.forms):
        regular = form.startswith(lemma) and form[len(lemma) :] in ("ed", "ing", "s")
        regular |= len(form) > len(lemma) and form[: len(lemma) + 1] == lemma + lemma[-1]
        own = form in wn.senses or form in wn.nouns or form in wn.adjectives
        if lemma in derived and "_" not in lemma and form not in hand and not regular and not own:
            out.append(f"{form} {lemma}")
    return out


def _verbish(wn: WordNet, lemma: str) -> bool:
    """Whether a lemma is safe to read as a verb wherever it stands."""
    if lemma in wn.nouns and wn.noun_tag(lemma) * NOUNISH >= wn.verb_tags(lemma):
        return False  # "licence plate", "..., travel, ...": a word read as a noun stays one
    return not _participles(lemma) & wn.adjectives  # "..., advanced": an adjective


def relation(wn: WordNet, lemma: str, name: str, synsets: set[str], *, undo: bool) -> str:
    """How one of the lemma's main senses is a sense of the class (empty when none is)."""
    senses = wn.senses[lemma]
    if any(a in synsets for a in wn.antonyms.get(lemma, ())):
        return ""
    if undo:
        # Removing or ending is never guessed: the lemma's first sense is the class's own.
        return "its first sense is a class sense" if senses[0] in synsets else ""
    for i, sense in enumerate(wn.main_senses(lemma)):
        if sense in synsets:
            return f"sense {i + 1} is a class sense ({'/'.join(wn.words[sense][:3])})"
        # A troponym of a verb with very many (change, make, move) is an action of its own
        # ("shorten" is no mere "change").
        for h in wn.hypernyms[sense] & synsets:
            # ... and only of the class's own verb: a kind of "writing" ("annotate") is no
            # kind of "creating", a kind of "expecting" ("guess") no "forecast".
            if len(wn.hyponyms[h]) <= GENERAL and name in wn.words[h]:
                return f"sense {i + 1} is a troponym of {'/'.join(wn.words[h][:3])}"
    return ""


def _participles(lemma: str) -> set[str]:
    """The regular past participles a lemma may have ("advance" -> "advanced")."""
    if "_" in lemma:
        return set()
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {stem + "ed", lemma + lemma[-1] + "ed"}
    if lemma.endswith("y"):
        out.add(lemma[:-1] + "ied")
    return out


def _shape(lemma: str) -> bool:
    parts = lemma.split("_")
    if len(parts) == 1:
        return lemma.isalpha() and len(lemma) > 2
    return len(parts) == 2 and parts[0].isalpha() and parts[1] in PARTICLES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=LEXICON)
    parser.add_argument("--why", action="store_true", help="print what ties each lemma")
    args = parser.parse_args()
    wn = WordNet(args.wordnet)
    classes, undo, query = read_actions(LEXICON / "actions.txt")
    why: dict[tuple[str, str], str] = {}
    derived = derive(wn, classes, undo, query, read_opposites(LEXICON), grammar_words(LEXICON), why)
    if args.why:
        for (lemma, name), tie in sorted(why.items()):
            if name in derived.get(lemma, ()):
                print(f"{lemma} -> {name}: {tie}")
    lines = [f"{w}: {' '.join(sorted(c))}" for w, c in sorted(derived.items())]
    (args.out / "wordnet_verbs.txt").write_text(HEADER + "\n" + "\n".join(lines) + "\n")
    (args.out / "wordnet_irregular.txt").write_text(
        IRREGULAR_HEADER + "\n" + "\n".join(irregular_forms(wn, derived, LEXICON)) + "\n"
    )
    (args.out / "WORDNET_LICENSE").write_text(LICENSE)
    print(f"{len(lines)} lemmas -> {args.out / 'wordnet_verbs.txt'}")


if __name__ == "__main__":
    main()
