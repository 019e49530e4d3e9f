package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The accuracy check on the real thing: LeNet-5 trained 2 epochs on all 60,000 Fashion-MNIST images must pass
 * 85% on the 10,000 test images. Takes about 15 s on 2 idle cores, so it runs only when asked:
 * {@code mvn -pl cnn-api test -Dtest=FullFashionMnistTest -Dcnnlab.slow=true}.
 */
@EnabledIfSystemProperty(named = "cnnlab.slow", matches = "true")
class FullFashionMnistTest {
    @Test
    void leNetPasses85PercentAfterTwoEpochs() {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")) || System.getenv("CNNLAB_HOME") != null,
                "needs Debian's dataset-fashion-mnist package");
        DatasetPair data = Datasets.fashionMnist();
        Seeds.set(1);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            History h = net.fit(data.train()).epochs(2).batchSize(64).optimizer(Optimizers.adam(1e-3))
                    .validation(data.test()).progress(false).run();
            Evaluation eval = net.evaluate(data.test());
            System.out.println(h);
            System.out.println(eval);
            assertTrue(eval.accuracy() > 0.85, "test accuracy " + eval.accuracy());
        }
    }
}
