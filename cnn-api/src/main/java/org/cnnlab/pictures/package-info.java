/**
 * Pictures of what a CNN learns and computes: filters, feature maps, the layer stack. Each is a
 * {@link org.cnnlab.render.Displayable} with a PNG (or SVG) and a text form, painted the same way every
 * time from the same numbers, on a shared toolkit of colour maps and a tile grid.
 */
package org.cnnlab.pictures;
