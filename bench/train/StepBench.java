package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.Datasets;
import org.cnnlab.data.ImageDataset;

/**
 * Where one training step's time goes, for cnnlab's two ways of training: "per-param" (each batch built in
 * Java, DJL's trainer updating one parameter array at a time: how fit trained before) and "flat" (the
 * dataset resident on the device, one flat optimizer step). Per step: milliseconds to get the batch, for
 * forward + loss + backward, for the optimizer (with its parameter views), and the engine operations of
 * each phase, counted by PyTorch's own profiler (top-level ATen operations, and all of them).
 *
 * <p>Prints one line per measurement: {@code PHASES impl model batch img_s batch_ms fwdbwd_ms opt_ms
 * other_ms ops_batch ops_fwdbwd ops_opt allops_opt}. Lives in package org.cnnlab.train to reach the
 * package's classes. Usage: {@code StepBench MODEL BATCH STEPS [IMPL...]}, MODEL lenet or vgg.
 */
public class StepBench {
    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();
    private static final int PHASES = 4;

    public static void main(String[] args) {
        String model = args[0];
        int batch = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        List<String> impls = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("per-param", "flat");
        ImageDataset train = Datasets.fashionMnist().train();
        for (String impl : impls) {
            Seeds.set(1);
            try (Network net = build(model)) {
                Runner runner = impl.equals("flat") ? new Flat(net, train) : new PerParam(net, train);
                List<int[]> order = train.batches(batch, 3);
                int warm = Math.min(2, order.size() - steps - 1);
                for (int s = 0; s < warm; s++) {
                    runner.step(order.get(s), null, null);
                }
                long[] nanos = new long[PHASES];
                for (int s = 0; s < steps; s++) {
                    runner.step(order.get(warm + s), nanos, null);
                }
                int[][] ops = new int[PHASES][];
                runner.step(order.get(warm + steps), null, ops);
                long total = 0;
                for (long n : nanos) {
                    total += n;
                }
                System.out.printf(Locale.ROOT, "PHASES %s %s %d %.0f %.2f %.2f %.2f %.2f %d %d %d %d%n", impl, model,
                        batch, steps * (double) batch / (total / 1e9), ms(nanos[0], steps), ms(nanos[1], steps),
                        ms(nanos[2], steps), ms(nanos[3], steps), ops[0][0], ops[1][0], ops[2][0], ops[2][1]);
                runner.close();
            }
        }
    }

    static Network build(String model) {
        return model.equals("vgg") ? Architectures.vgg16(1, 28, 10).build() : Architectures.leNet5(1, 28, 10).build();
    }

    private static double ms(long nanos, int steps) {
        return nanos / 1e6 / steps;
    }

    /** One way of training, split into the phases measured. */
    abstract static class Runner implements AutoCloseable {
        private final long[] marks = new long[PHASES + 1];
        private Path trace;

        abstract NDManager batchManager();

        abstract NDList batch(NDManager m, int[] indices);

        /** Forward, loss and backward: {scores, loss}. */
        abstract NDArray[] forwardBackward(NDManager m, NDList batch);

        abstract void update();

        /** One step; adds each phase's time to {@code nanos}, or counts each phase's operations into {@code ops}. */
        void step(int[] indices, long[] nanos, int[][] ops) {
            try (NDManager m = batchManager()) {
                begin(ops);
                NDList batch = batch(m, indices);
                mark(0, nanos, ops);
                NDArray[] scoresAndLoss = forwardBackward(m, batch);
                mark(1, nanos, ops);
                update();
                mark(2, nanos, ops);
                scoresAndLoss[0].toFloatArray();
                scoresAndLoss[1].getFloat();
                mark(3, nanos, ops);
            }
        }

