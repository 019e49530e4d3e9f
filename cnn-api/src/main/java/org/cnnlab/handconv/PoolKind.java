package org.cnnlab.handconv;

/**
 * Which number of a pooling window survives. Max pooling keeps the strongest response (was the feature
 * anywhere in this patch?); average pooling keeps the mean (how much of it is there?). Max pooling is the
 * usual choice inside CNNs since AlexNet; LeNet-5 averaged.
 */
public enum PoolKind {
    MAX("Pool.max", "max"),
    AVERAGE("Pool.average", "average");

    private final String call;
    private final String word;

    PoolKind(String call, String word) {
        this.call = call;
        this.word = word;
    }

    /** {@code Pool.max}: the call that makes this kind by hand. */
    String call() {
        return call;
    }

    /** {@code max} or {@code average}. */
    String word() {
        return word;
    }
}
