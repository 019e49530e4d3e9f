/** Launchers: the JShell REPL's start-up script (the kernelspec itself is assembled by the build). */
package org.cnnlab.kernel.launch;
