"""Replays optimizer runs with PyTorch's own torch.optim, for FlatOptimizerTorchTest.

Reads DIR/weights.f32 (n float32, little-endian) and DIR/grads.f32 (steps x n). For each CASE
(adam|sgd,LR,MOMENTUM,WEIGHT_DECAY) applies torch.optim.Adam or torch.optim.SGD from those weights, one step
per gradient, and writes the resulting weights to DIR/torch-K.f32 (K = the case's position, from 0).
Usage: torch_optimizer.py DIR CASE...
"""
import sys
import numpy as np
import torch

folder = sys.argv[1]
start = np.fromfile(folder + "/weights.f32", dtype="<f4")
grads = np.fromfile(folder + "/grads.f32", dtype="<f4").reshape(-1, start.size)
for k, case in enumerate(sys.argv[2:]):
    kind, lr, momentum, decay = case.split(",")
    p = torch.nn.Parameter(torch.from_numpy(start.copy()))
    if kind == "adam":
        opt = torch.optim.Adam([p], lr=float(lr), betas=(0.9, 0.999), eps=1e-8, weight_decay=float(decay))
    else:
        opt = torch.optim.SGD([p], lr=float(lr), momentum=float(momentum), weight_decay=float(decay))
    for g in grads:
        p.grad = torch.from_numpy(g.copy())
        opt.step()
    p.detach().numpy().astype("<f4").tofile("%s/torch-%d.f32" % (folder, k))
