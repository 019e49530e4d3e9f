package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fast path into DJL: one batch is one array of normalised pixels and one of labels. */
class BatchTest {
    @BeforeAll
    static void engine() {
        CnnLabRuntime.init();
    }

    @Test
    void batchHasShapeBCHWAndNormalisedValues() {
        ImageDataset data = ImageDatasetTest.rgb(10);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList batch = data.batch(m, new int[] {7, 2});
            NDArray x = batch.get(0);
            NDArray y = batch.get(1);
            assertEquals(new Shape(2, 3, 2, 2), x.getShape());
            assertEquals(DataType.FLOAT32, x.getDataType());
            assertEquals(new Shape(2), y.getShape());
            assertArrayEquals(new float[] {1, 2}, y.toFloatArray());
            float[] v = x.toFloatArray();
            assertEquals(7 / 255f, v[0], 1e-7);
            assertEquals(107 / 255f, v[4], 1e-7);
            assertEquals(200 / 255f, v[8], 1e-7);
            assertEquals(2 / 255f, v[12], 1e-7);
        }
    }

    @Test
    void aBatchKeepsItsNumbersWhenTheNextIsBuilt() {
        // Batches are staged in one reused buffer; a batch must not change when a later one is built
        // (DJL would otherwise make the array's memory that very buffer).
        ImageDataset data = ImageDatasetTest.rgb(10);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList first = data.batch(m, new int[] {7, 2});
            float[] before = first.get(0).toFloatArray();
            float[] labels = first.get(1).toFloatArray();
            for (int i = 0; i < 3; i++) {
                data.batch(m, new int[] {i, i + 1}); // same size: the same staging buffer is filled again
            }
            data.batch(m, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}); // larger: the staging buffer is replaced
            System.gc();
            assertArrayEquals(before, first.get(0).toFloatArray());
            assertArrayEquals(labels, first.get(1).toFloatArray());
        }
    }

    @Test
    void batchAppliesTheDatasetsNormalization() {
        ImageDataset data = ImageDatasetTest.rgb(10)
                .normalized(Normalization.meanStd(new float[] {0.5f}, new float[] {0.25f}));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = data.batch(m, new int[] {3}).get(0).toFloatArray();
            assertEquals((3 / 255f - 0.5f) / 0.25f, v[0], 1e-6);
            assertEquals((200 / 255f - 0.5f) / 0.25f, v[11], 1e-6);
        }
    }

    @Test
    void standardizedSampleHasMeanZeroAndStdOne() {
        DatasetPair data = Datasets.fashionMnistSample().standardized();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = data.train().batch(m, data.train().batches(2000).get(0)).get(0);
            assertEquals(0f, x.mean().getFloat(), 1e-3);
            assertEquals(1f, x.sub(x.mean()).square().mean().sqrt().getFloat(), 1e-3);
        }
        assertEquals(data.train().normalization(), data.test().normalization(), "the test set uses train's numbers");
    }

    @Test
    void batchesCoverEveryImageOnceInASeededOrder() {
        ImageDataset data = ImageDatasetTest.rgb(10);
        List<int[]> batches = data.batches(4, 3);
        assertEquals(List.of(4, 4, 2), batches.stream().map(b -> b.length).toList());
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
        assertArrayEquals(batches.get(0), data.batches(4, 3).get(0));
        assertArrayEquals(new int[] {8, 9}, data.batches(4).get(2), "unshuffled batches keep dataset order");
    }

    @Test
    void batchFeedsDjlsSoftmaxCrossEntropy() {
        ImageDataset data = Datasets.fashionMnistSample().train();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList batch = data.batch(m, data.batches(64, 1).get(0));
            NDArray logits = m.zeros(new Shape(64, 10));
            float loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(batch.get(1)), new NDList(logits)).getFloat();
            assertEquals(Math.log(10), loss, 1e-4, "uniform predictions cost ln(10) whatever the labels");
        }
    }
}
