package org.cnnlab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cnnlab.data.ImageDataset;

/**
 * Batches built in Java ({@link ImageDataset#batch}) one step ahead: while the device trains on batch
 * {@code k}, a helper thread already turns the bytes of batch {@code k + 1} into floats and copies them to the
 * device. Two batches exist at a time, the one in use and the one being staged (double buffering). For
 * datasets too large to keep on the device; on a GPU it hides Java's part of each batch behind the step.
 */
final class StagedImages implements BatchFeed {
    private final ImageDataset data;
    private final NDManager staging;
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cnnlab-batch-staging");
        t.setDaemon(true);
        return t;
    });
    private List<int[]> order = List.of();
    private int[] stagedFor;
    private CompletableFuture<NDList> staged;

    StagedImages(ImageDataset data, NDManager manager) {
        this.data = data;
        this.staging = manager;
    }

    @Override
    public void plan(List<int[]> order) {
        discardStaged();
        this.order = order;
        stage(0);
    }

    @Override
    public NDList batch(NDManager manager, int[] indices) {
        NDList batch = null;
        if (staged != null && stagedFor == indices) {
            batch = take();
        } else {
            discardStaged();
        }
        int at = order.indexOf(indices);
        if (batch == null) {
            batch = data.batch(manager, indices);
        } else {
            batch.attach(manager);
        }
        if (at >= 0) {
            stage(at + 1);
        }
        return batch;
    }

    @Override
    public void close() {
        discardStaged();
        helper.shutdownNow();
    }

    /** Starts building the batch at {@code position} of the plan, if there is one. */
    private void stage(int position) {
        if (position >= order.size()) {
            return;
        }
        int[] indices = order.get(position);
        stagedFor = indices;
        staged = CompletableFuture.supplyAsync(() -> data.batch(staging, indices), helper);
    }

    private NDList take() {
        CompletableFuture<NDList> f = staged;
        staged = null;
        stagedFor = null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.thenAccept(NDList::close);
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void discardStaged() {
        if (staged != null) {
            staged.thenAccept(NDList::close);
            staged = null;
            stagedFor = null;
        }
    }
}
