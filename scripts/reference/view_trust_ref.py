"""Trustworthiness and continuity of a drawn view, by scikit-learn (the independent reference).

Usage: /usr/bin/python3 scripts/reference/view_trust_ref.py DATA.npy VIEW.csv DIMS [k]
DATA.npy: the rows in the original space. VIEW.csv: the app's coordinates export (a header, then
point,row,<DIMS axes>,<columns>): `row` is the row of DATA.npy, the DIMS columns after it the
drawn coordinates. Prints JSON {"trustworthiness": T, "continuity": C, "n": n, "dims": d}, with
T = sklearn.manifold.trustworthiness(X, Y, n_neighbors=k) and C the same with X and Y swapped
(Venna and Kaski 2001; sklearn's convention). Needs Debian's /usr/bin/python3 (sklearn 1.2.1).
"""
import csv
import json
import sys

import numpy as np
from sklearn.manifold import trustworthiness


def main() -> None:
    data, view = sys.argv[1], sys.argv[2]
    dims = int(sys.argv[3])
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    X = np.load(data).astype(np.float64)
    with open(view, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["point", "row"], header
    axes = list(range(2, 2 + dims))
    order = [int(r[1]) for r in body]
    Y = np.array([[float(r[j]) for j in axes] for r in body], dtype=np.float64)
    Xv = X[order]
    t = trustworthiness(Xv, Y, n_neighbors=k)
    c = trustworthiness(Y, Xv, n_neighbors=k)
    print(json.dumps({"trustworthiness": float(t), "continuity": float(c), "n": len(order), "dims": len(axes)}))


if __name__ == "__main__":
    main()
