/** Turns a network description into a real DJL block, one DJL block per described layer. */
package org.cnnlab.engine;
