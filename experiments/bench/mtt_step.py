"""PyTorch twin of `Distillery.Benchmarks mtt-step`: one outer iteration of trajectory matching (Cazenavette et al.,
CVPR 2022) on ConvNet-3 as a function of one flat parameter vector.

Per iteration: a student starts at the expert's start vector and takes `syn_steps` SGD steps on mini-batches of the
synthetic images (the set shuffled and cut into batches, reshuffled when used up); each step's parameter gradient is
taken with create_graph=True so that the whole unrolled student stays differentiable. The loss is the squared
distance of the student's end to the expert's target divided by that of the start to the target; its gradient goes
back through every step to the images and the student learning rate, which both take an SGD step with momentum 0.5.

--method tesla computes the same gradient at memory constant in the steps (Cui et al., ICML 2023): a first pass
without graph keeps only the student's weights after every step, then a backward sweep rebuilds one step's graph at a
time and carries dL/dtheta back through it (including the Hessian-vector term), as the engine's `tesla` does.

The expert pair is random (a fresh network's weights and the same moved by small noise): only the time is measured.

Usage:
  /usr/bin/python3 experiments/bench/mtt_step.py [--method mtt|tesla] [--threads 2] [--ipc 10] [--syn-steps 20]
                                                 [--batch-syn 0] [--warmup 1] [--steps 3]
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F

from train_step import convnet3, generated, rss_mib


class FlatConvNet:
    """ConvNet-3's forward over one flat vector holding every parameter, in the module's parameter order."""

    def __init__(self, net):
        self.shapes = [p.shape for p in net.parameters()]
        self.sizes = [p.numel() for p in net.parameters()]
        self.padding = [net[0].padding, net[4].padding, net[8].padding]
        self.width = net[0].out_channels

    def flatten(self, net):
        return torch.cat([p.detach().reshape(-1) for p in net.parameters()])

    def __call__(self, flat, x):
        views = [v.view(s) for v, s in zip(torch.split(flat, self.sizes), self.shapes)]
        for d in range(3):
            conv_w, conv_b, norm_w, norm_b = views[4 * d:4 * d + 4]
            x = F.conv2d(x, conv_w, conv_b, padding=self.padding[d])
            x = F.group_norm(x, self.width, norm_w, norm_b)
            x = F.relu(x)
            x = F.avg_pool2d(x, 2)
        return F.linear(x.flatten(1), views[12], views[13])


def student_batches(count, batch, steps, gen):
    """The rows of every student step: shuffle, cut into batches, reshuffle when used up."""
    plan, pending = [], []
    for _ in range(steps):
        if not pending:
            pending = list(torch.randperm(count, generator=gen).split(batch))
        plan.append(pending.pop(0))
    return plan


def unrolled(model, start, target, images, labels, rate, plan):
    theta = start.clone().requires_grad_(True)
    for rows in plan:
        loss = F.cross_entropy(model(theta, images[rows]), labels[rows])
        (grad,) = torch.autograd.grad(loss, theta, create_graph=True)
        theta = theta - rate * grad
    matching = (theta - target).pow(2).sum() / (start - target).pow(2).sum()
    images_grad, rate_grad = torch.autograd.grad(matching, [images, rate])
    return matching.item(), images_grad, rate_grad


def constant_memory(model, start, target, images, labels, rate, plan):
    alpha = rate.detach()
    pixels = images.detach()
    weights = [start.clone()]
    for rows in plan:
        theta = weights[-1].clone().requires_grad_(True)
        loss = F.cross_entropy(model(theta, pixels[rows]), labels[rows])
        (grad,) = torch.autograd.grad(loss, theta)
        weights.append(theta.detach() - alpha * grad)
    distance = (start - target).pow(2).sum()
    gap = weights[-1] - target
    value = (gap.pow(2).sum() / distance).item()
    adjoint = 2 * gap / distance
    images_grad = torch.zeros_like(pixels)
    rate_grad = torch.zeros_like(alpha)
    for i in reversed(range(len(plan))):
        theta = weights[i].requires_grad_(True)
        leaf = pixels.detach().requires_grad_(True)
        loss = F.cross_entropy(model(theta, leaf[plan[i]]), labels[plan[i]])
        (grad,) = torch.autograd.grad(loss, theta, create_graph=True)
        projection = (grad * adjoint).sum()
        theta_back, images_back = torch.autograd.grad(projection, [theta, leaf])
        images_grad -= alpha * images_back
        rate_grad -= projection.detach()
        adjoint = adjoint - alpha * theta_back
    return value, images_grad, rate_grad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--method", choices=["mtt", "tesla"], default="mtt")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ipc", type=int, default=10)
    parser.add_argument("--syn-steps", type=int, default=20)
    parser.add_argument("--batch-syn", type=int, default=0)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--steps", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__}")

    classes = 10
    images_all, labels_all = generated((args.ipc + 16) * classes, 1)
    indices_class = [torch.nonzero(labels_all == c).squeeze(1) for c in range(classes)]
    image_syn = torch.cat([images_all[idx[:args.ipc]] for idx in indices_class]).clone().requires_grad_(True)
    label_syn = torch.arange(classes).repeat_interleave(args.ipc)
    syn_lr = torch.tensor(0.01, requires_grad=True)
    optimizer_images = torch.optim.SGD([image_syn], lr=1000, momentum=0.5)
    optimizer_lr = torch.optim.SGD([syn_lr], lr=1e-5, momentum=0.5)

    torch.manual_seed(0)
    net = convnet3()
    model = FlatConvNet(net)
    start = model.flatten(net)
    target = start + 0.01 * torch.randn(start.shape, generator=torch.Generator().manual_seed(5))
    gradient = unrolled if args.method == "mtt" else constant_memory
    count = len(image_syn)
    batch = count if args.batch_syn <= 0 or args.batch_syn > count else args.batch_syn

    times, cpu_times, value = [], [], float("nan")
    for it in range(args.warmup + args.steps):
        begin, cpu_begin = time.perf_counter(), time.process_time()
        plan = student_batches(count, batch, args.syn_steps, torch.Generator().manual_seed(it + 1))
        value, images_grad, rate_grad = gradient(model, start, target, image_syn, label_syn, syn_lr, plan)
        image_syn.grad, syn_lr.grad = images_grad, rate_grad.reshape(syn_lr.shape)
        optimizer_images.step()
        optimizer_lr.step()
        if it >= args.warmup:
            times.append((time.perf_counter() - begin) * 1000)
            cpu_times.append((time.process_time() - cpu_begin) * 1000)

    print(f"{args.method}-step python ipc={args.ipc} syn_steps={args.syn_steps} batch_syn={args.batch_syn} augmentation=none "
          f"threads={torch.get_num_threads()} steps={args.steps} median_ms={statistics.median(times):.1f} "
          f"min_ms={min(times):.1f} max_ms={max(times):.1f} cpu_median_ms={statistics.median(cpu_times):.1f} loss={value:.4f} lr={syn_lr.item():.4g} "
          f"rss_mib={rss_mib('VmRSS:'):.0f} peak_rss_mib={rss_mib('VmHWM:'):.0f}")


if __name__ == "__main__":
    main()
