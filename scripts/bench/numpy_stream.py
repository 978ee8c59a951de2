"""numpy baseline of the streaming pass: np.load(mmap_mode='r') in chunks of rows, float64, the same
statistics as src/stream/moments.ts (class counts and sums, pooled within-class scatter W by per-chunk
centring and Chan's pairwise merge). Prints JSON: rows/s and Tr(W)/N for the agreement check.

    python3 scripts/bench/numpy_stream.py X.npy Y.npy [chunk_rows]
"""
import json
import sys
import time

import numpy as np

X = np.load(sys.argv[1], mmap_mode="r")
Y = np.load(sys.argv[2], mmap_mode="r")
B = int(sys.argv[3]) if len(sys.argv) > 3 else 2048
n, d = X.shape
t = time.perf_counter()
K = int(Y.max()) + 1
count = np.zeros(K)
total = np.zeros((K, d))
W = np.zeros((d, d))
for s in range(0, n, B):
    x = np.asarray(X[s:s + B], dtype=np.float64)
    y = np.asarray(Y[s:s + B])
    c = np.bincount(y, minlength=K).astype(np.float64)
    onehot = np.zeros((len(y), K))
    onehot[np.arange(len(y)), y] = 1
    sums = onehot.T @ x
    present = c > 0
    m = np.zeros((K, d))
    m[present] = sums[present] / c[present, None]
    xc = x - m[y]
    W += xc.T @ xc
    old = count > 0
    both = present & old
    nn = count + c
    delta = np.zeros((K, d))
    delta[both] = m[both] - total[both] / count[both, None]
    f = np.where(both, count * c / np.where(nn > 0, nn, 1), 0.0)
    W += (delta * f[:, None]).T @ delta
    count = nn
    total += sums
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "rows_per_second": n / seconds, "trace_w_over_n": float(np.trace(W) / n)}))
