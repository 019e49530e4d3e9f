package org.cnnlab.kernel.magic;

import java.util.Optional;

/**
 * A line magic, {@code %name arguments}. Others can add their own (a cnn-api {@code %device} or
 * {@code %seed}) by listing a class in {@code META-INF/services/org.cnnlab.kernel.magic.Magic}.
 */
public interface Magic {
    String name();

    /** One line for {@code %lsmagic}. */
    String help();

    /** Runs the magic; returns a value to show as the cell's result when it is the cell's last line. */
    Optional<Object> run(String arguments, MagicContext context) throws Exception;
}
