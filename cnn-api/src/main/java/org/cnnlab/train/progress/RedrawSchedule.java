package org.cnnlab.train.progress;

/**
 * When to redraw a live picture whose drawing costs time on the training thread. The first drawing comes
 * early ({@link #FIRST} after the start), so a short fit on the sample shows its curve while it runs, not
 * only at the end. After that, each redraw waits until drawing has cost at most {@code budget} of the time
 * since the previous one ({@code cost / budget}), and at least {@link #MIN_GAP}: a cheap picture is redrawn
 * about once a second, an expensive one less often, and the share of time spent drawing stays near the
 * budget whatever the picture costs. Times are {@code System.nanoTime()} values passed in, so a test can
 * play any timeline.
 */
final class RedrawSchedule {
    static final long FIRST = 300_000_000L;
    static final long MIN_GAP = 1_000_000_000L;

    private final double budget;
    private long next;

    /** A schedule for a run starting at {@code start}, spending at most {@code budget} (0..1) on drawing. */
    RedrawSchedule(long start, double budget) {
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget is a share of the time, above 0 and at most 1. Received: " + budget);
        }
        this.budget = budget;
        this.next = start + FIRST;
    }

    /** True when a redraw is due at time {@code now}. */
    boolean due(long now) {
        return now >= next;
    }

    /** Records a drawing that ran from {@code began} to {@code ended}, and sets when the next one is due. */
    void drew(long began, long ended) {
        next = ended + Math.max(MIN_GAP, (long) ((ended - began) / budget));
    }
}
