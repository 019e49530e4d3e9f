/**
 * Convolution and pooling worked out by hand on small matrices, every output cell with its arithmetic
 * written out, and pictures of each step (HTML tables, an animated GIF) that need no JavaScript.
 *
 * <p>Start at {@link org.cnnlab.Conv#byHand(int[][], int[][])} and {@link org.cnnlab.Pool#max(int[][], int)}.
 * Sizes come from {@link org.cnnlab.geometry.SizeRule}, the same rule the model builder uses, so a filter
 * that does not fit is explained here with the very words a network description would use.
 */
package org.cnnlab.handconv;
