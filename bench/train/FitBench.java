import java.util.Locale;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.train.Evaluation;
import org.cnnlab.train.History;
import org.cnnlab.train.Optimizers;
import org.cnnlab.train.Seeds;

/** LeNet-5 on the full Fashion-MNIST through net.fit: the library's own path. Prints one result line. */
public class FitBench {
    public static void main(String[] args) {
        int epochs = Integer.parseInt(args.length > 0 ? args[0] : "2");
        int batch = Integer.parseInt(args.length > 1 ? args[1] : "256");
        DatasetPair data = Datasets.fashionMnist();
        Seeds.set(1);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            long t0 = System.nanoTime();
            History h = net.fit(data.train()).epochs(epochs).batchSize(batch).optimizer(Optimizers.adam(1e-3))
                    .progress(false).run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Evaluation eval = net.evaluate(data.test());
            System.out.printf(Locale.ROOT, "RESULT fit images_per_second=%.0f seconds=%.2f test_accuracy=%.4f%n",
                    epochs * data.train().size() / seconds, seconds, eval.accuracy());
            System.out.println(h.table().printAll());
        }
    }
}
