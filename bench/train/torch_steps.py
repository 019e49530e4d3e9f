"""The PyTorch side of StepBench: the same networks (LeNet-5, the small VGG-16), batch and optimizer (Adam
1e-3), the fastest plain loop we know for Debian's PyTorch on the CPU: images kept as bytes in one tensor,
each batch gathered with index_select and converted there, no DataLoader. Per step: milliseconds to get
the batch, for forward + loss + backward, for the optimizer (zero_grad + step), and engine operations per
phase counted by torch.autograd.profiler (top-level ones, and all of them).

Prints: PHASES torch MODEL BATCH img_s batch_ms fwdbwd_ms opt_ms other_ms ops_batch ops_fwdbwd ops_opt allops_opt
Usage: torch_steps.py MODEL BATCH STEPS
"""
import sys
import time

import torch
import torch.nn as nn

from torch_common import images, labels, lenet, vgg

model, batch, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(2)
torch.manual_seed(1)
x = images("train-images-idx3-ubyte.gz")
y = labels("train-labels-idx1-ubyte.gz")
net = vgg() if model == "vgg" else lenet()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
order = torch.randperm(len(y))


def step(i, times=None, ops=None):
    ids = order[i * batch:(i + 1) * batch]
    phases = [
        lambda: (x.index_select(0, ids).float().div_(255), y.index_select(0, ids)),
        None, None, None]
    marks = [time.perf_counter()]

    def run(p, fn):
        if ops is not None:
            with torch.autograd.profiler.profile() as pr:
                out = fn()
            events = [(e.time_range.start, e.time_range.end) for e in pr.function_events]
            events.sort(key=lambda s: (s[0], -s[1]))
            top, end = 0, -1
            for s, e in events:
                if s >= end:
                    top, end = top + 1, e
            ops[p] = (top, len(events))
        else:
            out = fn()
        marks.append(time.perf_counter())
        return out

    xb, yb = run(0, phases[0])
    out = run(1, lambda: (lambda o: (loss_fn(o, yb).backward(), o))(net(xb)))
    run(2, lambda: (opt.step(), opt.zero_grad(set_to_none=True)))
    run(3, lambda: (out[1].detach().numpy(), None))
    if times is not None:
        for p in range(4):
            times[p] += marks[p + 1] - marks[p]


warm = 2
for i in range(warm):
    step(i)
times = [0.0] * 4
for i in range(steps):
    step(warm + i, times=times)
ops = [None] * 4
step(warm + steps, ops=ops)
total = sum(times)
print("PHASES torch %s %d %.0f %.2f %.2f %.2f %.2f %d %d %d %d" % (
    model, batch, steps * batch / total, *(1000 * t / steps for t in times), ops[0][0], ops[1][0], ops[2][0],
    ops[2][1]))
