/** The cnnlab Jupyter kernel: wires the protocol layer to JShell evaluation, display and magics. */
package org.cnnlab.kernel;
