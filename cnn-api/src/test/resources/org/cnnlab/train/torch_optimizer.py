"""Replays an optimizer run with PyTorch's own torch.optim, for FlatOptimizerTorchTest.

Reads DIR/weights.f32 (n float32, little-endian) and DIR/grads.f32 (steps x n), applies
torch.optim.Adam or torch.optim.SGD with the given settings, one step per gradient, and writes the
resulting weights to DIR/torch.f32.
Usage: torch_optimizer.py DIR adam|sgd LR MOMENTUM WEIGHT_DECAY
"""
import sys
import numpy as np
import torch

folder, kind, lr, momentum, decay = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
w = torch.from_numpy(np.fromfile(folder + "/weights.f32", dtype="<f4").copy())
grads = np.fromfile(folder + "/grads.f32", dtype="<f4").reshape(-1, w.numel())
p = torch.nn.Parameter(w)
if kind == "adam":
    opt = torch.optim.Adam([p], lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=decay)
else:
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum, weight_decay=decay)
for g in grads:
    p.grad = torch.from_numpy(g.copy())
    opt.step()
p.detach().numpy().astype("<f4").tofile(folder + "/torch.f32")
