/**
 * What cnn-api draws, as MIME bundles, and the display host that shows them: a notebook, a terminal, or
 * nothing. Nothing here knows Jupyter; the kernel installs its own {@link org.cnnlab.render.DisplayHost}.
 */
package org.cnnlab.render;
