"""Placement: a 2-D position for every capability from what it says about itself.

Each capability becomes a bag of words (its name, intent, tags, keywords, examples and the
names of its contract fields, each part weighted), hashed into a fixed-size TF-IDF vector
(the hashing trick: no vocabulary to grow, the same word always lands in the same column).
Classical multidimensional scaling of the cosine distances between those vectors (which is a
principal component analysis of the unit vectors) gives two coordinates where similar
capabilities lie close together. Everything is deterministic: the hash is ``blake2b`` (not
Python's salted ``hash``), the components' signs are fixed, and the only randomness (a small
jitter that separates identical capabilities) comes from ``numpy.random.default_rng(seed)``.

New capabilities are placed **incrementally**: near their most similar neighbours, without
moving anyone else.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

import packetflow as pf

__all__ = ["DIMENSIONS", "Bag", "Vectorizer", "embed", "jitter", "near_neighbours", "words_of"]

FloatArray = npt.NDArray[np.float64]
Bag = dict[str, float]  # word -> weight

DIMENSIONS = 512
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by for from in is it of on or the this to with its into".split()  # noqa: SIM905
)
# How much each part of a capability counts (names and tags say the most about it).
_WEIGHTS = {"name": 2.0, "tag": 2.0, "keyword": 1.5, "field": 1.0, "intent": 1.0, "example": 0.5}


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 1]


def words_of(cap: pf.Capability) -> Bag:
    """The weighted words of a capability."""
    bag: Bag = {}

    def add(kind: str, texts: Iterable[str]) -> None:
        for text in texts:
            for word in _words(text.replace("_", " ").replace(".", " ")):
                bag[word] = bag.get(word, 0.0) + _WEIGHTS[kind]

    add("name", [cap.name])
    add("tag", cap.tags)
    add("keyword", cap.keywords)
    add("intent", [cap.intent])
    add("example", cap.examples)
    add("field", [*cap.contract.requires, *cap.contract.provides])
    return bag


def _column(word: str) -> tuple[int, float]:
    digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    # A sign from another bit keeps colliding words from always adding up.
    return value % DIMENSIONS, 1.0 if (value >> 40) & 1 else -1.0


class Vectorizer:
    """Hashed TF-IDF vectors; document frequencies grow as capabilities are added."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.documents = 0

    def learn(self, bags: Iterable[Bag]) -> None:
        for bag in bags:
            self.df.update(bag.keys())
            self.documents += 1

    def forget(self, bag: Bag) -> None:
        self.df.subtract(bag.keys())
        self.documents = max(0, self.documents - 1)

    def vector(self, bag: Bag) -> FloatArray:
        """The unit TF-IDF vector of ``bag`` (all zeros for an empty bag)."""
        out = np.zeros(DIMENSIONS, dtype=np.float64)
        total = max(1, self.documents)
        for word, weight in bag.items():
            idf = math.log((1 + total) / (1 + max(0, self.df[word]))) + 1.0
            column, sign = _column(word)
            out[column] += sign * (1.0 + math.log(weight)) * idf
        norm = float(np.linalg.norm(out))
        return out / norm if norm > 0 else out


def jitter(name: str, seed: int, scale: float) -> FloatArray:
    """A small, reproducible offset for ``name`` (separates capabilities that look alike)."""
    digest = hashlib.blake2b(f"{seed}:{name}".encode(), digest_size=8).digest()
    rng = np.random.default_rng([seed & 0xFFFFFFFF, int.from_bytes(digest, "little")])
    return rng.uniform(-scale, scale, size=2)


def embed(vectors: FloatArray, names: list[str], seed: int) -> FloatArray:
    """Two coordinates in ``[0, 1]`` per row of ``vectors`` (unit rows), similar rows close.

    Classical MDS on the squared distances of unit vectors (``2 - 2 cos``) is PCA on the
    centred vectors: the top two singular directions, signs fixed so that the largest
    coordinate of each axis is positive (SVD alone leaves them arbitrary).
    """
    n = len(vectors)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.full((1, 2), 0.5)
    centred = vectors - vectors.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    coords = np.zeros((n, 2))
    rank = min(2, len(s))
    coords[:, :rank] = u[:, :rank] * s[:rank]
    for axis in range(2):
        column = coords[:, axis]
        if column[np.argmax(np.abs(column))] < 0:
            coords[:, axis] = -column
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 1e-12, high - low, 1.0)
    unit = (coords - low) / span
    unit[:, high - low <= 1e-12] = 0.5
    # Identical capabilities would sit on one point: spread them a little, reproducibly.
    spread = np.array([jitter(name, seed, 0.02) for name in names])
    placed: FloatArray = np.clip(unit + spread, 0.0, 1.0)
    return placed


def near_neighbours(vector: FloatArray, vectors: FloatArray, k: int = 3) -> list[tuple[int, float]]:
    """The rows of ``vectors`` most similar to ``vector`` (cosine > 0), best first."""
    if len(vectors) == 0 or not vector.any():
        return []
    similarity = vectors @ vector
    order = np.argsort(-similarity, kind="stable")[:k]
    return [(int(i), float(similarity[i])) for i in order if similarity[i] > 0]
