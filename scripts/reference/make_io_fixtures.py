"""Writes the parser golden files tests/fixtures/io/* with numpy, and manifest.json with their expected contents.

Run from the repository root: python3 scripts/reference/make_io_fixtures.py
Each array's expected values are stored C-order as float64 (non-finite values as the strings
"nan", "inf", "-inf", since JSON has no NaN), so the TypeScript tests compare element by element.
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures", "io")
rng = np.random.default_rng(20240611)
manifest = {}


def values(a):
    out = []
    for v in np.asarray(a).ravel(order="C").tolist():
        if isinstance(v, float) and not np.isfinite(v):
            out.append("nan" if np.isnan(v) else ("inf" if v > 0 else "-inf"))
        elif isinstance(v, bool):
            out.append(int(v))
        else:
            out.append(v)
    return out


def record(name, a, **extra):
    entry = {"shape": list(a.shape), "dtype": a.dtype.str, "values": values(a)}
    entry.update(extra)
    manifest[name] = entry


def save(name, a, version=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, a, version=version, allow_pickle=False)
    record(name, a, fortran=bool(a.flags.f_contiguous and not a.flags.c_contiguous))


def main():
    os.makedirs(OUT, exist_ok=True)
    base = (rng.standard_normal((5, 3)) * 3).astype(np.float32)
    save("f4_c.npy", base)
    save("f4_fortran.npy", np.asfortranarray(base))
    save("f4_big_endian.npy", base.astype(">f4"))
    save("f8.npy", rng.standard_normal((4, 6)))
    save("f2.npy", np.array([[0.5, -2.0, 65504.0], [6.1e-5, 1e-7, -0.0], [np.inf, -np.inf, 3.14159]], dtype=np.float16))
    save("u1.npy", rng.integers(0, 256, size=(4, 5), dtype=np.uint8))
    save("i8.npy", rng.integers(-(2**40), 2**40, size=(3, 4), dtype=np.int64))
    save("i4.npy", rng.integers(-1000, 1000, size=(3, 4), dtype=np.int32))
    save("b1.npy", rng.random((3, 4)) > 0.5)
    save("f4_v2.npy", base, version=(2, 0))
    save("f4_v3.npy", base, version=(3, 0))
    save("f8_3d_fortran.npy", np.asfortranarray(rng.standard_normal((2, 3, 4))))
    withnan = base.copy()
    withnan[1, 0] = np.nan
    withnan[3, 2] = np.inf
    withnan[4, 1] = -np.inf
    save("f4_nonfinite.npy", withnan)
    save("labels_i8.npy", np.array([2, 0, 1, 2, 10], dtype=np.int64))
    save("labels_str.npy", np.array(["cat", "dog", "émeu", "cat", "dog"]))

    labels = np.array([1, 0, 1, 2, 0], dtype=np.int64)
    np.savez(os.path.join(OUT, "stored.npz"), embeddings=base, labels=labels)
    record("stored.npz", base, labels=values(labels))
    np.savez_compressed(os.path.join(OUT, "deflated.npz"), features=base.astype(np.float64), y=labels)
    record("deflated.npz", base.astype(np.float64), labels=values(labels))
    np.savez(os.path.join(OUT, "unnamed.npz"), base, np.arange(5, dtype=np.int64))
    record("unnamed.npz", base)
    np.savez(os.path.join(OUT, "ambiguous.npz"), a=base, b=base * 2)

    text = (rng.standard_normal((4, 3))).astype(np.float32)
    np.savetxt(os.path.join(OUT, "savetxt.txt"), text)
    record("savetxt.txt", text)
    np.savetxt(os.path.join(OUT, "header.csv"), text, delimiter=",", header="a,b,c", comments="")
    record("header.csv", text, header=["a", "b", "c"])
    np.savetxt(os.path.join(OUT, "projector.tsv"), text, delimiter="\t", fmt="%.9g")
    record("projector.tsv", text)

    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
