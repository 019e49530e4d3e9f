"""Writes the small PyTorch files cnn-api's unit tests read (cnn-api/src/test/resources/weights/), with
Debian's python3-torch. Run it again only to regenerate them: /usr/bin/python3 tests/torchvision/make_fixtures.py

- tiny.pth: the state dict of a small torchvision-style network (features: conv, relu, maxpool, conv,
  batchnorm, relu; classifier: linear), as torch.save writes it;
- tiny-io.pth: an input batch and that network's output on it (eval mode), to compare against;
- views.pth: tensors saved as views of larger storages (a transpose, a slice) and in float16/float64;
- whole-object.pth: a pickle naming os.system, which a strict reader must refuse without running it.
"""
import os
import sys

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cnn-api", "src", "test", "resources",
                   "weights")


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(4, 6, 3, padding=1), nn.BatchNorm2d(6), nn.ReLU())
        self.classifier = nn.Sequential(nn.Linear(6 * 4 * 4, 5))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(3)
    net = Tiny()
    bn = net.features[4]
    bn.running_mean.uniform_(-0.5, 0.5)
    bn.running_var.uniform_(0.5, 2.0)
    net.eval()
    torch.save(net.state_dict(), os.path.join(OUT, "tiny.pth"))
    x = torch.rand(2, 1, 8, 8)
    with torch.no_grad():
        y = net(x)
    torch.save({"input": x, "output": y}, os.path.join(OUT, "tiny-io.pth"))
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    torch.save({"transposed": base.t(), "row": base[1], "half": base.half(), "double": base.double()},
               os.path.join(OUT, "views.pth"))
    torch.save({"evil": os.system}, os.path.join(OUT, "whole-object.pth"))
    print("wrote", sorted(os.listdir(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
