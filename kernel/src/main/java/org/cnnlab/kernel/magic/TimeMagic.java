package org.cnnlab.kernel.magic;

import java.util.Optional;

/** {@code %time statement}: runs the statement and prints how long it took (wall clock). */
final class TimeMagic implements Magic {
    @Override
    public String name() {
        return "time";
    }

    @Override
    public String help() {
        return "%time <java>  run it and print the wall time; %%time on a cell's first line times the cell";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.evaluate(arguments);
        } finally {
            context.out().println(format(System.nanoTime() - start));
        }
    }

    static String format(long nanos) {
        double ms = nanos / 1e6;
        return ms < 1000 ? String.format("Wall time: %.1f ms", ms) : String.format("Wall time: %.2f s", ms / 1000);
    }
}
