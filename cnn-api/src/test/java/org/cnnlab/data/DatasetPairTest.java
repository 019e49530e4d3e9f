package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetPairTest {
    @Test
    void toStringTellsSizesShapeClassesAndSource() {
        DatasetPair pair = new DatasetPair("Toy", ImageDatasetTest.rgb(12), ImageDatasetTest.rgb(3), "a test");
        assertEquals("Toy: train 12, test 3 images of 3x2x2, 3 classes\n  classes: a, b, c\n  from a test",
                pair.toString());
        DatasetPair standardized = pair.standardized();
        assertTrue(standardized.toString().startsWith("Toy: train 12, test 3 images of 3x2x2, 3 classes, Normalization[mean="),
                standardized.toString());
    }

    @Test
    void standardizedUsesTheTrainingSetsStatisticsForBoth() {
        DatasetPair pair = new DatasetPair("Toy", ImageDatasetTest.rgb(12), ImageDatasetTest.rgb(3), "a test");
        Normalization fromTrain = Normalization.fit(pair.train());
        assertEquals(fromTrain, pair.standardized().train().normalization());
        assertEquals(fromTrain, pair.standardized().test().normalization());
    }

    @Test
    void trainAndTestMustAgreeOnShapeAndClasses() {
        ImageDataset other = ImageDataset.of("grey", new ImageShape(1, 2, 2), new byte[4], new int[] {0},
                List.of("a", "b", "c"));
        String m = assertThrows(IllegalArgumentException.class,
                () -> new DatasetPair("Mixed", ImageDatasetTest.rgb(3), other, "a test")).getMessage();
        assertTrue(m.contains("train and test must share image shape and classes"), m);
    }
}
