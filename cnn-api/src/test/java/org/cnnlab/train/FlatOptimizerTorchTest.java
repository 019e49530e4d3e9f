package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
    static final List<OptimizerChoice> CHOICES = List.of(Optimizers.adam(1e-3),
            Optimizers.adam(3e-3).withWeightDecay(1e-2), Optimizers.sgd(0.05),
            Optimizers.sgd(0.02, 0.9).withWeightDecay(5e-4));

    @TempDir
    static Path dir;
    static float[] weights;
    static float[][] grads;
    /** What PyTorch made of each choice, from one run of Python for all of them; null without python3-torch. */
    static String torchFailure;
    static boolean torchAvailable;

    @BeforeAll
    static void runTorch() throws Exception {
        Random random = new Random(11);
        weights = new float[SIZE];
        grads = new float[STEPS][SIZE];
        for (int i = 0; i < SIZE; i++) {
            weights[i] = (float) (random.nextGaussian() * 0.1);
        }
        for (float[] g : grads) {
            for (int i = 0; i < SIZE; i++) {
                g[i] = (float) (random.nextGaussian() * Math.pow(10, -8 * random.nextDouble()));
            }
        }
        if (!Files.isExecutable(PYTHON)) {
            return;
        }
        write(dir.resolve("weights.f32"), weights);
        float[] allGrads = new float[STEPS * SIZE];
        for (int t = 0; t < STEPS; t++) {
            System.arraycopy(grads[t], 0, allGrads, t * SIZE, SIZE);
        }
        write(dir.resolve("grads.f32"), allGrads);
        Path script = dir.resolve("torch_optimizer.py");
        try (InputStream in = FlatOptimizerTorchTest.class.getResourceAsStream("torch_optimizer.py")) {
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), dir.toString()));
        for (OptimizerChoice c : CHOICES) {
            command.add((c.kind() == OptimizerChoice.Kind.ADAM ? "adam" : "sgd") + "," + c.learningRate() + ","
                    + c.momentum() + "," + c.weightDecay());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        torchAvailable = !output.contains("No module named");
        torchFailure = exit == 0 ? null : "torch_optimizer.py failed:\n" + output;
    }

    static List<Integer> cases() {
        return List.of(0, 1, 2, 3);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTorchOptim(int k) throws Exception {
        Assumptions.assumeTrue(torchAvailable, "needs /usr/bin/python3 with Debian's python3-torch and python3-numpy "
                + "(tests/debian-packages.txt)");
        assertNull(torchFailure, torchFailure);
        OptimizerChoice choice = CHOICES.get(k);
        float[] ours = runFlat(choice, weights, grads);
        float[] torch = read(dir.resolve("torch-" + k + ".f32"));
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
