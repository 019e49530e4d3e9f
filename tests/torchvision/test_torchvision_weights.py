"""torchvision's VGG-16 and AlexNet, with random weights, saved as state dicts (.pth as torch.save writes
them, and .safetensors): cnnlab loads them into its own architectures and computes the same outputs on the
same input. Also: the paper's AlexNet refuses torchvision's weights with the list of mismatches, and the
loaded VGG-16 runs on another input size with the same weights, like torchvision's convolutions do."""
import json
import struct
from collections import OrderedDict

import numpy as np
import pytest

torch = pytest.importorskip("torch")
torchvision = pytest.importorskip("torchvision")

TOLERANCE = 1e-4


def save_safetensors(state, path):
    """The safetensors format by hand (Debian has no python3-safetensors): header length, JSON header, data."""
    header, blobs, at = OrderedDict(), [], 0
    for name, t in state.items():
        data = t.detach().contiguous().float().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [at, at + len(data)]}
        blobs.append(data)
        at += len(data)
    text = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for b in blobs:
            f.write(b)


def write_floats(array, path):
    np.ascontiguousarray(array, dtype="<f4").tofile(path)


def java_forward(java, build, weights, x_file, shape, out_file, layer=None):
    """Builds the network in the kernel, loads the weights, runs the input and writes the output as raw floats."""
    run = f'net.djl().activation(x, "{layer}")' if layer else "net.forward(x)"
    return java(f"""
        try (var net = {build}.build(); var m = NDManager.newBaseManager()) {{
            System.out.println(Weights.load(net, Path.of("{weights}")));
            var fb = java.nio.ByteBuffer.wrap(Files.readAllBytes(Path.of("{x_file}")))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] xs = new float[fb.remaining()];
            fb.get(xs);
            var x = m.create(xs, new ai.djl.ndarray.types.Shape({", ".join(map(str, shape))}));
            float[] ys = {run}.toFloatArray();
            var out = java.nio.ByteBuffer.allocate(4 * ys.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            out.asFloatBuffer().put(ys);
            Files.write(Path.of("{out_file}"), out.array());
        }}
    """)


def max_difference(expected, out_file):
    got = np.fromfile(out_file, dtype="<f4")
    expected = expected.detach().numpy().ravel()
    assert got.shape == expected.shape, (got.shape, expected.shape)
    # The outputs of randomly initialised networks are small: say how large, so the difference means something.
    print(f"(largest |torchvision value| {np.max(np.abs(expected)):.3g}, mean {np.mean(np.abs(expected)):.3g})", end=" ")
    return float(np.max(np.abs(got - expected)))


@pytest.fixture(scope="module")
def alexnet_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("alexnet")
    torch.manual_seed(12)
    model = torchvision.models.alexnet().eval()
    assert sum(p.numel() for p in model.parameters()) == 61_100_840
    torch.save(model.state_dict(), d / "alexnet.pth")
    save_safetensors(model.state_dict(), d / "alexnet.safetensors")
    x = torch.rand(2, 3, 224, 224)
    write_floats(x.numpy(), d / "x.bin")
    with torch.no_grad():
        y = model(x)
    return d, y


def test_torchvision_alexnet_weights_give_torchvisions_outputs(java, alexnet_files):
    d, y = alexnet_files
    for name in ("alexnet.pth", "alexnet.safetensors"):
        printed = java_forward(java, "Architectures.alexNetTorchvision()", d / name, d / "x.bin", (2, 3, 224, 224),
                               d / "y.bin")
        assert "Loaded 16 arrays (61,100,840 numbers)" in printed, printed
        diff = max_difference(y, d / "y.bin")
        print(f"AlexNet (torchvision) from {name}: max |cnnlab - torchvision| = {diff:.3g} over {y.numel()} outputs")
        assert diff <= TOLERANCE, diff


def test_the_papers_alexnet_refuses_torchvisions_weights_with_the_list(java, alexnet_files):
    d, _ = alexnet_files
    out = java(f"""
        try (var paper = Architectures.alexNet().build()) {{
            Weights.load(paper, Path.of("{d / 'alexnet.pth'}"));
            System.out.println("LOADED");
        }} catch (WeightMismatchException e) {{
            System.out.println(e.getMessage());
            System.out.println("MISMATCHES " + e.mismatches().size());
        }}
    """)
    assert "LOADED" not in out
    assert "features.0.weight: the file has (64, 3, 11, 11), conv1.weight here is (96, 3, 11, 11)" in out, out
    assert "features.3.weight: the file has (192, 64, 5, 5), conv2.weight here is (256, 48, 5, 5)" in out, out
    assert "Architectures.alexNetTorchvision()" in out, out


@pytest.fixture(scope="module")
def vgg_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("vgg16")
    torch.manual_seed(16)
    model = torchvision.models.vgg16().eval()
    assert sum(p.numel() for p in model.parameters()) == 138_357_544
    torch.save(model.state_dict(), d / "vgg16.pth")
    x = torch.rand(1, 3, 224, 224)
    write_floats(x.numpy(), d / "x.bin")
    small = torch.rand(1, 3, 100, 100)
    write_floats(small.numpy(), d / "small.bin")
    with torch.no_grad():
        y = model(x)
        conv3_2 = model.features[:13](small)
    del model
    return d, y, conv3_2


def test_torchvision_vgg16_weights_give_torchvisions_outputs(java, vgg_files):
    d, y, _ = vgg_files
    printed = java_forward(java, "Architectures.vgg16()", d / "vgg16.pth", d / "x.bin", (1, 3, 224, 224), d / "y.bin")
    assert "Loaded 32 arrays (138,357,544 numbers) from vgg16.pth, matched by torchvision's names" in printed, printed
    diff = max_difference(y, d / "y.bin")
    print(f"VGG-16 from vgg16.pth: max |cnnlab - torchvision| = {diff:.3g} over {y.numel()} outputs")
    assert diff <= TOLERANCE, diff


def test_loaded_vgg16_convolutions_take_another_size_like_torchvisions(java, vgg_files):
    d, _, conv3_2 = vgg_files
    java_forward(java, "Architectures.vgg16()", d / "vgg16.pth", d / "small.bin", (1, 3, 100, 100), d / "c.bin",
                 layer="conv3_2")
    assert tuple(conv3_2.shape) == (1, 256, 25, 25)
    diff = max_difference(conv3_2, d / "c.bin")
    print(f"VGG-16 conv3_2 on 100x100: max |cnnlab - torchvision| = {diff:.3g} over {conv3_2.numel()} values")
    assert diff <= TOLERANCE, diff
