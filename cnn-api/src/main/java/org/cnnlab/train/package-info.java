/**
 * Teaching a network from examples: {@link org.cnnlab.train.Fit} runs the training loop,
 * {@link org.cnnlab.train.History} records what happened, {@link org.cnnlab.train.Evaluation} measures the
 * result, and {@link org.cnnlab.train.ModelFile} saves and reloads trained networks.
 */
package org.cnnlab.train;
