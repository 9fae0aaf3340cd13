"""PyTorch twin of `Distillery.Benchmarks dm-step`: distribution-matching iterations as the reference runs them.

Per iteration: a fresh ConvNet-3 in train mode with frozen weights; then, class by class (the reference loop), a random
real batch of the class, one siamese augmentation drawn for the class and applied to its real and synthetic images,
the two embeddings and the squared distance of their means; the sum over classes; one SGD step (lr 1, momentum 0.5)
on the synthetic images. The augmentation is a compact differentiable one with the reference strengths; only its
cost matters here.

Usage:
  /usr/bin/python3 experiments/bench/dm_step.py [--threads 2] [--ipc 10] [--batch-real 256] [--warmup 2] [--steps 5]
                                                [--augmentation color_crop_cutout_flip_scale_rotate]
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn.functional as F

from train_step import convnet3, generated, rss_mib


def draw_siamese(strategy, gen, height, width):
    """One operation of the strategy with one set of parameters, as a function applicable to any batch."""
    if strategy == "none":
        return lambda x: x
    ops = strategy.split("_")
    op = ops[torch.randint(len(ops), (1,), generator=gen).item()]
    u = lambda: torch.rand(1, generator=gen).item()
    if op == "color":
        b, s, c = u() - 0.5, u() * 2.0, u() + 0.5

        def color(x):
            x = x + b
            m = x.mean(dim=1, keepdim=True)
            x = (x - m) * s + m
            m = x.mean(dim=[1, 2, 3], keepdim=True)
            return (x - m) * c + m
        return color
    if op == "crop":
        sh, sw = int(height * 0.125 + 0.5), int(width * 0.125 + 0.5)
        dy = torch.randint(-sh, sh + 1, (1,), generator=gen).item()
        dx = torch.randint(-sw, sw + 1, (1,), generator=gen).item()
        return lambda x: F.pad(x, [sw, sw, sh, sh])[:, :, sh - dy:sh - dy + height, sw - dx:sw - dx + width]
    if op == "cutout":
        ph, pw = int(height * 0.5 + 0.5), int(width * 0.5 + 0.5)
        cy = torch.randint(0, height + 1 - ph % 2, (1,), generator=gen).item()
        cx = torch.randint(0, width + 1 - pw % 2, (1,), generator=gen).item()
        mask = torch.ones(1, 1, height, width)
        mask[:, :, max(cy - ph // 2, 0):max(cy - ph // 2 + ph, 0), max(cx - pw // 2, 0):max(cx - pw // 2 + pw, 0)] = 0
        return lambda x: x * mask
    if op == "flip":
        flip = u() < 0.5
        return lambda x: x.flip(3) if flip else x
    if op == "scale":
        sx, sy = (u() * (1.2 - 1 / 1.2) + 1 / 1.2), (u() * (1.2 - 1 / 1.2) + 1 / 1.2)
        theta = torch.tensor([[[sx, 0.0, 0.0], [0.0, sy, 0.0]]])
    else:  # rotate
        a = (u() - 0.5) * 2 * 15 / 180 * math.pi
        theta = torch.tensor([[[math.cos(a), math.sin(-a), 0.0], [math.sin(a), math.cos(a), 0.0]]])

    def warp(x):
        grid = F.affine_grid(theta.expand(x.shape[0], 2, 3), list(x.shape), align_corners=True)
        return F.grid_sample(x, grid, align_corners=True)
    return warp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ipc", type=int, default=10)
    parser.add_argument("--batch-real", type=int, default=256)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--augmentation", default="color_crop_cutout_flip_scale_rotate")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__}")

    classes = 10
    per_class = max(args.batch_real, args.ipc) + 16
    images_all, labels_all = generated(per_class * classes, 1)
    indices_class = [torch.nonzero(labels_all == c).squeeze(1) for c in range(classes)]
    gen = torch.Generator().manual_seed(0)
    image_syn = torch.cat([images_all[idx[:args.ipc]] for idx in indices_class]).clone().requires_grad_(True)
    optimizer = torch.optim.SGD([image_syn], lr=1.0, momentum=0.5)

    times = []
    for it in range(args.warmup + args.steps):
        start = time.perf_counter()
        torch.manual_seed(it)
        net = convnet3()
        net.train()
        for p in net.parameters():
            p.requires_grad = False
        embed = lambda x: net[:-1](x)  # everything but the classifier: features, flattened

        loss = torch.tensor(0.0)
        for c in range(classes):
            rows = indices_class[c][torch.randperm(len(indices_class[c]), generator=gen)[:args.batch_real]]
            img_real = images_all[rows]
            img_syn = image_syn[c * args.ipc:(c + 1) * args.ipc]
            augment = draw_siamese(args.augmentation, gen, 28, 28)
            output_real = embed(augment(img_real)).detach()
            output_syn = embed(augment(img_syn))
            loss = loss + ((output_real.mean(0) - output_syn.mean(0)) ** 2).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if it >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)

    print(f"dm-step python ipc={args.ipc} batch_real={args.batch_real} classes={classes} augmentation={args.augmentation} "
          f"threads={torch.get_num_threads()} steps={args.steps} median_ms={statistics.median(times):.1f} "
          f"min_ms={min(times):.1f} max_ms={max(times):.1f} rss_mib={rss_mib('VmRSS:'):.0f}")


if __name__ == "__main__":
    main()
