#!/usr/bin/env python3
"""Generate the reference fixtures that tests/reference.test.ts compares the geometry core against.

Usage (from the repository root): npm run reference   (= python3 scripts/reference/make_fixtures.py)
Needs numpy only. Inputs: public/data/digits.npy + digits-labels.txt (see scripts/data/build_digits.py)
and a seeded synthetic set generated here. Outputs go to tests/fixtures/reference/ (see README.md).
All metrics are computed in float64 on the float32 values the TypeScript side reads.
"""
import json
import sys
from pathlib import Path

import numpy as np

sys.dont_write_bytecode = True  # keep the tree free of __pycache__ for the sibling import below
import geometry_ref as ref  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "reference"
DIGITS = ROOT / "public" / "data"
SEED = 20250611
MLE_K, MUTUAL_K, SUBSPACE_K, EPS2 = 20, 10, 3, 0.5
SYNTH_COUNTS = [150, 118, 182, 135, 166, 141]
SYNTH_DIM = 24
SYNTH_DUPLICATES = 5  # rows overwritten by copies of others; one source is copied twice
TIE_FLOOR = 1e-6
MAX_SEED_TRIES = 50


def f32(array):
    """Round to float32 and back: the values the TypeScript side reads from the saved .npy."""
    return np.asarray(array, dtype=np.float32).astype(np.float64)


def save_npy(name, array, dtype):
    """Write `array` as a C-order .npy v1.0 of `dtype`."""
    with open(OUT / name, "wb") as f:
        np.lib.format.write_array(f, np.ascontiguousarray(array, dtype=dtype), version=(1, 0), allow_pickle=False)


def random_orthogonal(rng, d):
    """Haar-distributed orthogonal matrix: QR of a Gaussian with the signs of diag(R) folded in."""
    q, r = np.linalg.qr(rng.standard_normal((d, d)))
    return q * np.sign(np.diag(r))


def make_synthetic(rng):
    """K = 6 Gaussian classes in D = 24: unequal sizes, non-ETF means, anisotropic class-scaled noise,
    a global offset and shuffled rows. Returns float32-rounded X and int64 labels."""
    K, D = len(SYNTH_COUNTS), SYNTH_DIM
    means = rng.standard_normal((K, D)) * 0.55 + 1.0 * rng.standard_normal(D)
    basis = random_orthogonal(rng, D)
    spectrum = 1.6 * 0.82 ** np.arange(D)
    scale = rng.uniform(0.7, 1.3, K)
    X = np.concatenate([means[k] + scale[k] * (rng.standard_normal((n, D)) * spectrum) @ basis.T
                        for k, n in enumerate(SYNTH_COUNTS)])
    y = np.repeat(np.arange(K), SYNTH_COUNTS)
    perm = rng.permutation(len(y))
    return f32(X[perm]), y[perm]


def add_duplicates(rng, X, y):
    """Overwrite a few random rows with exact copies (label included) of other rows: one source twice,
    and one pair inside the first 50 rows so the reported local-ID rows skip a removed copy."""
    src = rng.choice(np.arange(50, len(y)), SYNTH_DUPLICATES - 2, replace=False)
    src = np.concatenate([src[:1], src, rng.integers(0, 25, 1)])
    dst = rng.choice(np.setdiff1d(np.arange(50, len(y)), src), len(src) - 1, replace=False)
    dst = np.concatenate([dst, rng.integers(25, 50, 1)])
    X[dst], y[dst] = X[src], y[src]
    return [(int(a), int(b)) for a, b in zip(src, dst)]


def make_classifier(rng, X, y, K):
    """W = Mc + perturbation, b = -||mu_k||^2/2 + perturbation: close to the nearest-mean rule, not equal."""
    _, means, _, mc, _ = ref.class_stats(X, y, K)
    W = mc + 0.3 * np.linalg.norm(mc) / np.sqrt(mc.size) * rng.standard_normal(mc.shape)
    b = -0.5 * np.sum(means**2, axis=1) + 0.5 * rng.standard_normal(K)
    return W, b


def nonlinear_view(rng, X, dy):
    """Y = tanh(X A / c) rounded to float32, A Gaussian D x dy with entries N(0, 1/D), c = std of X A."""
    A = rng.standard_normal((X.shape[1], dy)) / np.sqrt(X.shape[1])
    XA = X @ A
    c = float(XA.std())
    return f32(np.tanh(XA / c)), c


