"""PyTorch twin of experiments/Distillery.Benchmarks: the same ConvNet-3, data shapes and training loop.

Usage:
  /usr/bin/python3 experiments/bench/train_step.py train-step [--threads 2] [--batch 256] [--warmup 3] [--steps 20]
  /usr/bin/python3 experiments/bench/train_step.py evaluate [--threads 2] [--ipc 10] [--epochs 150] [--test 10000]
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def convnet3(channels=1, classes=10, width=128):
    """Depth 3, width 128, instance norm (GroupNorm with a group per channel), ReLU, 2x2 average pooling."""
    layers = []
    c = channels
    for d in range(3):
        layers += [
            nn.Conv2d(c, width, kernel_size=3, padding=3 if d == 0 and channels == 1 else 1),
            nn.GroupNorm(width, width, affine=True),
            nn.ReLU(inplace=True),
            nn.AvgPool2d(kernel_size=2, stride=2),
        ]
        c = width
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(width * 4 * 4, classes))


def generated(count, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(count, 1, 28, 28, generator=g), torch.arange(count) % 10


def rss_mib(field="VmHWM:"):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return float("nan")


def train_step(args):
    torch.manual_seed(0)
    images, labels = generated(args.batch, 1)
    net = convnet3()
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        loss = F.cross_entropy(net(images), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    print(f"train-step python batch={args.batch} threads={torch.get_num_threads()} steps={args.steps} "
          f"median_ms={statistics.median(times):.1f} min_ms={min(times):.1f} max_ms={max(times):.1f}")


def evaluate(args):
    """One fresh network, the reference protocol: SGD, batch 256 shuffled, lr x0.1 at half the epochs, then test."""
    images, labels = generated(args.ipc * 10, 1)
    test_images, test_labels = generated(args.test, 3)
    start = time.perf_counter()
    torch.manual_seed(0)
    net = convnet3()
    lr = 0.01
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
    order = torch.Generator().manual_seed(1)
    net.train()
    for epoch in range(args.epochs):
        if epoch == max(1, args.epochs // 2):
            lr *= 0.1
            opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
        perm = torch.randperm(len(images), generator=order)
        for i in range(0, len(images), 256):
            rows = perm[i:i + 256]
            loss = F.cross_entropy(net(images[rows]), labels[rows])
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(test_images), 1024):
            correct += (net(test_images[i:i + 1024]).argmax(1) == test_labels[i:i + 1024]).sum().item()
    seconds = time.perf_counter() - start
    print(f"evaluate python ipc={args.ipc} classes=10 epochs={args.epochs} networks=1 test={args.test} "
          f"threads={torch.get_num_threads()} seconds={seconds:.1f} per_network_s={seconds:.1f} "
          f"peak_rss_mib={rss_mib():.0f} accuracy={correct / len(test_images):.3f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["train-step", "evaluate"])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--ipc", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=150)
    parser.add_argument("--test", type=int, default=10000)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__}")
    (train_step if args.mode == "train-step" else evaluate)(args)


if __name__ == "__main__":
    main()
