"""PyTorch twin of `Distillery.Benchmarks dc-step`: the pieces of one DC outer iteration of the reference algorithm.

ConvNet-3 on generated 1x28x28 images, 10 classes, BatchReal real images per class, the paper's layer-wise distance.
Times one class step (real gradient, synthetic gradient with create_graph, distance, backward to the images), one
matching step (every class, then SGD lr 0.1 momentum 0.5 on the images) and one epoch of training the network on the
synthetic set (SGD lr 0.01, batch 256). A whole outer iteration is outer matching steps and (outer - 1) * inner epochs.

Usage:
  /usr/bin/python3 experiments/bench/dc_step.py [--threads 2] [--ipc 1] [--batch-real 256] [--warmup 1] [--steps 3]
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F

from train_step import convnet3, generated

LOOPS = {1: (1, 1), 10: (10, 50), 20: (20, 25), 30: (30, 20), 40: (40, 15), 50: (50, 10)}


def layerwise_distance(syn, real):
    """Sum over parameters of more than one dimension of sum over output rows of (1 - cosine)."""
    total = torch.zeros(())
    for s, r in zip(syn, real):
        if r.dim() <= 1:
            continue
        s = s.reshape(r.shape[0], -1)
        r = r.reshape(r.shape[0], -1)
        total = total + (1 - (s * r).sum(-1) / (s.norm(dim=-1) * r.norm(dim=-1) + 1e-6)).sum()
    return total


def class_step(net, params, real, syn, label):
    lab_real = torch.full((real.shape[0],), label, dtype=torch.long)
    g_real = [g.detach() for g in torch.autograd.grad(F.cross_entropy(net(real), lab_real), params)]
    lab_syn = torch.full((syn.shape[0],), label, dtype=torch.long)
    g_syn = torch.autograd.grad(F.cross_entropy(net(syn), lab_syn), params, create_graph=True)
    loss = layerwise_distance(g_syn, g_real)
    loss.backward()
    return loss.item()


def timed(warmup, steps, fn):
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        fn()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def fmt(t):
    return f"{t[0]:.0f}[{t[1]:.0f}-{t[2]:.0f}]"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ipc", type=int, default=1)
    parser.add_argument("--batch-real", type=int, default=256)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--steps", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    outer, inner = LOOPS[args.ipc]

    torch.manual_seed(0)
    images_all, labels_all = generated(10 * args.batch_real, 1)
    by_class = [torch.nonzero(labels_all == c).flatten() for c in range(10)]
    net = convnet3()
    net.train()
    params = list(net.parameters())
    image_syn = torch.randn(10 * args.ipc, 1, 28, 28, generator=torch.Generator().manual_seed(3), requires_grad=True)
    label_syn = torch.arange(10).repeat_interleave(args.ipc)
    opt_img = torch.optim.SGD([image_syn], lr=0.1, momentum=0.5)
    opt_net = torch.optim.SGD(net.parameters(), lr=0.01)
    draws = torch.Generator().manual_seed(2)

    def real_batch(c):
        rows = by_class[c][torch.randperm(len(by_class[c]), generator=draws)[:args.batch_real]]
        return images_all[rows]

    def one_class():
        opt_img.zero_grad()
        class_step(net, params, real_batch(0), image_syn[:args.ipc], 0)

    def matching_step():
        opt_img.zero_grad()
        for c in range(10):
            class_step(net, params, real_batch(c), image_syn[c * args.ipc:(c + 1) * args.ipc], c)
        opt_img.step()

    def synthetic_epoch():
        images, labels = image_syn.detach().clone(), label_syn
        perm = torch.randperm(len(images))
        for i in range(0, len(images), 256):
            rows = perm[i:i + 256]
            loss = F.cross_entropy(net(images[rows]), labels[rows])
            opt_net.zero_grad()
            loss.backward()
            opt_net.step()

    cls = timed(args.warmup, args.steps, one_class)
    step = timed(args.warmup, args.steps, matching_step)
    epoch = timed(args.warmup, args.steps, synthetic_epoch)
    iteration = outer * step[0] + (outer - 1) * inner * epoch[0]
    print(f"dc-step python ipc={args.ipc} batch_real={args.batch_real} threads={torch.get_num_threads()} steps={args.steps} "
          f"loops={outer}/{inner} class_ms={fmt(cls)} outer_step_ms={fmt(step)} syn_epoch_ms={fmt(epoch)} iteration_ms={iteration:.0f}")


if __name__ == "__main__":
    main()
