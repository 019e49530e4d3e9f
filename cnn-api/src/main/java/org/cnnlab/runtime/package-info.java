/** One start-up routine that makes DJL offline, quiet and fast before anything touches the engine. */
package org.cnnlab.runtime;
