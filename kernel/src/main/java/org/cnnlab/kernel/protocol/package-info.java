/** The Jupyter wire protocol: sockets, message signing and message types; it knows no programming language. */
package org.cnnlab.kernel.protocol;