        private void begin(int[][] ops) {
            if (ops != null) {
                try {
                    trace = Files.createTempFile("cnnlab-trace", ".json");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                JniUtils.startProfile(false, false, false);
            }
            marks[0] = System.nanoTime();
        }

        /** Ends phase {@code p}: records its time, and its operation count when profiling. */
        private void mark(int p, long[] nanos, int[][] ops) {
            marks[p + 1] = System.nanoTime();
            if (nanos != null) {
                nanos[p] += marks[p + 1] - marks[p];
            }
            if (ops != null) {
                JniUtils.stopProfile(trace.toString());
                ops[p] = countOps(trace);
                if (p + 1 < PHASES) {
                    JniUtils.startProfile(false, false, false);
                }
            }
            marks[p + 1] = System.nanoTime();
        }

        @Override
        public void close() {}
    }

    /** Before: Java-built batches, DJL's trainer and its per-parameter optimizer. */
    static final class PerParam extends Runner {
        private final ImageDataset data;
        private final Trainer trainer;

        PerParam(Network net, ImageDataset data) {
            this.data = data;
            this.trainer = net.djl().model().newTrainer(new DefaultTrainingConfig(LOSS)
                    .optOptimizer(Optimizers.adam(1e-3).toDjl()));
        }

        @Override
        NDManager batchManager() {
            return trainer.getManager().newSubManager();
        }

        @Override
        NDList batch(NDManager m, int[] indices) {
            return data.batch(m, indices);
        }

        @Override
        NDArray[] forwardBackward(NDManager m, NDList batch) {
            try (GradientCollector c = trainer.newGradientCollector()) {
                NDArray scores = trainer.forward(new NDList(batch.get(0))).singletonOrThrow();
                NDArray value = LOSS.evaluate(new NDList(batch.get(1)), new NDList(scores));
                c.backward(value);
                return new NDArray[] {scores, value};
            }
        }

        @Override
        void update() {
            trainer.step();
        }

        @Override
        public void close() {
            trainer.close();
        }
    }

    /** After: the dataset resident on the device, flat parameters, one optimizer call. */
    static final class Flat extends Runner {
        private final Network net;
        private final NDManager session;
        private final FlatParameters flat;
        private final FlatOptimizer optimizer;
        private final BatchFeed feed;
        private FlatParameters.Step views;

        Flat(Network net, ImageDataset data) {
            this.net = net;
            this.session = net.djl().manager().newSubManager();
            this.flat = FlatParameters.attach(net.djl().block(), session);
            this.optimizer = new FlatOptimizer(Optimizers.adam(1e-3), flat.values(), session);
            this.feed = ResidentImages.upload(data, session);
        }

        @Override
        NDManager batchManager() {
            return session.newSubManager();
        }

        @Override
        NDList batch(NDManager m, int[] indices) {
            try (OneThread ignored = OneThread.when((long) indices.length * 784)) {
                return feed.batch(m, indices);
            }
        }

        @Override
        NDArray[] forwardBackward(NDManager m, NDList batch) {
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                views = flat.forStep(m);
                NDArray scores = net.djl().block().forward(views, new NDList(batch.get(0)), true).singletonOrThrow();
                NDArray value = LOSS.evaluate(new NDList(batch.get(1)), new NDList(scores));
                c.backward(value);
                return new NDArray[] {scores, value};
            }
        }

        @Override
        void update() {
            try (OneThread ignored = OneThread.when(flat.values().size())) {
                optimizer.step(flat.values(), views.gradient());
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static final Pattern EVENT = Pattern.compile(
            "\"name\"\\s*:\\s*\"([^\"]*)\"[^{}]*?\"ts\"\\s*:\\s*([0-9.]+)[^{}]*?\"dur\"\\s*:\\s*([0-9.]+)");

    /**
     * {top-level operations, all operations} in a profiler trace: an operation is top-level when no other
     * operation's span contains it (nested ones are what an operation calls inside, e.g. conv2d's kernels).
     */
    static int[] countOps(Path trace) {
        try {
            String json = Files.readString(trace);
            List<double[]> spans = new ArrayList<>();
            Matcher m = EVENT.matcher(json);
            while (m.find()) {
                spans.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
            spans.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
            int top = 0;
            double end = -1;
            for (double[] s : spans) {
                if (s[0] >= end) {
                    top++;
                    end = s[0] + s[1];
                }
            }
            Files.deleteIfExists(trace);
            return new int[] {top, spans.size()};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
