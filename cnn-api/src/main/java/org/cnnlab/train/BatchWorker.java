package org.cnnlab.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cnnlab.data.ImageDataset;

/**
 * Runs each training batch on a thread of its own, so that a forced stop of the thread that called
 * {@code fit} (a notebook kernel's {@code Thread.stop} after its interrupt went unanswered) can never land
 * inside a weight update and leave some layers updated and others not.
 *
 * <p>The caller waits for each batch. An interrupt while it waits lets the batch finish and is kept for the
 * loop to see at the next batch boundary. A forced stop ({@link ThreadDeath}) while it waits tells the
 * worker to skip the update if it has not begun, waits for the batch to settle, and is handed back by
 * {@link #forcedStop()} for the loop to rethrow once the history is written. The worker lives in the root
 * thread group, outside the group a kernel stops.
 */
final class BatchWorker implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(rootGroup(), r, "cnnlab-training");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean abandon;
    private ThreadDeath forced;

    /** Trains one batch on the worker; {loss, correct}, or null when a forced stop came before its update. */
    float[] train(Session session, ImageDataset data, int[] indices) {
        Future<float[]> batch = executor.submit(() -> session.trainBatch(data, indices, () -> abandon));
        try {
            return await(batch);
        } catch (ThreadDeath death) {
            abandon = true;
            forced = death;
            return await(batch);
        }
    }

    /** The forced stop that arrived during the last batch, or null. */
    ThreadDeath forcedStop() {
        return forced;
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    /** Waits for the batch however long it takes; an interrupt is kept, not acted on, so the batch is never lost half-way. */
    private static float[] await(Future<float[]> batch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return batch.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadGroup rootGroup() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        return g;
    }
}
