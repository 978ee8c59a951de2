"""Writes the JSON, JSON Lines and safetensors golden files of tests/fixtures/io/formats/ and manifest.json
with their expected contents (the Parquet ones come from make_parquet_fixtures.ts).

Run from the repository root: python3 scripts/reference/make_format_fixtures.py
Needs numpy only: safetensors files are written by hand from the format description (u64 little-endian
header length, JSON header with dtype/shape/data_offsets, optional __metadata__, little-endian C-order
data), padded like the safetensors library pads them unless a file tests the unaligned case.
Expected vectors are float32 values in C order as float64 JSON numbers ("nan" for NaN); labels and
metadata are the strings the loader must produce.
"""
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures", "io", "formats")
rng = np.random.default_rng(20240612)
manifest = {}


def values(a):
    return ["nan" if np.isnan(v) else v for v in np.asarray(a, dtype=np.float64).ravel().tolist()]


def record(name, vectors, **extra):
    entry = {"shape": list(vectors.shape), "values": values(vectors)}
    entry.update(extra)
    manifest[name] = entry


def write_text(name, text):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        f.write(text)


def f32(shape, scale=2.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def json_fixtures():
    a = f32((5, 3))
    write_text("arrays.json", json.dumps(a.tolist()))
    record("arrays.json", a)

    rec = f32((6, 4))
    rec_nan = rec.copy()
    rec_nan[2, 1] = np.nan
    labels = ["cat", "dog", "cat", "emu", "dog", "cat"]
    rows = []
    for i in range(6):
        vec = [None if np.isnan(v) else v for v in rec_nan[i].tolist()]
        row = {"id": 100 + i, "embedding": vec, "label": labels[i], "tags": ["t%d" % i], "ok": i % 2 == 0}
        if i != 4:
            row["score"] = 0.25 * i + 0.125
        rows.append(row)
    write_text("records.json", json.dumps(rows, indent=2))
    record(
        "records.json", rec_nan, labels=labels,
        meta={"columns": ["id", "label", "ok", "score"],
              "values": [[str(100 + i) for i in range(6)], labels,
                         ["true" if i % 2 == 0 else "false" for i in range(6)],
                         ["" if i == 4 else repr(0.25 * i + 0.125) for i in range(6)]]},
    )

    c = f32((4, 2))
    y = [3, 1, 3, 2]
    write_text("columns.json", json.dumps({"embeddings": c.tolist(), "labels": y, "ids": ["a", "b", "c", "d"], "classes": ["one", "two", "three"]}))
    record("columns.json", c, labels=[str(v) for v in y], meta={"columns": ["labels", "ids"], "values": [[str(v) for v in y], ["a", "b", "c", "d"]]})

    jl = f32((5, 3))
    cls = ["b", "a", "b", "a", "c"]
    lines = [json.dumps({"vector": jl[i].tolist(), "class": cls[i], "note": None if i == 1 else "n%d" % i}) for i in range(5)]
    write_text("records.jsonl", "\n".join(lines) + "\n")
    record("records.jsonl", jl, labels=cls, meta={"columns": ["class", "note"], "values": [cls, ["n0", "", "n2", "n3", "n4"]]})

    ja = f32((4, 2))
    text = "\r\n".join(json.dumps(r) for r in ja.tolist()[:2]) + "\r\n\r\n" + "\r\n".join(json.dumps(r) for r in ja.tolist()[2:]) + "\r\n"
    write_text("arrays.jsonl", text)
    record("arrays.jsonl", ja)

    write_text("lines.json", "\n".join(json.dumps(r) for r in ja.tolist()) + "\n")
    record("lines.json", ja)


def write_safetensors(name, tensors, metadata=None, pad=True):
    header = {}
    blobs = []
    offset = 0
    for key, (dtype, data, shape) in tensors.items():
        raw = data if isinstance(data, bytes) else np.ascontiguousarray(data).tobytes()
        header[key] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata is not None:
        header["__metadata__"] = metadata
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    if pad:
        h += b" " * (-len(h) % 8)
    elif len(h) % 4 == 0:
        h += b" "
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def to_bf16_bits(x):
    bits = x.astype("<f4").view("<u4").astype(np.uint64)
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")


def safetensors_fixtures():
    e = f32((6, 4))
    y = np.array([2, 0, 1, 2, 0, 1], dtype="<i8")
    write_safetensors("f32.safetensors", {"labels": ("I64", y, y.shape), "embeddings": ("F32", e.astype("<f4"), e.shape)}, {"format": "np"})
    record("f32.safetensors", e, labels=[str(v) for v in y])

    h = f32((5, 3)).astype("<f2")
    y32 = np.array([1, 1, 0, 0, 1], dtype="<i4")
    write_safetensors("f16.safetensors", {"vectors": ("F16", h, h.shape), "y": ("I32", y32, y32.shape)})
    record("f16.safetensors", h.astype(np.float32), labels=[str(v) for v in y32])

    b = f32((5, 3))
    b[0, 0] = 1.0 + 2 ** -8  # a tie: rounds to even (1.0)
    bits = to_bf16_bits(b)
    write_safetensors("bf16.safetensors", {"weight": ("BF16", bits, b.shape)})
    record("bf16.safetensors", (bits.astype("<u4") << 16).view("<f4"))

    d = rng.standard_normal((4, 5))
    bias = f32((5,))
    write_safetensors("f64.safetensors", {"bias": ("F32", bias, bias.shape), "emb": ("F64", d.astype("<f8"), d.shape)})
    record("f64.safetensors", d.astype(np.float32))

    ints = rng.integers(-50, 50, size=(4, 3)).astype("<i4")
    big = rng.integers(-(2 ** 40), 2 ** 40, size=(4, 2)).astype("<i8")
    write_safetensors("ints.safetensors", {"features": ("I32", ints, ints.shape), "offsets": ("I64", big, big.shape)})
    record("ints.safetensors", ints.astype(np.float32), offsets=values(big.astype(np.float32)))

    u = f32((3, 4))
    write_safetensors("unaligned.safetensors", {"embeddings": ("F32", u.astype("<f4"), u.shape)}, pad=False)
    record("unaligned.safetensors", u)

    write_safetensors("ambiguous.safetensors", {"a": ("F32", e, e.shape), "b": ("F32", e[:, :2].copy(), (6, 2))})
    record("ambiguous.safetensors", e[:, :2])

    write_safetensors("f8.safetensors", {"embeddings": ("F8_E4M3", bytes(12), (4, 3))})


def main():
    os.makedirs(OUT, exist_ok=True)
    json_fixtures()
    safetensors_fixtures()
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
