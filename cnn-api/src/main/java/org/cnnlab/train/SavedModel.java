package org.cnnlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cnnlab.memory.MemoryEstimate;

/**
 * What {@code net.save(path)} left on disk, read back from the file system after the save: where, how big,
 * with which permissions, how much history it holds, and what else the save did (removing temporary files
 * that earlier, killed saves left behind). Shown in a notebook, it is one line.
 *
 * @param path          the saved file
 * @param bytes         its size on disk
 * @param permissions   its permissions, e.g. {@code rw-r--r--} (empty where the file system has none)
 * @param epochs        epochs of training history saved with it
 * @param leftovers     temporary files of earlier, killed saves removed from the folder
 * @param leftoverBytes their total size
 * @param lateInterrupt true when an interrupt arrived after the file was already in place (it was answered
 *                      and cleared: the save had happened)
 */
public record SavedModel(Path path, long bytes, String permissions, int epochs, int leftovers, long leftoverBytes,
                         boolean lateInterrupt) {
    static SavedModel of(Path path, int epochs, SaveTarget.Cleanup cleanup, boolean lateInterrupt) throws IOException {
        String permissions;
        try {
            permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (UnsupportedOperationException e) {
            permissions = "";
        }
        return new SavedModel(path, Files.size(path), permissions, epochs, cleanup.files(), cleanup.bytes(),
                lateInterrupt);
    }

    @Override
    public String toString() {
        return "Saved the network to " + path + " (" + MemoryEstimate.format(bytes)
                + (permissions.isEmpty() ? "" : ", " + permissions) + ", " + epochs
                + (epochs == 1 ? " epoch" : " epochs") + " of history)."
                + (leftovers == 0 ? "" : " Removed " + leftovers + " temporary file" + (leftovers == 1 ? "" : "s")
                        + " (" + MemoryEstimate.format(leftoverBytes) + ") left by an earlier save that was killed.")
                + (lateInterrupt ? " An interrupt arrived after the file was in place: the save is complete." : "");
    }
}
