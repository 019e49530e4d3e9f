/**
 * Shape arithmetic of convolution and pooling, exact and explained: the single source of truth for every
 * size that summaries, error messages, the by-hand convolution and the DJL blocks use.
 */
package org.cnnlab.geometry;
