package org.cnnlab.train;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cnnlab.data.ImageDataset;

/**
 * The batch feeds of the datasets a training session uses, so each is uploaded once however many epochs and
 * fits use it: the training set and the validation set, at most {@value #KEPT} at a time (the least recently
 * used goes first, freeing its device memory).
 */
final class FeedCache implements AutoCloseable {
    static final int KEPT = 2;

    private final NDManager manager;
    private final Map<ImageDataset, BatchFeed> feeds = new LinkedHashMap<>(4, 0.75f, true);

    FeedCache(NDManager manager) {
        this.manager = manager;
    }

    /** The feed of {@code data}, made (and uploaded, when it fits on the device) the first time. */
    BatchFeed of(ImageDataset data) {
        BatchFeed feed = feeds.get(data);
        if (feed == null) {
            if (feeds.size() >= KEPT) {
                ImageDataset eldest = feeds.keySet().iterator().next();
                feeds.remove(eldest).close();
            }
            feed = BatchFeed.of(data, manager);
            feeds.put(data, feed);
        }
        return feed;
    }

    @Override
    public void close() {
        feeds.values().forEach(BatchFeed::close);
        feeds.clear();
    }
}
