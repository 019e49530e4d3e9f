package org.cnnlab.train.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live curve's schedule, played on made-up timelines (no clock is read). */
class RedrawScheduleTest {
    private static final long MS = 1_000_000L;

    /** Plays a fit of {@code seconds} with a batch every {@code batchMs} and drawings costing {@code drawMs}. */
    private static long[] play(double seconds, long batchMs, long drawMs) {
        RedrawSchedule s = new RedrawSchedule(0, NotebookProgress.BUDGET);
        long now = 0;
        long first = -1;
        long draws = 0;
        long drawing = 0;
        while (now < seconds * 1000 * MS) {
            now += batchMs * MS;
            if (s.due(now)) {
                first = first < 0 ? now : first;
                s.drew(now, now + drawMs * MS);
                now += drawMs * MS;
                draws++;
                drawing += drawMs * MS;
            }
        }
        return new long[] {first, draws, drawing, now};
    }

    @Test
    void aShortFitOnTheSampleShowsItsCurveEarlyAndOften() {
        long[] r = play(8, 30, 30);   // notebook 5 on the sample: 256 batches in about 8 s, a drawing ~30 ms
        assertTrue(r[0] <= 400 * MS, "the first redraw comes within the first 0.4 s: " + r[0] / MS + " ms");
        assertTrue(r[1] >= 3, "an 8-second fit redraws its curve while it runs: " + r[1] + " times");
    }

    @Test
    void redrawsKeepComingWhileTheirCostStaysSmall() {
        long[] cheap = play(60, 20, 5);
        long[] costly = play(60, 20, 200);
        assertTrue(cheap[1] >= 50, "a cheap picture is redrawn about once a second: " + cheap[1]);
        assertTrue(costly[1] >= 2 && costly[1] < cheap[1], "a costly one less often: " + costly[1]);
        double share = (double) costly[2] / costly[3];
        assertTrue(share < 2 * NotebookProgress.BUDGET, "drawing stays near its budget: " + share);
    }

    @Test
    void aBudgetOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RedrawSchedule(0, 5));
        assertEquals("budget is a share of the time, above 0 and at most 1. Received: 5.0", e.getMessage());
    }
}
