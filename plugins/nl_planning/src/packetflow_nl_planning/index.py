"""The retrieval index: one :class:`~.profiles.Profile` per capability (its words, action,
input fields and embedding), an inverted word index with IDF weights, and the first-pass ranking.

The index is updated incrementally: :meth:`Index.add` / :meth:`Index.remove` touch one
profile (the module calls them on ``packetflow.registry.changed`` events); IDF weights and
the embedding matrix are rebuilt lazily, on the next query after a change.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

import packetflow as pf

from .capability_actions import unknown_verbs
from .lexicon import lexicon
from .profiles import Profile, build_profile
from .schema import distinctive
from .text import gerund_bases, lemma

if TYPE_CHECKING:
    from .embeddings import StaticEncoder, Vectors

__all__ = ["Hit", "Index", "Profile", "is_internal"]

# Damerau-Levenshtein similarity for a typo of a capability's word (5+ letters): one edit in
# five letters, a swapped pair ("refnud") counting as one.
_FUZZY_MIN = 0.79  # (0.8 exactly for one edit in five letters, with float rounding)


def is_internal(name: str) -> bool:
    """Capabilities a plan never uses: the node's management API and this module's own."""
    return name.startswith(("packetflow.", "nl_planning."))


@dataclass(frozen=True, slots=True)
class Hit:
    """A first-pass candidate: its profile and signals."""

    profile: Profile
    lexical: float
    objects: float
    semantic: float
    matched: tuple[str, ...]

    @property
    def score(self) -> float:
        return 0.55 * self.lexical + 0.45 * max(0.0, self.semantic)


class Index:
    """Profiles of the registered capabilities, ranked against a request.

    Thread-safe for one writer (the event loop) and readers in worker threads: changes and
    lazy rebuilds hold a lock, and ``profiles`` is swapped whole.
    """

    def __init__(self, encoder: StaticEncoder | None = None) -> None:
        self.encoder = encoder
        self.profiles: dict[str, Profile] = {}
        self._lock = threading.Lock()
        self._stale = True
        # Maintained on every add/remove (one profile's words each time): word -> capability
        # -> weight, the capabilities' own words (with how many own each), and patterns.
        self._postings: dict[str, dict[str, float]] = {}
        self._own: dict[str, int] = {}
        self._forms: dict[str, int] = {}  # written forms of own words (see Profile.forms)
        self._by_pattern: dict[str, set[str]] = {}
        self._verbs: dict[str, int] = {}  # verbs the capabilities use that the lexicon lacks
        # Derived lazily, on the first query after a change.
        self._vocabulary: list[str] = []
        self._targets: list[str] = []
        self._names: list[str] = []
        self._matrix: Vectors | None = None
        self._patterns: list[tuple[re.Pattern[str], frozenset[str]]] = []
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        self.version = 0

    def __len__(self) -> int:
        return len(self.profiles)

    def set_encoder(self, encoder: StaticEncoder | None) -> None:
        """Use ``encoder`` from now on (vectors of existing profiles are computed lazily)."""
        self.encoder = encoder
        for profile in self.profiles.values():
            profile.vector = None
        self._stale = True

    def add(self, cap: pf.Capability) -> None:
        """Index (or re-index) one capability: only its own entries change."""
        if is_internal(cap.name):
            return
        profile = build_profile(cap)
        with self._lock:
            self._forget(cap.name)
            self._learn(profile)
            self.profiles = {**self.profiles, cap.name: profile}
            self._changed()

    def remove(self, name: str) -> None:
        """Forget one capability (no error if unknown)."""
        if name in self.profiles:
            with self._lock:
                self._forget(name)
                self.profiles = {k: v for k, v in self.profiles.items() if k != name}
                self._changed()

    def rebuild(self, caps: Iterable[pf.Capability]) -> None:
        """Index exactly ``caps`` (node start)."""
        profiles = {c.name: build_profile(c) for c in caps if not is_internal(c.name)}
        with self._lock:
            self._postings, self._own, self._by_pattern, self._verbs = {}, {}, {}, {}
            self._forms = {}
            for profile in profiles.values():
                self._learn(profile)
            self.profiles = profiles
            self._changed()

    def _learn(self, profile: Profile) -> None:
        for word, weight in profile.words.items():
            self._postings.setdefault(word, {})[profile.name] = weight
        for word in profile.own:
            self._own[word] = self._own.get(word, 0) + 1
        for word in profile.forms:
            self._forms[word] = self._forms.get(word, 0) + 1
        for verb in unknown_verbs(profile.action, profile.name):
            self._verbs[verb] = self._verbs.get(verb, 0) + 1
        for spec in profile.fields:
            if spec.pattern and distinctive(spec.pattern):
                self._by_pattern.setdefault(spec.pattern, set()).add(profile.name)

    def _forget(self, name: str) -> None:
        old = self.profiles.get(name)
        if old is None:
            return
        for word in old.words:
            entry = self._postings.get(word)
            if entry is not None:
                entry.pop(name, None)
                if not entry:
                    del self._postings[word]
        for word in old.own:
            left = self._own.get(word, 0) - 1
            if left > 0:
                self._own[word] = left
            else:
                self._own.pop(word, None)
        for word in old.forms:
            left = self._forms.get(word, 0) - 1
            if left > 0:
                self._forms[word] = left
            else:
                self._forms.pop(word, None)
        for verb in unknown_verbs(old.action, old.name):
            left = self._verbs.get(verb, 0) - 1
            if left > 0:
                self._verbs[verb] = left
            else:
                self._verbs.pop(verb, None)
        for spec in old.fields:
            if spec.pattern in self._by_pattern:
                self._by_pattern[spec.pattern].discard(name)
                if not self._by_pattern[spec.pattern]:
                    del self._by_pattern[spec.pattern]

    def _changed(self) -> None:
        self.version += 1
        self._stale = True

    def refresh(self) -> None:
        """Derive what the last changes need (vocabulary, patterns, the embedding matrix) now
        rather than on the next query (blocking: call it in a worker thread when it is big)."""
        self._refresh()

    def _refresh(self) -> None:
        with self._lock:
            if not self._stale:
                return
            profiles = self.profiles
            self._vocabulary = sorted(w for w in self._own if len(w) >= 4)
            # A typo may be of a synonym of a capability's word ("directons" for a route
            # planner): those are corrected too, when the word is no English one.
            synonyms = lexicon().synonyms
            self._targets = sorted(
                set(self._vocabulary)
                | {s for w in self._own for s in synonyms.get(w, ()) if len(s) >= 4 and s.isalpha()}
                # "chager" is a typo of "charger", two edits from its lemma "charge"
                | set(self._forms)
            )
            self._names = list(profiles)
            compiled = []
            for pattern, names in self._by_pattern.items():
                if pattern not in self._compiled:
                    try:
                        self._compiled[pattern] = re.compile(pattern)
                    except re.error:
                        self._compiled[pattern] = None
                regex = self._compiled[pattern]
                if regex is not None:
                    compiled.append((regex, frozenset(names)))
            self._patterns = compiled
            if self.encoder is not None and profiles:
                self._embed(profiles)
            else:
                self._matrix = None
            self._stale = False

    def _embed(self, profiles: dict[str, Profile]) -> None:
        import numpy as np

        encoder = self.encoder
        assert encoder is not None
        todo = [p for p in profiles.values() if p.vector is None]
        if todo:
            texts: list[str] = []
            spans: list[tuple[int, int]] = []
            for p in todo:
                start = len(texts)
                texts.append(p.text)
                texts.extend(p.examples)
                spans.append((start, len(texts)))
            vectors = encoder.encode(texts)
            for p, (a, b) in zip(todo, spans, strict=True):
                # The centroid of the description and the examples (research notes: a
                # centroid beats scoring each example on its own).
                centroid = vectors[a:b].mean(axis=0)
                norm = float(np.linalg.norm(centroid)) or 1.0
                p.vector = centroid / norm
        self._matrix = np.stack([profiles[n].vector for n in self._names])

    def by_pattern(self, chunks: Iterable[str]) -> set[str]:
        """Capabilities with a distinctive ``pattern`` field that one of ``chunks`` (words of
        the request, "#" or "@" stripped) matches: an id only they take makes them candidates
        even when no other word of the request names them."""
        self._refresh()
        found: set[str] = set()
        # An id typed in lower case ("ab123456789gb") is the id all the same (slot filling
        # takes it in the case its pattern asks for); a word without digits is no id.
        chunks = [
            form
            for chunk in chunks
            for form in ((chunk, chunk.upper()) if any(c.isdigit() for c in chunk) else (chunk,))
        ]
        for regex, names in self._patterns:
            for chunk in chunks:
                if regex.fullmatch(chunk):
                    found.update(names)
                    break
        return found

    @property
    def verbs(self) -> frozenset[str]:
        """Verbs the capabilities are named or described by that the lexicon does not know
        ("deploy", "escalate"): a request may use them as its verb."""
        return frozenset(self._verbs)

    @property
    def vocabulary(self) -> list[str]:
        """The capabilities' own words of 4+ letters (what typos are corrected towards)."""
        self._refresh()
        return self._vocabulary

    def derived(self, word: str) -> bool:
        """Whether ``word`` (a lemma of 5+ letters) begins a capability word of 4+ letters, or
        one begins it: a form of the same word ("vaccinat-" of "vaccination", "weigh" of
        "weight"), which no typo correction should turn into another word."""
        if len(word) < 5:
            return False
        vocabulary = self.vocabulary
        at = bisect.bisect_left(vocabulary, word)
        if at < len(vocabulary) and vocabulary[at].startswith(word):
            return True
        return any(word[:n] in self._own for n in range(5, len(word)))

    def idf(self, word: str) -> float:
        """Inverse document frequency over the capabilities (rare words weigh more)."""
        n = max(1, len(self.profiles))
        return math.log(1 + n / max(1, len(self._postings.get(word, ()))))

    def known(self, word: str) -> bool:
        return word in self._postings

    def correct(self, word: str, *, edits: int | None = None) -> str | None:
        """The capability word ``word`` is most likely a typo of (one edit in five letters; in
        three or four letters, one edit)."""
        if len(word) < 3:
            return None
        self._refresh()
        if edits is not None:
            near = process.extractOne(
                word, self._vocabulary, scorer=DamerauLevenshtein.distance, score_cutoff=edits
            )
            return near[0] if near else None
        cutoff = _FUZZY_MIN if 4 < len(word) < 8 else 0.74  # two edits in eight letters
        ranked = process.extract(
            word, self._targets, scorer=DamerauLevenshtein.normalized_similarity,
            score_cutoff=cutoff, limit=8,
        )  # fmt: skip
        if not ranked:
            return None
        best = [w for w, score, _ in ranked if score == ranked[0][1]]
        # Two words as near ("panle": pale or panel): two letters swapped is the commonest
        # slip of typing, so the word with the very same letters is the one meant.
        swapped = [w for w in best if sorted(w) == sorted(word)]
        found = (swapped or best)[0]
        return lemma(found) if found in self._forms else found

    def _gerund_postings(self, term: str) -> dict[str, float] | None:
        """The postings of the word in "-ing" whose base ``term`` is, when one is indexed: an
        activity is named by its base as a noun ("a row", "a swim") as by its gerund."""
        for form in (term + "ing", term[:-1] + "ing", term + term[-1] + "ing"):
            if term in gerund_bases(form):
                postings = self._postings.get(form)
                if postings is None:
                    postings = self._postings.get(lemma(form))
                if postings is not None:
                    return postings
        return None

    def search(
        self,
        terms: Sequence[str],
        objects: Sequence[str],
        sentence: str,
        *,
        allowed: Iterable[str] | None = None,
        limit: int = 12,
        must: set[str] | None = None,
        kin: frozenset[str] = frozenset(),
    ) -> list[Hit]:
        """The best ``limit`` capabilities for a clause.

        Args:
            terms: the clause's content lemmas (verbs included).
            objects: the same without the action's verbs (what the action is applied to).
            sentence: the clause as text, values removed (for the embedding).
            allowed: only these capability names (a caller's scopes), when given.
            must: names to include even below the first ``limit`` (see :meth:`by_pattern`).
            kin: action classes; capabilities whose action has one join the hits after the
                first ``limit`` (their words need not be the request's).
        """
        self._refresh()
        names = self._names
        if not names:
            return []
        allow = None if allowed is None else set(allowed)
        scores: dict[str, float] = {}
        object_scores: dict[str, float] = {}
        matched: dict[str, list[str]] = {}
        total = sum(self.idf(t) for t in terms) or 1.0
        total_objects = sum(self.idf(t) for t in objects) or 1.0
        object_set = set(objects)
        for term in terms:
            idf = self.idf(term)
            postings = self._postings.get(term)
            if postings is None and term.isalpha() and not term.endswith("ing"):
                # "chargers" (lemma "charger") finds what "charger" (lemma "charge") names
                # (a noun in -ing, "readings", is no verb's action)
                postings = self._postings.get(lemma(term))
            if postings is None and len(term) >= 3 and term.isalpha():
                # "a day pas": a word no capability has, its doubled last letter left off
                # (see coverage._one_short), finds the capabilities of the whole word
                postings = self._postings.get(term + term[-1])
            if postings is None and len(term) >= 3 and term.isalpha():
                postings = self._gerund_postings(term)  # "a row" finds what "rowing" names
            for name, weight in (postings or {}).items():
                scores[name] = scores.get(name, 0.0) + idf * weight / total
                matched.setdefault(name, []).append(term)
                if term in object_set:
                    object_scores[name] = (
                        object_scores.get(name, 0.0) + idf * weight / total_objects
                    )
        semantic: dict[str, float] = {}
        if self._matrix is not None and self.encoder is not None and sentence.strip():
            query = self.encoder.encode([sentence])[0]
            sims = self._matrix @ query
            semantic = {name: float(s) for name, s in zip(names, sims, strict=True)}
        hits = [
            Hit(
                self.profiles[name],
                min(1.0, scores.get(name, 0.0)),
                min(1.0, object_scores.get(name, 0.0)),
                semantic.get(name, 0.0),
                tuple(matched.get(name, ())),
            )
            for name in names
            if allow is None or name in allow
        ]
        hits.sort(key=lambda h: (-h.score, h.profile.name))
        if must:
            # An id only these capabilities take puts them first (they get the fit check).
            hits = [h for h in hits if h.profile.name in must] + [
                h for h in hits if h.profile.name not in must
            ]
        chosen = hits[:limit]
        if kin:
            chosen += [h for h in hits[limit:] if h.profile.action.classes & kin]
        return chosen
