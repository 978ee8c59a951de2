"""Writes the HDF5, PyTorch and Embedding Projector golden files of tests/fixtures/io/new/ from one
source set (source.npy: 60 x 8 float32, source_labels.npy: int64 classes 0..2), which every fixture
must load back to exactly. The Arrow files come from make_arrow_fixtures.ts (pyarrow is not
installable here), written from the same source.npy.

Run from the repository root with Debian's python3 (it has h5py): /usr/bin/python3 scripts/reference/make_new_format_fixtures.py
Needs numpy and h5py. The .pt files are written without torch, in PyTorch's own layout (torch.save
since 1.6): a stored zip with archive/data.pkl (pickle protocol 2, tensors rebuilt by
torch._utils._rebuild_tensor_v2 over storages given as persistent ids ('storage', torch.FloatStorage,
key, 'cpu', numel)), archive/data/KEY (raw little-endian storage bytes), archive/byteorder and
archive/version. The pickler finds torch's globals in stand-in modules registered under their names.
"""
import collections
import io
import json
import os
import pickle
import struct
import sys
import types
import zipfile
import zlib

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures", "io", "new")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20261202)
N, D, K = 60, 8, 3
labels = np.repeat(np.arange(K), N // K).astype(np.int64)
rng.shuffle(labels)
means = rng.standard_normal((K, D)) * 3
X = (means[labels] + rng.standard_normal((N, D))).astype(np.float32)
names = np.array([f"item{i}" for i in range(N)])
CLASS_NAMES = ["ant", "bee", "cat"]


def path(name):
    return os.path.join(OUT, name)


np.save(path("source.npy"), X)
np.save(path("source_labels.npy"), labels)
np.save(path("source_half.npy"), X[:, :4].astype(np.float16))

# ---- HDF5 -------------------------------------------------------------------------------------------
with h5py.File(path("simple.h5"), "w") as f:
    f.create_dataset("embeddings", data=X, compression="gzip", chunks=(16, D))
    f.create_dataset("labels", data=labels)
    f.create_dataset("names", data=names.astype("S"))
with h5py.File(path("several.h5"), "w") as f:
    g = f.create_group("model")
    g.create_dataset("layer1", data=X)
    g.create_dataset("layer2", data=(X[:, :4] * 2).astype(np.float64))
    f.create_dataset("meta/y", data=labels.astype(np.int32))
    f.create_dataset("meta/name", data=names.astype(object), dtype=h5py.string_dtype())


# ---- PyTorch ----------------------------------------------------------------------------------------
def stand_in_torch():
    torch = types.ModuleType("torch")
    utils = types.ModuleType("torch._utils")

    def _rebuild_tensor_v2(*args):
        raise RuntimeError("stand-in")

    _rebuild_tensor_v2.__module__ = "torch._utils"
    _rebuild_tensor_v2.__qualname__ = "_rebuild_tensor_v2"
    utils._rebuild_tensor_v2 = _rebuild_tensor_v2
    torch._utils = utils
    for cls in ["FloatStorage", "LongStorage", "HalfStorage", "IntStorage"]:
        setattr(torch, cls, type(cls, (), {"__module__": "torch", "__qualname__": cls}))
    sys.modules["torch"] = torch
    sys.modules["torch._utils"] = utils
    return torch


torch = stand_in_torch()
STORAGE_CLASS = {np.dtype(np.float32): torch.FloatStorage, np.dtype(np.int64): torch.LongStorage,
                 np.dtype(np.float16): torch.HalfStorage, np.dtype(np.int32): torch.IntStorage}


class Storage:
    def __init__(self, key, array):
        self.key, self.array = key, np.ascontiguousarray(array).ravel()


class Tensor:
    def __init__(self, storage, offset, shape, stride):
        self.storage, self.offset, self.shape, self.stride = storage, offset, shape, stride

    def __reduce_ex__(self, protocol):
        return (torch._utils._rebuild_tensor_v2,
                (self.storage, self.offset, tuple(self.shape), tuple(self.stride), False, collections.OrderedDict()))


def tensor(storages, array):
    """A contiguous tensor over a new storage holding `array`."""
    s = Storage(str(len(storages)), array)
    storages.append(s)
    shape = list(array.shape)
    stride = [int(np.prod(shape[i + 1:])) for i in range(len(shape))]
    return Tensor(s, 0, shape, stride)


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", STORAGE_CLASS[obj.array.dtype], obj.key, "cpu", obj.array.size)
        return None


def put(z, name, data):
    """A stored entry with a fixed date, so the files are byte-identical on every run."""
    z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)


