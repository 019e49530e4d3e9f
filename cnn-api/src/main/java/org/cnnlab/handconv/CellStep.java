package org.cnnlab.handconv;

/** One output cell worked out by hand, by convolution or pooling: which map, where, and its value. */
interface CellStep {
    /** The output map (Java index): the filter of a bank, or the channel that was pooled. */
    int map();

    int row();

    int col();

    double value();
}
