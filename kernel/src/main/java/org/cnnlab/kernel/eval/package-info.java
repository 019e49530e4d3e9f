/** Evaluation: JShell in this process, interrupt, error formatting and state across cells; it knows no sockets. */
package org.cnnlab.kernel.eval;
