"""The static sentence encoder: a per-token embedding table distilled from all-MiniLM-L6-v2
(``scripts/build_model.py``), shipped as package data.

A sentence vector is the normalised mean of its tokens' rows, exactly what model2vec's
``StaticModel.encode`` computes; doing it here with ``tokenizers`` and ``numpy`` keeps
model2vec (and its hub client) out of the run time. Both libraries are the optional extra
``packetflow-module-nl-planning[embeddings]``: without them :func:`load_default` returns
``None`` and the planner ranks with its lexical signals alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

__all__ = ["StaticEncoder", "load_default", "model_dir"]

log = logging.getLogger("packetflow.nl_planning")

MAX_TOKENS = 128  # a request is short; the tail of a pasted essay adds nothing to its meaning
_WORDS_MAX = 4096  # remembered word vectors (see StaticEncoder.words)


def model_dir() -> Path:
    """Where the shipped model lives (inside the installed package)."""
    return Path(str(resources.files("packetflow_nl_planning") / "data" / "model"))


class StaticEncoder:
    """Encodes sentences with a static embedding table (thread-safe, no state per call)."""

    def __init__(self, tokenizer: Any, table: Vectors) -> None:
        self._tokenizer = tokenizer
        self._table = table
        self.dims = int(table.shape[1])
        self._words: dict[str, Vectors] = {}  # bounded: cleared when it reaches _WORDS_MAX

    @classmethod
    def load(cls, path: Path) -> StaticEncoder:
        """Load ``embeddings.npy`` and ``tokenizer.json`` from ``path``.

        Raises:
            ImportError: the ``embeddings`` extra (``tokenizers``, ``numpy``) is missing.
            OSError / ValueError: the files are missing or do not fit together.
        """
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        # float32 once at load: the table is small and float16 sums are slow on most CPUs.
        table = np.load(path / "embeddings.npy").astype(np.float32)
        if tokenizer.get_vocab_size() != table.shape[0]:
            raise ValueError(
                f"model at {str(path)!r}: tokenizer has {tokenizer.get_vocab_size()} tokens but "
                f"the table has {table.shape[0]} rows; rebuild it with scripts/build_model.py"
            )
        return cls(tokenizer, table)

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """Unit vectors, one row per sentence (a zero row for a sentence with no tokens)."""
        import numpy as np

        out = np.zeros((len(sentences), self.dims), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(sentences), add_special_tokens=False)
        for row, encoding in enumerate(encodings):
            ids = encoding.ids
            if ids:
                out[row] = self._table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        result: Vectors = out / norms
        return result

    def words(self, words: Sequence[str]) -> Vectors:
        """Unit vectors of short texts (words, enum values), one row each, remembered: the
        same few words are asked for by every candidate of a clause and every plan."""
        import numpy as np

        missing = [w for w in dict.fromkeys(words) if w not in self._words]
        if missing:
            if len(self._words) + len(missing) > _WORDS_MAX:
                self._words = {}  # overflow: start again (a dict swap is safe across threads)
            self._words.update(zip(missing, self.encode(missing), strict=True))
        table = self._words
        found = [table.get(w) for w in words]
        rows = [r for r in found if r is not None]
        if len(rows) < len(found):  # cleared by another thread meanwhile
            return self.encode(list(words))
        stacked: Vectors = np.stack(rows) if rows else np.zeros((0, self.dims), dtype=np.float32)
        return stacked

    def vocabulary(self) -> dict[str, int]:
        """The tokenizer's vocabulary (token -> id)."""
        vocab: dict[str, int] = self._tokenizer.get_vocab()
        return vocab

    @cached_property
    def whole_words(self) -> frozenset[str]:
        """The vocabulary's tokens that are whole words of letters (common English words),
        read once per encoder."""
        return frozenset(w for w in self.vocabulary() if w.isalpha())


def load_default() -> StaticEncoder | None:
    """The shipped encoder, or ``None`` when the ``embeddings`` extra is not installed."""
    try:
        return StaticEncoder.load(model_dir())
    except ImportError:
        log.info(
            "nl_planning: embeddings off (pip install 'packetflow-module-nl-planning[embeddings]' "
            "for better paraphrase matching)"
        )
        return None


def read_config() -> dict[str, Any]:
    """The shipped model's ``config.json``."""
    data: dict[str, Any] = json.loads((model_dir() / "config.json").read_text())
    return data
