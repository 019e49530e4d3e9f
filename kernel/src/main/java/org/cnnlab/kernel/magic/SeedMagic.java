package org.cnnlab.kernel.magic;

import java.util.Optional;

/**
 * {@code %seed 42}: makes the following cells repeatable. Runs {@code org.cnnlab.train.Seeds.set(42)} when
 * cnn-api has it (PyTorch's and DJL's generators, and every later fit's shuffling), else seeds the DJL engine
 * only: {@code Engine.getEngine("PyTorch").setRandomSeed(42)}. {@code java.util.Random} has no global seed
 * to set, so code that makes its own {@code new Random()} is not affected. Seeding loads the engine.
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
        int seed;
        try {
            seed = Integer.parseInt(arguments.strip());
        } catch (NumberFormatException e) {
            throw new MagicException("%seed takes one whole number, e.g. %seed 42. Received: '" + arguments.strip()
                    + "'.");
        }
        context.evaluate(call(seed, seedsAvailable()));
        context.out().println("Seeded with " + seed + (seedsAvailable() ? "." : " (the DJL/PyTorch engine only)."));
        return Optional.empty();
    }

    static String call(int seed, boolean seeds) {
        return seeds ? SEEDS_CLASS + ".set(" + seed + ");"
                : "ai.djl.engine.Engine.getEngine(\"PyTorch\").setRandomSeed(" + seed + ");";
    }

    private static boolean seedsAvailable() {
        return SeedMagic.class.getClassLoader().getResource(SEEDS_CLASS.replace('.', '/') + ".class") != null;
    }
}
