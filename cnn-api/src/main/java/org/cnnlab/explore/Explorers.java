package org.cnnlab.explore;

import java.util.List;
import org.cnnlab.Network;
import org.cnnlab.handconv.ConvByHand;
import org.cnnlab.handconv.PoolByHand;

/** Where {@link org.cnnlab.Explore} gets its explorers: the one public door into this package's builders. */
public final class Explorers {
    private Explorers() {}

    /** A convolution explorer over the same convolution at several filter sizes, starting at {@code start}. */
    public static Explorer conv(List<ConvByHand<?>> bySize, int start) {
        return ConvExplorer.of(bySize, start);
    }

    public static Explorer pool(PoolByHand<?> pool) {
        return PoolExplorer.of(pool);
    }

    public static Explorer network(Network net, float[][][] image) {
        return NetworkExplorer.of(net, image);
    }
}
