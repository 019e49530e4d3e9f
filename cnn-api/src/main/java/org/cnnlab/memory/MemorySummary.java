package org.cnnlab.memory;

import org.cnnlab.geometry.Volume;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.Summary;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The summary table with memory added: a column with the bytes each layer's output takes per image (the
 * total row holds the sum, what one image costs on a forward pass), and a title that says what a training
 * batch needs. The course's point: activations, not parameters, are what fills memory in a CNN, and they
 * grow with the batch.
 */
public final class MemorySummary {
    /** The column's name. */
    public static final String MEMORY = "memory per image";
    /** The batch size the title's training figure is for: {@code Fit}'s default. */
    public static final int BATCH = 64;
    /** Optimizer state the title's training figure assumes: Adam's two numbers per parameter ({@code Fit}'s default). */
    private static final int ADAM_SLOTS = 2;

    private MemorySummary() {}

    /** {@link Summary#of} with the memory column, titled {@code title} and the training batch's figure. */
    public static Table of(ModelSpec spec, String title) {
        MemoryEstimate e = MemoryEstimate.of(spec);
        Table table = Summary.of(spec, title + ": " + line(e));
        StringColumn memory = StringColumn.create(MEMORY);
        memory.append(bytes(spec.input()));
        for (LayerInfo info : spec.infos()) {
            memory.append(bytes(info.output()));
        }
        memory.append(MemoryEstimate.format(e.activationBytesPerImage()));
        return table.addColumns(memory);
    }

    /** The estimate in one line, e.g. for a title. */
    public static String line(MemoryEstimate e) {
        return "parameters " + MemoryEstimate.format(e.parameterBytes()) + ", activations "
                + MemoryEstimate.format(e.activationBytesPerImage()) + " per image; training a batch of " + BATCH
                + " with Adam needs about " + MemoryEstimate.format(e.parameterBytes() + e.trainingBytes(BATCH, ADAM_SLOTS))
                + " (parameters, their gradients and Adam's 2 numbers each, 2 x " + BATCH + " x the activations)";
    }

    private static String bytes(Volume v) {
        return MemoryEstimate.format(v.size() * MemoryEstimate.BYTES_PER_NUMBER);
    }
}