def rotated_view(rng, X, noise):
    """Z = X Q + noise * std(X) * Gaussian, Q Haar orthogonal."""
    Q = random_orthogonal(rng, X.shape[1])
    return X @ Q + noise * X.std() * rng.standard_normal(X.shape)


def compute(name, X, y, K, W=None, b=None, Y=None, Z=None, with_means=False):
    """Every metric of the geometry core on one data set, as a JSON-ready dict."""
    N, D = X.shape
    counts, means, _, _, _ = ref.class_stats(X, y, K)
    ratio, pc_id90, pr = ref.pca(X)

    keep = ref.dedup_rows(X.astype(np.float32))
    U = X[keep] - X[keep].mean(axis=0)
    _, nn_dist = ref.knn_euclidean(U, MLE_K)
    if nn_dist[:, 0].min() <= 0:
        raise AssertionError(f"{name}: zero distance after de-duplication")
    two_nn = ref.two_nn(nn_dist)
    harmonic, mean_m, local_id = ref.mle_levina_bickel(nn_dist, MLE_K)

    subspaces, sv_gaps = [], []
    for c1, c2 in [(0, 1), (0, 2)]:
        Q1, s1 = ref.class_subspace(X, y, c1, SUBSPACE_K)
        Q2, s2 = ref.class_subspace(X, y, c2, SUBSPACE_K)
        sv_gaps += [(s[SUBSPACE_K - 1] - s[SUBSPACE_K]) / s[0] for s in (s1, s2)]
        theta, geo, cho = ref.principal_angles(Q1, Q2)
        subspaces.append(dict(classes=[c1, c2], angles=theta.tolist(), geodesic=geo, chordal=cho))

    R, Rc, dR = ref.coding_rate(X, y, K, EPS2)
    mknn, mknn_ambiguous = ref.mutual_knn(X, Y, MUTUAL_K, TIE_FLOOR)
    resid, _ = ref.procrustes_residual(X, Z)
    nc = ref.collapse(X, y, K, W, b)

    diagnostics = dict(
        minRelativeSubspaceGap=float(min(sv_gaps)),
        mutualKnnTieDependentPoints=mknn_ambiguous,
        minKnnDistance=float(nn_dist[:, 0].min()),
        pcId90Margin=float(np.min(np.abs(np.cumsum(ratio) - 0.9))),
    )
    if W is not None:
        diagnostics["minNearestMeanMargin"] = float(np.min(ref.top2_margin(-np.sum((X[:, None] - means[None]) ** 2, axis=2))))
        diagnostics["minClassifierMargin"] = float(np.min(ref.top2_margin(X @ W.T + b)))

    out = dict(
        dataset=name, n=N, dim=D, classes=K, counts=counts.tolist(),
        duplicates=int(N - len(keep)),
        pca=dict(explainedVarianceRatio=ratio[:10].tolist(), pcId90=pc_id90, participationRatio=pr),
        intrinsicDimension=dict(
            twoNN=two_nn, mle=dict(k=MLE_K, harmonic=harmonic, mean=mean_m),
            localId=dict(rows=keep[:50].tolist(), values=local_id[:50].tolist()),
        ),
        neuralCollapse={key: (None if v is None else float(v)) for key, v in nc.items()},
        subspaces=dict(k=SUBSPACE_K, pairs=subspaces),
        codingRate=dict(eps2=EPS2, R=R, Rc=Rc, deltaR=dR),
        similarity=dict(linearCka=ref.linear_cka(X, Y), mutualKnn=dict(k=MUTUAL_K, value=mknn),
                        procrustesResidual=resid),
        diagnostics=diagnostics,
    )
    if with_means:
        out["classMeans"] = means.tolist()
    return out


def near_ties(res, floor=TIE_FLOOR):
    """Discrete outcomes (neighbour sets, argmaxes, the class subspaces) that sit on a near-tie."""
    d = res["diagnostics"]
    keys = ("minNearestMeanMargin", "minClassifierMargin", "pcId90Margin")
    problems = [f"{k} = {d[k]:.3g}" for k in keys if k in d and d[k] < floor]
    if d["mutualKnnTieDependentPoints"]:
        problems.append(f"mutual kNN depends on tie-breaking at {d['mutualKnnTieDependentPoints']} points")
    if d["minRelativeSubspaceGap"] < 1e-3:
        problems.append(f"minRelativeSubspaceGap = {d['minRelativeSubspaceGap']:.3g}")
    return problems


