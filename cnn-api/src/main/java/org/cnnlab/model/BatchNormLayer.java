package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015, arXiv:1502.03167): each channel is shifted and scaled to
 * zero mean and unit variance over the batch, then by a learned scale (gamma) and shift (beta). It lets
 * deeper networks train with larger learning rates. It learns 2 numbers per channel; the running mean and
 * variance it also keeps are statistics, not learned, and are not counted.
 */
public record BatchNormLayer() implements Layer {

    @Override
    public String kind() {
        return "batchNorm";
    }

    @Override
    public String describe() {
        return "batch norm";
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        return input;
    }

    @Override
    public long parameterCount(Volume input) {
        return 2L * input.channels();
    }

    @Override
    public String toText() {
        return "batchNorm";
    }
}
