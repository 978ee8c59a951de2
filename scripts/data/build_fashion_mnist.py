#!/usr/bin/env python3
"""Rebuild the shipped Fashion-MNIST demo data from the shared original.

Copies the 10,000-image test set (t10k) unchanged, still gzipped IDX, from
../shared/data/fashion-mnist (relative to the repository root) to
  public/data/fashion-mnist-t10k-images-idx3-ubyte.gz   (magic 0x803, 10000 x 28 x 28 uint8)
  public/data/fashion-mnist-t10k-labels-idx1-ubyte.gz   (magic 0x801, 10000 uint8 labels 0..9)
after checking both headers, sizes and label range. Prints class counts and SHA-256 digests.

Usage (from the repository root): python3 scripts/data/build_fashion_mnist.py [--source DIR]
Only the Python standard library is needed.
"""
import argparse
import gzip
import hashlib
import shutil
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "fashion-mnist"
OUT_DIR = ROOT / "public" / "data"
FILES = {
    "t10k-images-idx3-ubyte.gz": (0x803, (10000, 28, 28)),
    "t10k-labels-idx1-ubyte.gz": (0x801, (10000,)),
}


def check_idx(path: Path, magic: int, dims: tuple) -> bytes:
    """Decompress an IDX file, verify magic, dims and length; return the data bytes."""
    raw = gzip.decompress(path.read_bytes())
    found_magic = struct.unpack(">I", raw[:4])[0]
    if found_magic != magic:
        raise SystemExit(f"{path}: magic 0x{found_magic:08x}, expected 0x{magic:08x}")
    found_dims = struct.unpack(f">{len(dims)}I", raw[4 : 4 + 4 * len(dims)])
    if found_dims != dims:
        raise SystemExit(f"{path}: dims {found_dims}, expected {dims}")
    data = raw[4 + 4 * len(dims) :]
    count = 1
    for d in dims:
        count *= d
    if len(data) != count:
        raise SystemExit(f"{path}: {len(data)} data bytes, expected {count}")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, (magic, dims) in FILES.items():
        src = args.source / name
        data = check_idx(src, magic, dims)
        if magic == 0x801:
            if max(data) > 9:
                raise SystemExit(f"{src}: labels outside 0..9")
            print("class counts:", " ".join(str(data.count(bytes([k]))) for k in range(10)))
        dst = OUT_DIR / f"fashion-mnist-{name}"
        shutil.copyfile(src, dst)
        print(f"wrote {dst} sha256 {hashlib.sha256(dst.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
