package org.cnnlab.kernel.input;

/** Asks the user for one line (the kernel's stdin channel); blocks until it comes. */
@FunctionalInterface
public interface LineSource {
    /**
     * The line typed, without its line end ({@code password} asks the front end to hide what is typed); null
     * when the front end accepts no input.
     */
    String readLine(String prompt, boolean password) throws InterruptedException;
}