def torch_save(name, obj, storages):
    buf = io.BytesIO()
    TorchPickler(buf, protocol=2).dump(obj)
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_STORED) as z:
        put(z, "archive/data.pkl", buf.getvalue())
        put(z, "archive/byteorder", "little")
        for s in storages:
            put(z, f"archive/data/{s.key}", s.array.astype(s.array.dtype.newbyteorder("<")).tobytes())
        put(z, "archive/version", "3\n")


st = []
torch_save("tensors.pt", {"embeddings": tensor(st, X), "labels": tensor(st, labels)}, st)

st = []
sd = collections.OrderedDict()
sd["fc.weight"] = tensor(st, rng.standard_normal((K, D)).astype(np.float32))
# features stored transposed (D x N, C order) and viewed as N x D with strides (1, N): not contiguous
featT = Storage(str(len(st)), np.ascontiguousarray(X.T))
st.append(featT)
sd["features"] = Tensor(featT, 0, [N, D], [1, N])
sd["half"] = tensor(st, X[:, :4].astype(np.float16))
sd["y"] = tensor(st, labels.astype(np.int32))
sd["class_names"] = CLASS_NAMES
torch_save("state_dict.pth", {"state_dict": sd, "epoch": 3}, st)

# A pickle that would run os.system: the reader must refuse it by name.
evil = b"\x80\x02cos\nsystem\nq\x00X\x04\x00\x00\x00echoq\x01\x85q\x02Rq\x03."
with zipfile.ZipFile(path("evil.pt"), "w", zipfile.ZIP_STORED) as z:
    put(z, "archive/data.pkl", evil)
    put(z, "archive/version", "3\n")


# ---- Embedding Projector ----------------------------------------------------------------------------
def png_grey(pixels):
    """A greyscale 8-bit PNG of a 2-D uint8 array (standard library only)."""
    h, w = pixels.shape
    raw = b"".join(b"\x00" + pixels[r].tobytes() for r in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(name, data):
    os.makedirs(os.path.dirname(path(name)), exist_ok=True)
    with open(path(name), "wb") as f:
        f.write(data)


meta_tsv = "label\tname\n" + "".join(f"{CLASS_NAMES[l]}\t{n}\n" for l, n in zip(labels, names))
write("projector/vecs.bytes", X.astype("<f4").tobytes())
write("projector/meta.tsv", meta_tsv.encode())
tiles = np.zeros((64, 64), dtype=np.uint8)
for i in range(N):
    r, c = divmod(i, 8)
    tiles[r * 8:(r + 1) * 8, c * 8:(c + 1) * 8] = 40 + 70 * labels[i]
write("projector/sprite.png", png_grey(tiles))
write("projector/projector_config.json", json.dumps({"embeddings": [{
    "tensorName": "fixture", "tensorShape": [N, D], "tensorPath": "vecs.bytes", "metadataPath": "meta.tsv",
    "sprite": {"imagePath": "sprite.png", "singleImageDim": [8, 8]}}]}, indent=2).encode())
write("projector/half.bytes", X[:, :4].astype("<f4").tobytes())
write("projector2/projector_config.json", json.dumps({"embeddings": [
    {"tensorName": "full", "tensorShape": [N, D], "tensorPath": "../projector/vecs.bytes", "metadataPath": "../projector/meta.tsv"},
    {"tensorName": "first four", "tensorPath": "../projector/half.bytes", "metadataPath": "../projector/meta.tsv"},
]}, indent=2).encode())

print(f"wrote {OUT}")