def summarise(res):
    """Print the headline numbers of one fixture."""
    nc, idim, pc = res["neuralCollapse"], res["intrinsicDimension"], res["pca"]
    print(f"[{res['dataset']}] n={res['n']} dim={res['dim']} K={res['classes']} duplicates={res['duplicates']}")
    print(f"  pcId90={pc['pcId90']} PR={pc['participationRatio']:.4f} twoNN={idim['twoNN']:.4f} "
          f"mle harmonic={idim['mle']['harmonic']:.4f} mean={idim['mle']['mean']:.4f}")
    print("  " + " ".join(f"{k}={v:.5g}" for k, v in nc.items() if v is not None))
    cr, sim = res["codingRate"], res["similarity"]
    print(f"  R={cr['R']:.5f} Rc={cr['Rc']:.5f} deltaR={cr['deltaR']:.5f} CKA={sim['linearCka']:.5f} "
          f"mutualKnn={sim['mutualKnn']['value']:.5f} procrustes={sim['procrustesResidual']:.5f}")
    for p in res["subspaces"]["pairs"]:
        print(f"  angles{tuple(p['classes'])} = " + ", ".join(f"{a:.5f}" for a in p["angles"]))


def write_json(name, res):
    """Write one fixture as indented JSON (full float precision, no NaN)."""
    with open(OUT / name, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, allow_nan=False)
        f.write("\n")


def synthetic_attempt(seed):
    """Generate the synthetic inputs from `seed` (float32-rounded) and compute its reference."""
    rng = np.random.default_rng(seed)
    X, y = make_synthetic(rng)
    K = len(SYNTH_COUNTS)
    pairs = add_duplicates(rng, X, y)
    W, b = make_classifier(rng, X, y, K)
    W, b = f32(W), f32(b)
    Y, c = nonlinear_view(rng, X, 16)
    Z = f32(rotated_view(rng, X, 0.1))
    res = compute("synthetic", X, y, K, W, b, Y, Z, with_means=True)
    res["inputs"] = dict(seed=seed, tanhScale=c, procrustesNoise=0.1, duplicatedRows=pairs)
    return res, dict(vectors=X, labels=y, W=W, b=b, Y=Y, Z=Z)


def main():
    OUT.mkdir(parents=True, exist_ok=True)

    for seed in range(SEED, SEED + MAX_SEED_TRIES):
        synth, arrays = synthetic_attempt(seed)
        problems = near_ties(synth)
        if not problems:
            break
        print(f"seed {seed} rejected (near-tie: {'; '.join(problems)})")
    else:
        raise SystemExit("no seed without near-ties; widen MAX_SEED_TRIES")
    for key in ("vectors", "W", "b", "Y", "Z"):
        save_npy(f"synthetic-{key}.npy", arrays[key], np.float32)
    save_npy("synthetic-labels.npy", arrays["labels"], np.int64)
    (OUT / "synthetic-labels.txt").write_text("".join(f"{int(v)}\n" for v in arrays["labels"]), encoding="ascii")

    Xd = np.load(DIGITS / "digits.npy").astype(np.float64)
    yd = np.loadtxt(DIGITS / "digits-labels.txt", dtype=np.int64)
    drng = np.random.default_rng(SEED)
    Yd, cd = nonlinear_view(drng, Xd, 32)
    Zd = f32(rotated_view(drng, Xd, 0.1))
    digits = compute("digits", Xd, yd, 10, Y=Yd, Z=Zd)
    digits["inputs"] = dict(seed=SEED, tanhScale=cd, procrustesNoise=0.1)
    problems = near_ties(digits)
    if problems:
        raise SystemExit(f"digits: near-tie ({'; '.join(problems)}); change SEED")
    save_npy("digits-Y.npy", Yd, np.float32)
    save_npy("digits-Z.npy", Zd, np.float32)

    for res in (synth, digits):
        write_json(f"{res['dataset']}.json", res)
        summarise(res)


if __name__ == "__main__":
    main()
