"""Checks of the app's array exports against the source files, with numpy (not our readers).

  check_exports.py selection SELECTION.npz X.npy Y.npy
      the selection's `embeddings` are X's rows at `row`, bit for bit, with Y's labels (the
      selected classes 0, 2, 4) and 3 PCA view coordinates; prints "rows dims".
  check_exports.py values VALUES.npz X.npy
      the per-point local ID (MLE, k = 20) equals geometry_ref's float64 reference on the unique
      rows (a duplicate takes its first copy's value) to 1e-5; prints "points unique_rows".
Used by e2e/dataout.spec.ts; /usr/bin/python3 (numpy 1.24) runs it.
"""
import sys

import numpy as np

import geometry_ref as ref


def selection(sel, x, y):
    z = np.load(sel)
    X = np.load(x)
    Y = np.load(y)
    r = z["row"]
    assert z["embeddings"].dtype == np.float32 and np.array_equal(z["embeddings"], X[r].astype(np.float32))
    assert list(z["labels"]) == [str(v) for v in Y[r]] and set(z["labels"]) == {"0", "2", "4"}
    assert z["view"].shape == (len(r), 3) and list(z["view_axes"]) == ["PC1", "PC2", "PC3"]
    print(len(r), z["embeddings"].shape[1])


def values(vals, x):
    z = np.load(vals)
    X = np.load(x)
    keep = ref.dedup_rows(X)
    first = {X[i].tobytes(): t for t, i in enumerate(keep)}
    _, dist = ref.knn_euclidean(X[keep].astype(np.float64), 20)
    _, _, m = ref.mle_levina_bickel(dist, 20)
    want = np.array([m[first[X[r].tobytes()]] for r in z["row"]])
    got = z["local_id_mle_k20"].astype(np.float64)
    assert len(z["row"]) == len(X) and np.array_equal(z["point"], np.arange(len(X)))
    assert np.allclose(got, want, rtol=1e-5, atol=0), float(np.max(np.abs(got - want) / want))
    print(len(got), len(keep))


if __name__ == "__main__":
    {"selection": selection, "values": values}[sys.argv[1]](*sys.argv[2:])
