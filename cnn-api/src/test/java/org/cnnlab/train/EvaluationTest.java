package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The numbers of an Evaluation agree with each other and with a computation by hand. */
class EvaluationTest {
    static Network net;
    static Evaluation eval;
    static final ImageDataset TEST = FitTest.DATA.test();

    @BeforeAll
    static void train() {
        Seeds.set(11);
        net = FitTest.leNet();
        net.fit(FitTest.DATA.train()).epochs(2).progress(false).run();
        eval = net.evaluate(TEST);
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void confusionMatrixSumsAndAccuracyIsTraceOverTotal() {
        int[][] c = eval.confusionMatrix();
        int total = 0;
        int trace = 0;
        int[] counts = TEST.classCounts();
        for (int t = 0; t < c.length; t++) {
            assertEquals(counts[t], Arrays.stream(c[t]).sum(), "row " + t + " sums to the class's image count");
            total += Arrays.stream(c[t]).sum();
            trace += c[t][t];
        }
        assertEquals(500, total);
        assertEquals(trace, eval.correct());
        assertEquals((double) trace / total, eval.accuracy(), 1e-12);
        assertEquals(500 - trace, eval.misclassified().length);
        assertTrue(eval.accuracy() > 0.6, "two epochs on the sample: " + eval.accuracy());
    }

    @Test
    void predictionsMatchAHandComputedArgmax() {
        int[] expected = new int[TEST.size()];
        try (NDManager m = NDManager.newBaseManager()) {
            int[] all = java.util.stream.IntStream.range(0, TEST.size()).toArray();
            NDList batch = TEST.batch(m, all);
            NDArray scores = net.forward(batch.get(0));
            long[] best = scores.argMax(1).toLongArray();
            for (int i = 0; i < best.length; i++) {
                expected[i] = (int) best[i];
            }
        }
        assertArrayEquals(expected, eval.predictions());
        for (int i : eval.misclassified()) {
            assertTrue(eval.predictions()[i] != TEST.label(i));
        }
        Prediction p = net.predict(TEST, 7);
        assertEquals(expected[7], p.label());
        float sum = 0;
        for (float v : p.probabilities()) {
            sum += v;
        }
        assertEquals(1f, sum, 1e-4);
        assertEquals(eval.confidences()[7], p.probability(), 1e-5);
        assertTrue(p.toString().startsWith("Prediction: " + TEST.classNames().get(expected[7])), p.toString());
    }

    @Test
    void tablesAndTextAreConsistent() {
        var perClass = eval.perClass();
        assertEquals(10, perClass.rowCount());
        int[][] c = eval.confusionMatrix();
        for (int t = 0; t < 10; t++) {
            assertEquals(c[t][t], perClass.intColumn("correct").getInt(t));
            assertEquals(Math.round(10000.0 * c[t][t] / 50) / 10000.0, perClass.doubleColumn("accuracy").getDouble(t), 1e-9);
        }
        var table = eval.confusionTable();
        assertEquals(11, table.columnCount());
        assertEquals(c[3][5], table.intColumn(TEST.classNames().get(5)).getInt(3));
        assertTrue(eval.toString().startsWith("Evaluation on " + TEST.name() + " (500 images): accuracy "), eval.toString());
        assertTrue(eval.toMimeBundle().png().length > 1000);
    }
}
