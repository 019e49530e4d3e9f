package org.cnnlab.memory;

import ai.djl.Device;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/**
 * The check every allocation a description decides passes first: building or loading (the parameters), a
 * forward pass (the batch's activations) and a training run (gradients, optimizer state, activations). When
 * the estimate ({@link MemoryEstimate}) exceeds what the process can use ({@link MemoryBudget}) it throws
 * {@link NotEnoughMemoryException} with the arithmetic, the layer to blame and a fix, and nothing is
 * allocated.
 */
public final class MemoryCheck {
    private MemoryCheck() {}

    /** Before allocating the parameters of {@code spec} ({@code what}: build, load). */
    public static void parameters(ModelSpec spec, Device device, String what) {
        MemoryEstimate e = MemoryEstimate.of(spec);
        long need = e.parameterBytes();
        MemoryBudget budget = MemoryBudget.of(device);
        if (need <= budget.bytes()) {
            return;
        }
        LayerInfo blame = e.mostParameters();
        throw refuse(what + " needs " + MemoryEstimate.format(need) + " for the parameters alone", need, budget,
                String.format("%,d", spec.parameterCount()) + " parameters x 4 bytes = " + MemoryEstimate.format(need)
                        + "; " + blame.name() + " (" + blame.layer().describe() + ", input " + blame.input()
                        + ") holds " + String.format("%,d", blame.parameters()) + " of them = "
                        + MemoryEstimate.format(blame.parameters() * MemoryEstimate.BYTES_PER_NUMBER) + ".",
                "make " + blame.name() + " smaller (fewer units or filters), or shrink its input first"
                        + " (pool or stride before a flatten, so the dense layer sees fewer numbers).");
    }

    /**
     * Whether an optimizer's memory of {@code slots} numbers per parameter fits beside the parameters of
     * {@code spec} (loading a saved model: without room the model loads without it).
     */
    public static boolean optimizerFits(ModelSpec spec, int slots, Device device) {
        return MemoryEstimate.of(spec).parameterBytes() * (1 + slots) <= MemoryBudget.of(device).bytes();
    }

    /** Before running {@code batch} images through the first {@code layers} layers in inference mode. */
    public static void inference(ModelSpec spec, long batch, int layers, Device device) {
        MemoryEstimate e = MemoryEstimate.of(spec);
        long need = e.inferenceBytes(batch, layers);
        MemoryBudget budget = MemoryBudget.of(device);
        if (need <= budget.bytes()) {
            return;
        }
        throw refuse("running " + images(batch) + " through the network needs " + MemoryEstimate.format(need)
                + " for the layers' outputs", need, budget, activations(e, batch, layers, 1),
                fix(e, layers, batch, budget.bytes(), e.activationBytesPerImage(layers)));
    }

    /**
     * How many images, at most {@code wanted}, to run through the network at once so that their activations
     * fit: for loops that choose their own batch size (evaluation, validation). At least 1; the forward pass
     * itself refuses when even one image does not fit.
     */
    public static int imagesThatFit(ModelSpec spec, Device device, int wanted) {
        long perImage = MemoryEstimate.of(spec).activationBytesPerImage();
        MemoryBudget budget = MemoryBudget.of(device);
        if ((long) wanted * perImage <= budget.bytes()) {
            return wanted;
        }
        return (int) Math.max(1, Math.min(wanted, budget.bytes() / Math.max(1, perImage)));
    }

    /** Before a training run with batches of {@code batch} images and an optimizer keeping {@code optimizerSlots} numbers per parameter. */
    public static void training(ModelSpec spec, long batch, int optimizerSlots, Device device) {
        MemoryEstimate e = MemoryEstimate.of(spec);
        long need = e.trainingBytes(batch, optimizerSlots);
        MemoryBudget budget = MemoryBudget.of(device);
        if (need <= budget.bytes()) {
            return;
        }
        int layers = spec.infos().size();
        long perImage = 2 * e.activationBytesPerImage();
        throw refuse("training with batches of " + batch + " needs " + MemoryEstimate.format(need), need, budget,
                "gradients and optimizer state " + (1 + optimizerSlots) + " x " + MemoryEstimate.format(e.parameterBytes())
                        + " of parameters = " + MemoryEstimate.format(e.parameterBytes() * (1 + optimizerSlots))
                        + "; " + activations(e, batch, layers, 2),
                fix(e, layers, batch, budget.bytes() - e.parameterBytes() * (1 + optimizerSlots), perImage));
    }

    private static String activations(MemoryEstimate e, long batch, int layers, int factor) {
        LayerInfo big = e.largestOutput(layers);
        return "activations " + (factor == 2 ? "2 (outputs and their gradients) x " : "") + images(batch) + " x "
                + MemoryEstimate.format(e.activationBytesPerImage(layers)) + " per image = "
                + MemoryEstimate.format(factor * batch * e.activationBytesPerImage(layers))
                + (big == null ? "." : "; the largest output is " + big.name() + "'s, " + big.output() + " = "
                        + String.format("%,d", big.output().size()) + " numbers = "
                        + MemoryEstimate.format(big.output().size() * MemoryEstimate.BYTES_PER_NUMBER) + " per image.");
    }

    /** A smaller batch when one would fit, else the layer to shrink. */
    private static String fix(MemoryEstimate e, int layers, long batch, long forImages, long perImage) {
        LayerInfo big = e.largestOutput(layers);
        String shrink = big == null ? "use a smaller input"
                : "give " + big.name() + " a smaller output (" + big.layer().describe() + " makes " + big.output()
                        + "): fewer filters, a stride, or a pool before it, or a smaller input";
        long fits = perImage == 0 ? 0 : Math.max(0, forImages) / perImage;
        if (batch > 1 && fits >= 1) {
            return "use a smaller batch (at most about " + fits + " images fit), or " + shrink + ".";
        }
        return shrink + ".";
    }

    private static NotEnoughMemoryException refuse(String what, long need, MemoryBudget budget, String arithmetic,
                                                   String fix) {
        return new NotEnoughMemoryException("Not enough memory: " + what + ", more than the "
                + MemoryEstimate.format(budget.bytes()) + " this process can use (" + budget.source() + "). "
                + "Nothing was allocated.\nThe arithmetic (4 bytes per number): " + arithmetic
                + "\nHow to fix it: " + fix, need, budget.bytes());
    }

    private static String images(long n) {
        return n + (n == 1 ? " image" : " images");
    }
}
