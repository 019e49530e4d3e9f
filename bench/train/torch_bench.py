"""LeNet-5 on the full Fashion-MNIST with Debian's PyTorch: the same network, batch, optimizer and epochs
as FitBench/HandLoop. Images stay bytes and each index_select'ed batch becomes floats (no DataLoader
workers: they would take cores from training). Prints one RESULT line."""
import sys, time
import torch
import torch.nn as nn

from torch_common import images, labels, lenet

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
batch = int(sys.argv[2]) if len(sys.argv) > 2 else 256
variant = sys.argv[3] if len(sys.argv) > 3 else "torch"
torch.set_num_threads(2)
torch.manual_seed(1)

# Pixels stay bytes (47 MB) and become floats one batch at a time, as cnnlab's ImageDataset does.
x = images("train-images-idx3-ubyte.gz")
y = labels("train-labels-idx1-ubyte.gz")
xt = images("t10k-images-idx3-ubyte.gz").float().div_(255)
yt = labels("t10k-labels-idx1-ubyte.gz")

net = lenet()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()

t0 = time.perf_counter()
for e in range(epochs):
    order = torch.randperm(len(y))
    for i in range(0, len(y), batch):
        idx_b = order[i:i + batch]
        xb, yb = x.index_select(0, idx_b).float().div_(255), y.index_select(0, idx_b)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
seconds = time.perf_counter() - t0
with torch.no_grad():
    acc = (net(xt).argmax(1) == yt).float().mean().item()
print("RESULT %s images_per_second=%.0f seconds=%.2f test_accuracy=%.4f" % (variant, epochs * len(y) / seconds, seconds, acc))
