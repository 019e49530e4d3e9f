/**
 * A network described the way a course describes it, as a list of layers over an input volume, with every
 * shape, parameter count and receptive field computed exactly. Pure arithmetic: nothing here touches DJL.
 */
package org.cnnlab.model;
