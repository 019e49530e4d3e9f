/**
 * What the network looked at: saliency maps and Grad-CAM, which pixels of an image decided a class score,
 * drawn over the image.
 */
package org.cnnlab.explain;
