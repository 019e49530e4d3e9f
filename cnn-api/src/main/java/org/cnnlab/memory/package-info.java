/** How many bytes a network needs (parameters, gradients, optimizer state, activations) and whether they fit. */
package org.cnnlab.memory;
