/** Magics: lines starting with {@code %} that the kernel handles itself ({@code %maven}, {@code %time}, ...). */
package org.cnnlab.kernel.magic;
