import java.nio.file.Path;
import org.cnnlab.Architectures;
import org.cnnlab.Conv;
import org.cnnlab.Explore;
import org.cnnlab.data.Datasets;

/**
 * Writes the pages the hover benchmark opens: the network explorer for LeNet-5 on one 28x28 Fashion-MNIST
 * image (untrained: hover cost does not depend on the weights), and the convolution explorer on the same
 * image with a 5x5 filter.
 */
public class HoverPages {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        float[][][] image = Datasets.fashionMnistSample().test().image(0);
        try (var net = Architectures.leNet5(1, 28, 10).build()) {
            Explore.network(net, image).save(out.resolve("lenet.html"));
        }
        double[][] grey = new double[28][28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                grey[r][c] = Math.round(image[0][r][c] * 100) / 100.0;
            }
        }
        double[][] edge = {{1, 1, 0, -1, -1}, {1, 1, 0, -1, -1}, {1, 1, 0, -1, -1}, {1, 1, 0, -1, -1}, {1, 1, 0, -1, -1}};
        Explore.conv(Conv.byHand(grey, edge)).save(out.resolve("conv28.html"));
    }
}
