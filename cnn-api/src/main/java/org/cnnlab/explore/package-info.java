/**
 * Interactive explorers: a convolution, a pooling or a whole network shown as a self-contained HTML page with
 * its own small JavaScript and every number embedded (no network, no round trip to a kernel), plus a static
 * picture for viewers that run no scripts.
 */
package org.cnnlab.explore;
