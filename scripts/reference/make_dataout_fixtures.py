#!/usr/bin/env python3
"""Fixtures for the classifier containers and the label-column rule (tests/fixtures/dataout/).

Usage (from the repository root): python3 scripts/reference/make_dataout_fixtures.py
Needs numpy only (any 1.24+ or 2.x; `/usr/bin/python3` or the pyenv `python3`). Reads the synthetic
set of make_fixtures.py (tests/fixtures/reference/synthetic-*.npy) and writes:

- head.npz: np.savez(weight=W, bias=b), W as K x D (PyTorch's nn.Linear layout);
- head-dk.safetensors: W transposed (D x K, F32) as "fc.weight" and b as "fc.bias" (F64),
  written from the safetensors format description (u64 header length, JSON header, data);
- weight-only.npz: W alone, so nc4 uses b = 0;
- table-label.csv: the synthetic vectors as 24 columns x0..x23 plus a numeric `label` column and an
  `id` column (the label-column rule must leave both out of the vectors);
- dataout.json: nc3, nc4 with b, nc4 with b = 0 (geometry_ref.collapse, float64 on the float32 values).
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np

sys.dont_write_bytecode = True
import geometry_ref as ref  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "tests" / "fixtures" / "reference"
OUT = ROOT / "tests" / "fixtures" / "dataout"


def safetensors_bytes(tensors):
    """The bytes of a safetensors file holding `tensors` (name -> (dtype name, array)), in order."""
    header, blobs, offset = {}, [], 0
    for name, (dtype, arr) in tensors.items():
        data = np.ascontiguousarray(arr, dtype={"F32": "<f4", "F64": "<f8"}[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    X = np.load(SRC / "synthetic-vectors.npy").astype(np.float64)
    y = np.load(SRC / "synthetic-labels.npy").astype(np.int64)
    W32 = np.load(SRC / "synthetic-W.npy")
    b32 = np.load(SRC / "synthetic-b.npy")
    W, b = W32.astype(np.float64), b32.astype(np.float64)
    K = int(y.max()) + 1

    np.savez(OUT / "head.npz", weight=W32, bias=b32)
    np.savez(OUT / "weight-only.npz", weight=W32)
    (OUT / "head-dk.safetensors").write_bytes(safetensors_bytes({"fc.weight": ("F32", W32.T), "fc.bias": ("F64", b32.astype(np.float64))}))

    X32 = np.load(SRC / "synthetic-vectors.npy")
    cols = [f"x{j}" for j in range(X32.shape[1])]
    lines = [",".join(["id", *cols, "label"])]
    for i, row in enumerate(X32):
        lines.append(",".join([str(i), *(repr(float(v)) for v in row), str(int(y[i]))]))
    (OUT / "table-label.csv").write_text("\n".join(lines) + "\n", encoding="ascii")

    with_b = ref.collapse(X, y, K, W, b)
    zero_b = ref.collapse(X, y, K, W, np.zeros(K))
    out = {
        "n": int(X.shape[0]),
        "dim": int(X.shape[1]),
        "classes": K,
        "nc3": float(with_b["nc3"]),
        "nc4": float(with_b["nc4"]),
        "nc4ZeroBias": float(zero_b["nc4"]),
        "nc1": float(with_b["nc1"]),
    }
    (OUT / "dataout.json").write_text(json.dumps(out, indent=2) + "\n", encoding="ascii")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
