/**
 * Showing a fit as it runs: a progress line in a terminal; a progress bar and a live loss curve in a
 * notebook, redrawn at a rate bounded by what drawing costs.
 */
package org.cnnlab.train.progress;
