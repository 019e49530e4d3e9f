package org.cnnlab.geometry;

/**
 * Names the place an arithmetic problem happened, so an error can say "conv2 (layer 4: 3x3 conv, stride 3)
 * … along the height" instead of bare numbers.
 *
 * @param subject what slides, as the error's first words, e.g. {@code "conv2 (layer 4: conv 3x3, stride 3)"}
 * @param axis    {@code "height"}, {@code "width"}, {@code "height and width"}, or empty
 * @param pool    true for a pooling window, false for a filter
 */
public record Where(String subject, String axis, boolean pool) {
    /** No layer context: the bare formula, as {@code Conv.outputSize} uses it. */
    public static final Where ANYWHERE = new Where("The window", "", false);

    public boolean isPool() {
        return pool;
    }

    /** The same place, sliding a filter ({@code false}) or a pooling window ({@code true}). */
    public Where withPool(boolean isPool) {
        return new Where(subject, axis, isPool);
    }

    public Where along(String newAxis) {
        return new Where(subject, newAxis, pool);
    }

    String alongAxis() {
        return axis.isEmpty() ? "" : " along the " + axis;
    }

    String windowNoun() {
        return pool ? "pooling window" : "filter";
    }
}
