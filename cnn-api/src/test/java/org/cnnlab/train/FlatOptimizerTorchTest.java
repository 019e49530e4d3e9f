package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FlatOptimizer} against PyTorch's own {@code torch.optim.Adam} and {@code torch.optim.SGD} (Debian's
 * python3-torch): the same starting weights and the same gradients, step by step, must give the same weights
 * within 1e-6. Gradients span 1e-8 to 1 in size, so Adam's {@code eps} placement matters and is checked.
 */
class FlatOptimizerTorchTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final int SIZE = 4096;
    static final int STEPS = 6;

    static List<OptimizerChoice> choices() {
        return List.of(Optimizers.adam(1e-3), Optimizers.adam(3e-3).withWeightDecay(1e-2),
                Optimizers.sgd(0.05), Optimizers.sgd(0.02, 0.9).withWeightDecay(5e-4));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void matchesTorchOptim(OptimizerChoice choice, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(torchAvailable(), "needs Debian's python3-torch (tests/debian-packages.txt)");
        Random random = new Random(11);
        float[] weights = new float[SIZE];
        float[][] grads = new float[STEPS][SIZE];
        for (int i = 0; i < SIZE; i++) {
            weights[i] = (float) (random.nextGaussian() * 0.1);
        }
        for (float[] g : grads) {
            for (int i = 0; i < SIZE; i++) {
                g[i] = (float) (random.nextGaussian() * Math.pow(10, -8 * random.nextDouble()));
            }
        }
        float[] ours = runFlat(choice, weights, grads);
        write(dir.resolve("weights.f32"), weights);
        float[] allGrads = new float[STEPS * SIZE];
        for (int t = 0; t < STEPS; t++) {
            System.arraycopy(grads[t], 0, allGrads, t * SIZE, SIZE);
        }
        write(dir.resolve("grads.f32"), allGrads);
        Path script = dir.resolve("torch_optimizer.py");
        try (InputStream in = getClass().getResourceAsStream("torch_optimizer.py")) {
            Files.copy(in, script);
        }
        boolean adam = choice.kind() == OptimizerChoice.Kind.ADAM;
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), dir.toString(), adam ? "adam" : "sgd",
                String.valueOf(choice.learningRate()), String.valueOf(choice.momentum()),
                String.valueOf(choice.weightDecay())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "torch_optimizer.py failed:\n" + output);
        float[] torch = read(dir.resolve("torch.f32"));
        double worst = 0;
        double moved = 0;
        for (int i = 0; i < SIZE; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - torch[i]));
            moved = Math.max(moved, Math.abs(ours[i] - weights[i]));
        }
        assertTrue(moved > 1e-3, choice + " moved the weights (by at most " + moved + ")");
        assertTrue(worst <= 1e-6, choice + ": largest difference from PyTorch " + worst);
    }

    private static float[] runFlat(OptimizerChoice choice, float[] weights, float[][] grads) {
        CnnLabRuntime.init();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(weights, new Shape(SIZE));
            FlatOptimizer optimizer = new FlatOptimizer(choice, w, m);
            for (float[] g : grads) {
                optimizer.step(w, m.create(g, new Shape(SIZE)));
            }
            assertEquals(STEPS, optimizer.steps());
            return w.toFloatArray();
        }
    }

    private static boolean torchAvailable() {
        try {
            return Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import torch")
                    .redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(file, b.array());
    }

    private static float[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
