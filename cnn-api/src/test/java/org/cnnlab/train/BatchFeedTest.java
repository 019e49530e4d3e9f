package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.Normalization;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.Test;

/** Both batch feeds give exactly the batches ImageDataset.batch builds in Java. */
class BatchFeedTest {
    static final DatasetPair DATA = Datasets.fashionMnistSample();

    @Test
    void residentBatchesEqualJavaBatchesWithEveryNormalization() {
        CnnLabRuntime.init();
        ImageDataset train = DATA.train();
        for (ImageDataset data : List.of(train, train.normalized(Normalization.fit(train)),
                train.select(5, 3, 900, 7).normalized(Normalization.meanStd(new float[] {0.5f}, new float[] {0.25f})))) {
            try (NDManager m = NDManager.newBaseManager(); ResidentImages feed = ResidentImages.upload(data, m)) {
                for (int[] indices : data.batches(64, 9)) {
                    assertSameBatch(data.batch(m, indices), feed.batch(m, indices), data.toString());
                }
            }
        }
    }

    @Test
    void anUploadInManyPiecesHoldsEveryImageInItsPlace() {
        CnnLabRuntime.init();
        ImageDataset train = DATA.train();
        // A shuffled selection (its rows are not the dataset's order), uploaded 300 images at a time: seven
        // pieces, the last one short.
        ImageDataset data = train.select(java.util.stream.IntStream.range(0, 1950).map(i -> (i * 7) % train.size())
                .toArray());
        try (NDManager m = NDManager.newBaseManager();
             ResidentImages feed = ResidentImages.upload(data, m, data.shape().size() * 300 + 5)) {
            int[] all = java.util.stream.IntStream.range(0, data.size()).toArray();
            assertSameBatch(data.batch(m, all), feed.batch(m, all), "seven pieces");
        }
    }

    @Test
    void stagedBatchesArriveInPlanOrderAndEqualJavaBatches() {
        CnnLabRuntime.init();
        ImageDataset data = DATA.train();
        List<int[]> order = data.batches(100, 4);
        try (NDManager m = NDManager.newBaseManager(); StagedImages feed = new StagedImages(data, m)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                feed.plan(order);
                for (int[] indices : order) {
                    try (NDManager batch = m.newSubManager()) {
                        NDList got = feed.batch(batch, indices);
                        assertTrue(got.get(0).getManager() == batch, "the staged batch belongs to the caller's manager");
                        assertSameBatch(data.batch(batch, indices), got, "staged");
                    }
                }
            }
            int[] unplanned = {1, 2, 3};
            assertSameBatch(data.batch(m, unplanned), feed.batch(m, unplanned), "unplanned");
        }
    }

    @Test
    void theMemoryEstimateKeepsSmallDatasetsAndRefusesHugeOnes() {
        CnnLabRuntime.init();
        assertTrue(BatchFeed.fitsOnDevice(DATA.train(), ai.djl.Device.cpu()), "2,000 small images fit");
        long free = BatchFeed.freeBytes(ai.djl.Device.cpu());
        assertTrue(free > 0, "free memory is known: " + free);
    }

    private static void assertSameBatch(NDList expected, NDList got, String what) {
        assertEquals(expected.get(0).getShape(), got.get(0).getShape(), what);
        assertArrayEquals(expected.get(0).toFloatArray(), got.get(0).toFloatArray(), 0f, what + ": pixels");
        assertArrayEquals(expected.get(1).toFloatArray(), got.get(1).toFloatArray(), 0f, what + ": labels");
    }
}
