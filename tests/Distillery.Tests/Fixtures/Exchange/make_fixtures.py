"""Writes the .pt fixtures that the exchange tests import (run with any PyTorch >= 1.6: python3 make_fixtures.py)."""
import json

import torch

torch.manual_seed(0)

# A full set file: float32 images with special values, int64 labels, soft labels, a learned lr and provenance.
images = torch.randn(6, 1, 3, 3)
images[0, 0, 0, 0] = float("nan")
images[0, 0, 0, 1] = -0.0
images[0, 0, 0, 2] = float("inf")
labels = torch.tensor([0, 1, 2, 0, 1, 2], dtype=torch.int64)
soft_labels = torch.softmax(torch.randn(6, 3), dim=1)
provenance = {
    "method": "mtt",
    "dataset": "fashion-mnist",
    "imagesPerClass": 2,
    "architecture": "convnet",
    "optionsJson": "{\"syn_steps\": 20}",
    "seed": 42,
    "createdAt": "2025-01-02T03:04:05+00:00",
    "durationSeconds": 12.5,
    "metrics": {"loss": 0.5},
}
torch.save(
    {
        "images": images,
        "labels": labels,
        "soft_labels": soft_labels,
        "lr": torch.tensor(0.01),
        "provenance": json.dumps(provenance),
    },
    "python-set.pt",
)

# The research code's minimum: float64 images, int32 labels, a plain float lr.
pool = torch.arange(8 * 1 * 2 * 2, dtype=torch.float64).reshape(8, 1, 2, 2)
torch.save({"images": pool[2:6].clone(), "labels": torch.tensor([3, 1, 4, 1], dtype=torch.int32), "lr": 0.05}, "python-minimal.pt")

# Images saved as a view into a larger tensor (the file holds the whole storage and an offset).
torch.save({"images": pool[2:6], "labels": torch.tensor([3, 1, 4, 1])}, "python-view.pt")

# Not a dict.
torch.save(torch.zeros(2, 2), "python-tensor.pt")

# The exact bytes of python-set.pt's tensors (little-endian, row-major), for the test to compare with.
with open("python-set.expected.json", "w") as out:
    json.dump({name: t.contiguous().numpy().tobytes().hex() for name, t in [("images", images), ("soft_labels", soft_labels)]}, out, indent=1)
    out.write("\n")
