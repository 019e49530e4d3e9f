package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.Architectures;
import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.Datasets;
import org.cnnlab.geometry.GeometryException;
import org.junit.jupiter.api.Test;

/** fit on the embedded Fashion-MNIST sample: listeners, history, learning, stopping, errors. */
class FitTest {
    static final DatasetPair DATA = Datasets.fashionMnistSample();

    static Network leNet() {
        return Architectures.leNet5(1, 28, 10).build();
    }

    @Test
    void listenersSeeEveryBatchAndEpochAndTheHistoryGrows() {
        try (Network net = leNet()) {
            List<BatchResult> batches = new ArrayList<>();
            List<EpochResult> epochs = new ArrayList<>();
            int[] startsAndEnds = new int[2];
            FitListener recorder = new FitListener() {
                @Override
                public void onStart(FitState state) {
                    startsAndEnds[0]++;
                    assertEquals(32, state.batchesPerEpoch());
                }

                @Override
                public void onBatch(FitState state, BatchResult batch) {
                    batches.add(batch);
                }

                @Override
                public void onEpoch(FitState state, EpochResult epoch) {
                    epochs.add(epoch);
                }

                @Override
                public void onEnd(FitState state) {
                    startsAndEnds[1]++;
                }
            };
            History h = net.fit(DATA.train()).epochs(2).batchSize(64).listener(recorder).progress(false).run();
            assertSame(net.history(), h);
            assertEquals(64, batches.size(), "2000 images in batches of 64 = 32 batches, twice");
            assertEquals(2, epochs.size());
            assertArrayEquals(new int[] {1, 1}, startsAndEnds);
            assertEquals(2000 - 31 * 64, batches.get(31).size(), "the last batch holds what is left");
            assertEquals(64, h.batchCount());
            assertEquals(batches.get(63).loss(), h.batchLosses()[63]);
            assertEquals(2.0f, h.batchPositions()[63], 1e-6);
            assertEquals("completed 2 epochs", h.status());
            assertFalse(h.interrupted());

            History again = net.fit(DATA.train()).epochs(1).listener(recorder).progress(false).run();
            assertSame(h, again, "continuing appends to the same history");
            assertEquals(3, h.epochCount());
            assertEquals(96, h.batchCount());
            assertEquals(3, h.epochs().get(2).epoch());
            assertEquals(97, batches.size() + 1);
            assertEquals(96L, batches.get(95).step());
        }
    }

    @Test
    void learningHappens() {
        Seeds.set(3);
        try (Network net = leNet()) {
            History h = net.fit(DATA.train()).epochs(3).batchSize(32).optimizer(Optimizers.adam(2e-3))
                    .validation(DATA.test()).progress(false).run();
            float[] losses = h.batchLosses();
            assertTrue(mean(losses, 0, 10) > 2.0, "starts near ln(10) = 2.30: " + mean(losses, 0, 10));
            assertTrue(mean(losses, losses.length - 30, losses.length) < 1.0,
                    "loss falls well below its start: " + mean(losses, losses.length - 30, losses.length));
            EpochResult last = h.last();
            assertTrue(last.validationAccuracy() > 0.6, "validation accuracy " + last.validationAccuracy());
            assertTrue(h.epochs().get(0).loss() > last.loss());
            assertTrue(last.imagesPerSecond() > 0 && last.seconds() > 0);
        }
    }

    @Test
    void historyTableHasOneRowPerEpochAndTheDocumentedColumns() {
        try (Network net = leNet()) {
            History h = net.fit(DATA.train().take(256)).epochs(2).batchSize(64).validation(DATA.test().take(100))
                    .progress(false).run();
            var table = h.table();
            assertEquals(List.of("epoch", "batches", "loss", "accuracy", "val_loss", "val_accuracy", "seconds",
                    "images_per_second"), table.columnNames());
            assertEquals(2, table.rowCount());
            assertEquals(2, table.intColumn("epoch").getInt(1));
            assertEquals(h.last().validationAccuracy(), table.doubleColumn("val_accuracy").getDouble(1), 1e-4);
            assertEquals(8, h.batchTable().rowCount());
            assertTrue(h.toString().startsWith("History: 2 epochs, 8 batches; completed 2 epochs. Last epoch: loss"),
                    h.toString());
            assertTrue(h.toString().contains("val_accuracy"));
        }
    }

    @Test
    void theLastValidationIsWhatEvaluateSaysAfterTheFit() {
        ImageDataset validation = DATA.test().take(300);
        try (Network net = leNet()) {
            History h = net.fit(DATA.train().take(512)).epochs(2).batchSize(64).validation(validation)
                    .progress(false).run();
            Evaluation after = net.evaluate(validation);
            assertEquals(after.loss(), h.last().validationLoss(), 1e-6);
            assertEquals(after.accuracy(), h.last().validationAccuracy(), 1e-9);
        }
    }

    @Test
    void withoutValidationTheValidationColumnsAreMissing() {
        try (Network net = leNet()) {
            History h = net.fit(DATA.train().take(128)).progress(false).run();
            assertTrue(Double.isNaN(h.last().validationLoss()));
            assertTrue(h.table().doubleColumn("val_loss").isMissing(0));
        }
    }

    @Test
    void aListenerStopsThroughAFlag() {
        try (Network net = leNet()) {
            FitListener stopper = new FitListener() {
                @Override
                public void onBatch(FitState state, BatchResult b) {
                    if (b.epoch() == 2 && b.batch() == 3) {
                        state.stop("enough for a test");
                    }
                }
            };
            History h = net.fit(DATA.train()).epochs(5).listener(stopper).progress(false).run();
            assertEquals("stopped in epoch 2 after batch 3 of 32: enough for a test", h.status());
            assertEquals(35, h.batchCount());
            assertEquals(2, h.epochCount());
            assertFalse(h.last().complete());
            assertFalse(h.interrupted());
        }
    }

    @Test
    void imagesThatDoNotFitAreExplainedBeforeTraining() {
        try (Network net = Cnn.input(3, 32, 32).conv(4, 3).relu().flatten().dense(10).build()) {
            GeometryException e = assertThrows(GeometryException.class, () -> net.fit(DATA.train()).run());
            assertTrue(e.getMessage().contains("1x28x28") && e.getMessage().contains("3 x 32 x 32"), e.getMessage());
            assertTrue(e.getMessage().contains("Cnn.input(1, 28, 28)"), e.getMessage());
        }
        try (Network net = Cnn.input(1, 28, 28).flatten().dense(5).build()) {
            GeometryException e = assertThrows(GeometryException.class, () -> net.fit(DATA.train()).run());
            assertTrue(e.getMessage().contains("dense(10)"), e.getMessage());
        }
    }

    @Test
    void badSettingsSayWhatWasReceived() {
        try (Network net = leNet()) {
            var e = assertThrows(IllegalArgumentException.class, () -> net.fit(DATA.train()).epochs(0));
            assertTrue(e.getMessage().contains("Received: epochs=0"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(-1));
            assertTrue(e.getMessage().contains("Received: learningRate=-1.0"), e.getMessage());
        }
    }

    @Test
    void fitSettersReturnNewValues() {
        try (Network net = leNet()) {
            Fit base = net.fit(DATA.train());
            Fit five = base.epochs(5).learningRate(0.01);
            assertEquals(1, base.epochCount());
            assertEquals(5, five.epochCount());
            assertEquals(Optimizers.adam(0.01), five.optimizerChoice());
            assertTrue(five.toString().contains("5 epochs") && five.toString().contains("Adam(lr=0.01)"), five.toString());
        }
    }

    static double mean(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
