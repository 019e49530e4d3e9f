package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cnnlab.Network;
import org.junit.jupiter.api.Test;

/**
 * A notebook's stop button interrupts the thread running the cell: training stops at the next batch, keeps
 * everything, says so, leaves the interrupt visible, and can be continued.
 */
class InterruptTest {
    @Test
    void anInterruptFromAnotherThreadStopsAtTheNextBatchAndTrainingContinues() throws Exception {
        try (Network net = FitTest.leNet()) {
            CountDownLatch reached = new CountDownLatch(1);
            FitListener waitForInterrupt = new FitListener() {
                @Override
                public void onBatch(FitState state, BatchResult b) {
                    if (b.epoch() == 2 && b.batch() == 5) {
                        reached.countDown();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                    }
                }
            };
            AtomicReference<String> status = new AtomicReference<>();
            AtomicReference<Boolean> flagAfterRun = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread cell = new Thread(() -> {
                try {
                    History h = net.fit(FitTest.DATA.train()).epochs(4).listener(waitForInterrupt).progress(false).run();
                    status.set(h.status());
                    flagAfterRun.set(Thread.currentThread().isInterrupted());
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "cell");
            cell.start();
            assertTrue(reached.await(60, TimeUnit.SECONDS));
            cell.interrupt();
            cell.join(60_000);
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertEquals("stopped by interrupt in epoch 2 after batch 5 of 32", status.get());
            assertTrue(flagAfterRun.get(), "the interrupt stays visible to the caller (the kernel)");
            History h = net.history();
            assertTrue(h.interrupted());
            assertEquals(37, h.batchCount(), "weights and history so far are kept");
            assertEquals(2, h.epochCount());
            assertEquals(5, h.last().batches());

            History continued = net.fit(FitTest.DATA.train()).epochs(1).progress(false).run();
            assertEquals("completed 1 epoch (epochs 3 to 3)", continued.status());
            assertEquals(69, continued.batchCount());
            assertEquals(3, continued.epochCount());
            assertTrue(!continued.interrupted());
            assertTrue(continued.last().complete());
        }
    }

    @Test
    void anAlreadyInterruptedThreadTrainsNothing() {
        try (Network net = FitTest.leNet()) {
            Thread.currentThread().interrupt();
            try {
                History h = net.fit(FitTest.DATA.train()).progress(false).run();
                assertEquals("stopped by interrupt before its first batch", h.status());
                assertEquals(0, h.batchCount());
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        }
    }
}
