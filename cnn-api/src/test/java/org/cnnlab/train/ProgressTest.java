package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.Network;
import org.cnnlab.render.Display;
import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.DisplayHost;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.render.TerminalDisplayHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress goes through the installed display host: a line in a terminal, a bar and curves in a notebook. */
class ProgressTest {
    @TempDir
    Path dir;

    /** A notebook-like host that records what it is sent. */
    static final class RecordingHost implements DisplayHost {
        final List<MimeBundle> shown = new ArrayList<>();
        final List<MimeBundle> updates = new ArrayList<>();
        /** Everything sent, shown or updated, in the order it was sent. */
        final List<MimeBundle> sent = new ArrayList<>();

        @Override
        public DisplayHandle display(MimeBundle bundle) {
            shown.add(bundle);
            sent.add(bundle);
            return b -> {
                updates.add(b);
                sent.add(b);
            };
        }

        @Override
        public boolean supportsLiveUpdates() {
            return true;
        }
    }

    @Test
    void aTerminalGetsOneProgressLineAndASummaryPerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DisplayHost previous = Display.install(new TerminalDisplayHost(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train().take(512)).epochs(2).run();
        } finally {
            Display.install(previous);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("Training 2 epochs of 8 batches\n"), out);
        assertTrue(out.contains("\repoch 1/2 [" + "#".repeat(24) + "] 100%  loss "), out);
        assertTrue(out.contains("\repoch 1/2 done in "), out);
        assertTrue(out.contains("\repoch 2/2 done in "), out);
        assertTrue(out.stripTrailing().endsWith("completed 2 epochs"), out);
    }

    @Test
    void aNotebookGetsABarAndTheCurves() {
        RecordingHost host = new RecordingHost();
        DisplayHost previous = Display.install(host);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train().take(512)).epochs(2).run();
        } finally {
            Display.install(previous);
        }
        assertEquals(2, host.shown.size(), "one bar, one chart");
        assertTrue(host.shown.get(0).get(MimeBundle.HTML).contains("<progress"));
        MimeBundle last = host.updates.stream().filter(b -> b.has(MimeBundle.HTML)).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.plainText().contains("completed 2 epochs"), last.plainText());
        assertTrue(last.get(MimeBundle.HTML).contains("value=\"100\""));
        assertTrue(host.shown.get(1).has(MimeBundle.PNG), "the curves are a picture");
    }

    @Test
    void theCurveAppearsWhileTheFitRunsNotOnlyAtItsEnd() {
        RecordingHost host = new RecordingHost();
        MimeBundle secondEpochBegan = MimeBundle.text("marker: epoch 2, batch 1 done");
        DisplayHost previous = Display.install(host);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train().take(512)).epochs(3).listener(new FitListener() {
                @Override
                public void onBatch(FitState state, BatchResult batch) {
                    if (batch.epoch() == 2 && batch.batch() == 1) {
                        host.sent.add(secondEpochBegan);
                    }
                }
            }).run();
        } finally {
            Display.install(previous);
        }
        int firstCurve = -1;
        for (int i = 0; i < host.sent.size() && firstCurve < 0; i++) {
            firstCurve = host.sent.get(i).has(MimeBundle.PNG) ? i : -1;
        }
        assertTrue(firstCurve >= 0, "a curve was drawn");
        assertTrue(firstCurve < host.sent.indexOf(secondEpochBegan),
                "the first curve is sent by the end of epoch 1, while training goes on: " + host.sent);
    }

    @Test
    void theFirstProgressLineReportsARealSpeed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DisplayHost previous = Display.install(new TerminalDisplayHost(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train().take(512)).epochs(1).run();
        } finally {
            Display.install(previous);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher rates = java.util.regex.Pattern.compile("([\\d,]+) img/s").matcher(out);
        assertTrue(rates.find(), out);
        double first = Double.parseDouble(rates.group(1).replace(",", ""));
        double epoch = first;
        while (rates.find()) {
            epoch = Double.parseDouble(rates.group(1).replace(",", ""));
        }
        // The bug divided the first batch by the microseconds since that batch ended: thousands of times
        // the epoch's speed. Measured from the epoch's start, the first batch is no faster than a few times it.
        assertTrue(first < 5 * epoch, "first line " + first + " img/s, whole epoch " + epoch + " img/s:\n" + out);
    }
}
