package org.cnnlab.kernel.magic;

import java.util.Optional;

/**
 * {@code %seed 42}: makes the following cells repeatable. Runs {@code org.cnnlab.train.Seeds.set(42)}
 * (PyTorch's and DJL's generators, and every later fit's shuffling). {@code java.util.Random} has no global
 * seed to set, so code that makes its own {@code new Random()} is not affected. Seeding loads the engine.
 */
final class SeedMagic implements Magic {
    static final String SEEDS_CLASS = "org.cnnlab.train.Seeds";

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String help() {
        return "%seed <n>  seed PyTorch/DJL (and cnnlab's shuffling) so that runs repeat; seed before build()";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) throws Exception {
        long seed;
        try {
            seed = Long.parseLong(arguments.strip());
        } catch (NumberFormatException e) {
            throw new MagicException("%seed takes one whole number, e.g. %seed 42. Received: '" + arguments.strip()
                    + "'.");
        }
        context.evaluate(SEEDS_CLASS + ".set(" + seed + "L);");
        context.out().println("Seeded with " + seed + ".");
        return Optional.empty();
    }
}
