"""What the PyTorch benchmarks share: Fashion-MNIST from Debian's dataset-fashion-mnist as tensors of bytes, and
the PyTorch twins of cnnlab's LeNet-5 and small VGG-16."""
import gzip

import numpy as np
import torch
import torch.nn as nn

FOLDER = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    with gzip.open(FOLDER + name) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def images(name):
    """(N, 1, 28, 28) uint8: pixels stay bytes until a batch needs them, as cnnlab's ImageDataset keeps them."""
    return torch.from_numpy(idx(name, 16).reshape(-1, 1, 28, 28).copy())


def labels(name):
    return torch.from_numpy(idx(name, 8).astype(np.int64))


def lenet():
    """cnnlab's Architectures.leNet5(1, 28, 10)."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def vgg():
    """cnnlab's Architectures.vgg16(1, 28, 10): 13 3x3 convs (16..128 filters), the first padded by 3."""
    layers, channels = [], 1
    for block, (width, count) in enumerate(zip([16, 32, 64, 128, 128], [2, 2, 3, 3, 3])):
        for i in range(count):
            layers += [nn.Conv2d(channels, width, 3, padding=3 if block == 0 and i == 0 else 1), nn.ReLU()]
            channels = width
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(128, 256), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10))
