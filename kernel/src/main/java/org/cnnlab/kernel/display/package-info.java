/** Display: turns values into MIME bundles, sends them to the executing cell, and keeps display ids for updates. */
package org.cnnlab.kernel.display;
