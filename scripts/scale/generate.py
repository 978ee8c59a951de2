"""Writes a seeded N x D float32 embedding set as x.npy + y.npy (int64 labels), block by block.

K classes, x = mu_y + A z + 0.3 eps with z ~ N(0, I_16), A a fixed D x 16 matrix (entries N(0, 1/16)),
mu_k ~ N(0, 4 I): a low intrinsic dimension (about 16) inside D dimensions. `--subset M` also writes
the first M rows as x-subset.npy + y-subset.npy. Memory: one block of rows.

    python3 scripts/scale/generate.py --out /tmp/scale --rows 10000000 --dim 256 [--subset 1000000] [--classes 10] [--seed 1]

Then scripts/scale/to-parquet.ts writes the same rows as Parquet shards.
"""
import argparse
import os

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--out", required=True)
p.add_argument("--rows", type=int, default=1_000_000)
p.add_argument("--dim", type=int, default=256)
p.add_argument("--classes", type=int, default=10)
p.add_argument("--subset", type=int, default=0)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
rng = np.random.default_rng(a.seed)
means = (2 * rng.standard_normal((a.classes, a.dim))).astype(np.float32)
A = (rng.standard_normal((a.dim, 16)) / 4).astype(np.float32)


def memmap(name, shape, dtype):
    return np.lib.format.open_memmap(os.path.join(a.out, name), mode="w+", dtype=dtype, shape=shape)


X = memmap("x.npy", (a.rows, a.dim), np.float32)
Y = memmap("y.npy", (a.rows,), np.int64)
sub = (memmap("x-subset.npy", (a.subset, a.dim), np.float32), memmap("y-subset.npy", (a.subset,), np.int64)) if a.subset else None
BLOCK = 65536
for start in range(0, a.rows, BLOCK):
    n = min(BLOCK, a.rows - start)
    y = rng.integers(0, a.classes, n)
    x = means[y] + rng.standard_normal((n, 16), dtype=np.float32) @ A.T + 0.3 * rng.standard_normal((n, a.dim), dtype=np.float32)
    X[start:start + n] = x
    Y[start:start + n] = y
    if sub and start < a.subset:
        keep = min(n, a.subset - start)
        sub[0][start:start + keep] = x[:keep]
        sub[1][start:start + keep] = y[:keep]
for m in (X, Y) + (sub or ()):
    m.flush()
print(f"wrote {a.out}: x.npy ({a.rows} x {a.dim} float32), y.npy" + (", x-subset.npy, y-subset.npy" if sub else ""))
