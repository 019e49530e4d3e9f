/** Input typed by the notebook's user: {@code System.in} and the prompts a cell shows, over the stdin channel. */
package org.cnnlab.kernel.input;
