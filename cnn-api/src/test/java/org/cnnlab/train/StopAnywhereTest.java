package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a fit at any moment, cooperatively (an interrupt, as a notebook's stop button sends) or by force
 * ({@code Thread.stop}, what the kernel does on Java 17 when the interrupt goes unanswered), leaves the
 * weights and the history consistent: the status says it stopped, {@code interrupted()} is true, every
 * recorded batch is in an epoch row, the weights are exactly those of the recorded batches, and training
 * continues at the next epoch.
 */
class StopAnywhereTest {
    private static final ImageDataset TRAIN = FitTest.DATA.train().take(1000);
    /** Large batches, so that the forced stop has a long batch to land in. */
    private static final int BATCH = 250;
    private static final long SEED = 11;

    @TempDir
    Path dir;

    @Test
    void anInterruptAtManyPointsLeavesAConsistentHistoryThatContinues() {
        int[][] points = {{1, 1}, {1, 4}, {2, 2}, {3, 4}};
        for (int[] at : points) {
            try (Network net = FitTest.leNet()) {
                FitListener interrupter = new FitListener() {
                    @Override
                    public void onBatch(FitState state, BatchResult b) {
                        if (b.epoch() == at[0] && b.batch() == at[1]) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                History h = fit(net, 3).validation(FitTest.DATA.test().take(300)).listener(interrupter).run();
                boolean flag = Thread.interrupted();
                String where = at[1] == 4 ? "in epoch " + at[0] + " during validation, after all 4 batches"
                        : "in epoch " + at[0] + " after batch " + at[1] + " of 4";
                assertEquals("stopped by interrupt " + where, h.status());
                assertTrue(flag, "the interrupt stays visible to the caller");
                assertConsistent(h, (at[0] - 1) * 4 + at[1]);
                continuesAtTheNextEpoch(net);
            }
        }
    }

    @Test
    void aForcedStopInsideABatchKeepsWeightsAndHistoryConsistent() throws Exception {
        for (int stopAfter : new int[] {2, 4}) {
            Path initial = dir.resolve("initial-" + stopAfter + ".cnnlab");
            try (Network net = FitTest.leNet()) {
                net.save(initial);
                int n = stopAfter;
                Thread cell = forceStopInBatch(net, n);
                History h = net.history();
                String expected = n == 4 ? "stopped by force (in epoch 2 after batch 1 of 4|after epoch 1)"
                        : "stopped by force in epoch 1 after batch (2|3) of 4";
                assertTrue(h.status().matches(expected), h.status());
                assertTrue(h.interrupted());
                assertFalse(cell.isAlive());
                assertTrue(h.batchCount() == n || h.batchCount() == n + 1, h.batchCount() + " after " + n);
                assertConsistent(h, h.batchCount());
                assertSameWeightsAsTraining(net, initial, h.batchCount());
            }
        }
    }

    @Test
    void aForcedStopInAListenerIsRecordedAsAStopNotAFailure() throws Exception {
        try (Network net = FitTest.leNet()) {
            CountDownLatch spinning = new CountDownLatch(1);
            FitListener stubborn = new FitListener() {
                @Override
                public void onBatch(FitState state, BatchResult b) {
                    if (b.step() == 3) {
                        spinning.countDown();
                        while (true) {
                            Thread.onSpinWait(); // ignores interrupts, as a runaway cell does
                        }
                    }
                }
            };
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread cell = new Thread(() -> {
                try {
                    fit(net, 2).listener(stubborn).run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            cell.start();
            spinning.await();
            stop(cell);
            cell.join();
            assertTrue(thrown.get() instanceof ThreadDeath, String.valueOf(thrown.get()));
            History h = net.history();
            assertEquals("stopped by force in epoch 1 after batch 3 of 4", h.status());
            assertTrue(h.interrupted());
            assertConsistent(h, 3);
            continuesAtTheNextEpoch(net);
        }
    }

    private static Fit fit(Network net, int epochs) {
        return net.fit(TRAIN).epochs(epochs).batchSize(BATCH).optimizer(Optimizers.sgd(0.05)).seed(SEED)
                .progress(false);
    }

    /**
     * Runs a fit on a thread and, once {@code n} batches are done, stops it by force while it waits inside
     * the next batch (its stack shows the wait): the moment a kernel's Thread.stop lands in a long batch.
     */
    private static Thread forceStopInBatch(Network net, int n) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        FitListener counter = new FitListener() {
            @Override
            public void onBatch(FitState state, BatchResult b) {
                if (b.step() == n) {
                    reached.countDown();
                }
            }
        };
        Thread cell = new Thread(() -> {
            try {
                fit(net, 2).listener(counter).run();
            } catch (ThreadDeath expected) {
                // the forced stop propagates, as it must for the kernel to end the cell
            }
        });
        cell.start();
        reached.await();
        while (cell.isAlive() && !waitingForABatch(cell)) {
            Thread.yield();
        }
        stop(cell);
        cell.join();
        return cell;
    }

    private static boolean waitingForABatch(Thread t) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(BatchWorker.class.getName())) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        t.stop();
    }

    /** Every recorded batch in exactly one epoch row, epochs numbered from 1 without gaps. */
    private static void assertConsistent(History h, int batches) {
        assertEquals(batches, h.batchCount());
        List<EpochResult> epochs = h.epochs();
        int sum = 0;
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i + 1, epochs.get(i).epoch());
            assertTrue(epochs.get(i).batches() >= 1 && epochs.get(i).batches() <= 4);
            assertTrue(Double.isFinite(epochs.get(i).loss()));
            sum += epochs.get(i).batches();
        }
        assertEquals(batches, sum, "every batch belongs to an epoch: " + h.table().printAll());
        assertEquals((batches + 3) / 4, epochs.size());
    }

    /**
     * Training from the same start for exactly {@code batches} batches gives the same weights, and one more
     * epoch on both gives the same weights again.
     */
    private static void assertSameWeightsAsTraining(Network net, Path initial, int batches) {
        try (Network twin = Network.load(initial)) {
            FitListener stopAt = new FitListener() {
                @Override
                public void onBatch(FitState state, BatchResult b) {
                    if (b.step() == batches) {
                        state.stop("reached " + batches);
                    }
                }
            };
            fit(twin, 2).listener(stopAt).run();
            assertEquals(batches, twin.history().batchCount());
            assertArrayEquals(outputs(twin), outputs(net), 1e-5f,
                    "the forced stop left exactly the recorded batches in the weights");
            assertEquals(twin.history().epochCount(), net.history().epochCount());
            fit(twin, 1).run();
            continuesAtTheNextEpoch(net);
            assertArrayEquals(outputs(twin), outputs(net), 1e-5f,
                    "nothing of an abandoned batch (its gradients) carries into the next run");
        }
    }

    private static void continuesAtTheNextEpoch(Network net) {
        int before = net.history().epochCount();
        History h = fit(net, 1).run();
        int next = before + 1;
        assertEquals("completed 1 epoch (epochs " + next + " to " + next + ")", h.status());
        assertFalse(h.interrupted());
        assertEquals(next, h.last().epoch());
        assertTrue(h.last().complete() && Double.isFinite(h.last().loss()));
    }

    private static float[] outputs(Network net) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList batch = FitTest.DATA.test().batch(m, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
            return net.forward(batch.get(0)).toFloatArray();
        }
    }
}
