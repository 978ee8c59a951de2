#!/usr/bin/env python3
"""Rebuild the shipped digits demo data from the shared original.

Reads ../shared/data/digits/digits.csv.gz (relative to the repository root; 1,797 rows of
64 integer pixel values 0..16 followed by the label 0..9) and writes
  public/data/digits.npy          float32, shape (1797, 64), C order, .npy format v1.0
  public/data/digits-labels.txt   one label per line, no header.

Usage (from the repository root): python3 scripts/data/build_digits.py [--source PATH]
Only numpy is needed.
"""
import argparse
import gzip
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "digits" / "digits.csv.gz"
OUT_DIR = ROOT / "public" / "data"
N_ROWS, N_FEATURES = 1797, 64


def read_digits(source: Path) -> tuple[np.ndarray, np.ndarray]:
    """Parse the CSV into (features float32 N x 64, labels int64 N) and check its shape and ranges."""
    with gzip.open(source, "rt", encoding="ascii") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64, ndmin=2)
    if table.shape != (N_ROWS, N_FEATURES + 1):
        raise SystemExit(f"{source}: expected {N_ROWS} x {N_FEATURES + 1} values, found {table.shape}")
    features, labels = table[:, :N_FEATURES], table[:, N_FEATURES]
    if features.min() < 0 or features.max() > 16:
        raise SystemExit(f"{source}: pixel values outside 0..16")
    if set(np.unique(labels).tolist()) != set(range(10)):
        raise SystemExit(f"{source}: labels are not exactly 0..9")
    return np.ascontiguousarray(features, dtype=np.float32), labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    features, labels = read_digits(args.source)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "digits.npy", "wb") as f:
        np.lib.format.write_array(f, features, version=(1, 0), allow_pickle=False)
    (OUT_DIR / "digits-labels.txt").write_text("".join(f"{int(y)}\n" for y in labels), encoding="ascii")
    counts = np.bincount(labels, minlength=10)
    print(f"wrote {OUT_DIR / 'digits.npy'} {features.shape} float32 and {OUT_DIR / 'digits-labels.txt'}")
    print("class counts:", " ".join(str(int(c)) for c in counts))


if __name__ == "__main__":
    main()
