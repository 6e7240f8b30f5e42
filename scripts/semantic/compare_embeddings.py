#!/usr/bin/env python3
"""Compares two embeddings.json files (from reference_embeddings.py) entry by entry.

    python3 scripts/semantic/compare_embeddings.py A.json B.json [--tolerance 1e-5]

Texts and token ids must be equal; prints the largest absolute difference of any vector
component and the smallest cosine, and exits 1 if the difference exceeds the tolerance.
"""
import argparse
import json
import sys

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--tolerance", type=float, default=1e-5)
    args = parser.parse_args()
    a = json.load(open(args.a, encoding="utf-8"))
    b = json.load(open(args.b, encoding="utf-8"))
    if len(a) != len(b):
        sys.exit(f"{len(a)} entries against {len(b)}")
    worst, worst_text, lowest_cosine = 0.0, "", 1.0
    for x, y in zip(a, b):
        if x["text"] != y["text"] or x["ids"] != y["ids"]:
            sys.exit(f"entries differ in text or token ids: {x['text']!r} / {y['text']!r}")
        u, v = np.array(x["embedding"]), np.array(y["embedding"])
        difference = float(np.abs(u - v).max())
        if difference > worst:
            worst, worst_text = difference, x["text"]
        lowest_cosine = min(lowest_cosine, float(u @ v / np.linalg.norm(u) / np.linalg.norm(v)))
    print(f"{len(a)} entries, max abs diff {worst:.3g} ({worst_text[:40]!r}), min cosine {lowest_cosine:.8f}")
    if worst > args.tolerance:
        sys.exit(f"max abs diff {worst:.3g} exceeds {args.tolerance:g}")


if __name__ == "__main__":
    main()
