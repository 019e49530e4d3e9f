package org.cnnlab.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Architectures;
import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.train.History;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The memory estimate and the refusals it drives, through real DJL natives: build, load's parameters, a
 * forward pass (predict, evaluate) and a training run are refused before they allocate what would not fit.
 * Where the machine's own free memory would decide the outcome, the test sets the user limit
 * {@code cnnlab.memory.limit}, the setting a student on a shared machine uses.
 */
class MemoryTest {
    private static final DatasetPair DATA = Datasets.fashionMnistSample();

    @AfterEach
    void clearLimit() {
        System.clearProperty(MemoryBudget.LIMIT_PROPERTY);
    }

    @Test
    void theArithmeticCountsEveryLayersOutputAndTheParameters() {
        MemoryEstimate e = MemoryEstimate.of(Cnn.input(3, 224, 224).conv(100000, 3).spec());
        assertEquals((3L * 224 * 224 + 100000L * 222 * 222) * 4, e.activationBytesPerImage());
        assertEquals("19.7 GB", MemoryEstimate.format(e.activationBytesPerImage()));
        assertEquals((100000L * 3 * 3 * 3 + 100000) * 4, e.parameterBytes());
        assertEquals(e.parameterBytes() * 3 + 2 * 8 * e.activationBytesPerImage(), e.trainingBytes(8, 2));
        assertEquals("812 B", MemoryEstimate.format(812));
    }

    @Test
    void aConvLayerTooWideForOneImageBuildsButPredictIsRefusedWithTheArithmetic() {
        System.setProperty(MemoryBudget.LIMIT_PROPERTY, "8g");
        try (Network net = Cnn.input(3, 224, 224).conv(100000, 3).build()) {
            NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                    () -> net.predict(new float[3][224][224]));
            String m = e.getMessage();
            assertTrue(m.contains("19.7 GB") && m.contains("1 image"), m);
            assertTrue(m.contains("conv1") && m.contains("100000 x 222 x 222"), "names the layer to blame: " + m);
            assertTrue(m.contains("8.0 GB") && m.contains("-Dcnnlab.memory.limit=8g"), "says what is available: " + m);
            assertTrue(m.contains("How to fix it: give conv1 a smaller output"), m);
            assertEquals(8_000_000_000L, e.available());
        }
    }

    @Test
    void aDenseLayerOfSixtyTerabytesIsRefusedAtBuild() {
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> Cnn.input(3, 224, 224).flatten().dense(100_000_000).build());
        String m = e.getMessage();
        assertTrue(m.startsWith("Not enough memory: build needs 60.2 TB for the parameters alone"), m);
        assertTrue(m.contains("dense") && m.contains("15,052,900,000,000 parameters"), m);
        assertTrue(m.contains("Nothing was allocated") && m.contains("How to fix it"), m);
    }

    @Test
    void trainingWithABatchThatDoesNotFitIsRefusedAndTheSuggestedBatchTrains() {
        System.setProperty(MemoryBudget.LIMIT_PROPERTY, "100m");
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                    () -> net.fit(DATA.train()).batchSize(2000).progress(false).run());
            String m = e.getMessage();
            assertTrue(m.startsWith("Not enough memory: training with batches of 2000 needs"), m);
            assertTrue(m.contains("gradients and optimizer state 3 x") && m.contains("2 (outputs and their gradients)"), m);
            assertTrue(m.contains("use a smaller batch (at most about "), m);
            assertEquals(0, net.history().batchCount(), "refused before the first batch");
            int fits = Integer.parseInt(m.replaceAll("(?s).*at most about (\\d+) images.*", "$1"));
            assertTrue(fits < 2000 && fits > 100, m);
            History h = net.fit(DATA.train()).batchSize(fits).progress(false).run();
            assertEquals("completed 1 epoch", h.status());
        }
    }

    @Test
    void evaluateUsesBatchesThatFitAndGivesTheSameNumbers() {
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            var unlimited = net.evaluate(DATA.test());
            System.setProperty(MemoryBudget.LIMIT_PROPERTY, "5m");
            assertTrue(MemoryCheck.imagesThatFit(net.spec(), ai.djl.Device.cpu(), 256) < 100,
                    "5 MB holds fewer than 100 LeNet images' activations");
            var limited = net.evaluate(DATA.test());
            assertEquals(unlimited.accuracy(), limited.accuracy());
            assertEquals(unlimited.loss(), limited.loss(), 1e-9);
        }
    }

    @Test
    void aBadLimitIsExplained() {
        System.setProperty(MemoryBudget.LIMIT_PROPERTY, "lots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.of(ai.djl.Device.cpu()));
        assertTrue(e.getMessage().contains("Received: -Dcnnlab.memory.limit=lots"), e.getMessage());
    }

    @Test
    void theSummaryShowsMemoryPerImageAndPerBatch() {
        Table t = Architectures.leNet5(1, 28, 10).summary();
        assertTrue(t.columnNames().contains(MemorySummary.MEMORY), t.columnNames().toString());
        assertEquals("3.1 KB", t.stringColumn(MemorySummary.MEMORY).get(0), "the input, 784 numbers");
        assertEquals("18.8 KB", t.stringColumn(MemorySummary.MEMORY).get(1), "conv1, 6 x 28 x 28 numbers");
        assertTrue(t.name().contains("training a batch of 64 with Adam needs about"), t.name());
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            assertEquals(t.name(), net.summary().name());
        }
    }
}
