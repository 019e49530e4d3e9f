package org.cnnlab.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a save goes, and the file-system chores around it: the hidden temporary file the bytes are written
 * to ({@code .model.cnnlab.<pid>.<random>.tmp}, so that a save killed half-way, even by {@code kill -9},
 * never damages the old file), the permissions the result should have, and the removal of temporary files
 * such killed saves left behind.
 *
 * <p><b>Permissions.</b> A new file gets what the user's umask gives any new file (usually
 * {@code rw-r--r--}); a file that is replaced keeps the permissions it had. <b>Leftovers.</b> Each save
 * removes, in its folder, the temporary files of saves whose process is gone (the process id is in the
 * name). Files in the older naming without a process id ({@code .model.cnnlab.<digits>.tmp}) are removed
 * once they are an hour old, as no save takes that long.
 */
final class SaveTarget {
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)\\.[0-9a-f]+\\.tmp");
    private static final Pattern OLD_TEMPORARY = Pattern.compile("\\..+\\.\\d+\\.tmp");
    private static final Duration OLD_ENOUGH = Duration.ofHours(1);

    private final Path path;
    private final Set<PosixFilePermission> previous;

    private SaveTarget(Path path, Set<PosixFilePermission> previous) {
        this.path = path;
        this.previous = previous;
    }

    static SaveTarget of(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("net.save needs a file name, but " + target + " is a folder.\n"
                    + "How to fix it: name a file inside it, e.g. " + target.resolve("model.cnnlab") + ".");
        }
        Set<PosixFilePermission> previous = null;
        try {
            if (Files.exists(target)) {
                previous = Files.getPosixFilePermissions(target);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or unreadable: the new file gets the default permissions
        }
        return new SaveTarget(target, previous);
    }

    Path path() {
        return path;
    }

    /** What is at the target now, for a message about a save that did not happen. */
    String before() {
        return Files.exists(path) ? "the file that was there is as it was" : "there was no file there before, nor is now";
    }

    /** Makes the folder, and removes temporary files that killed saves left in it. */
    Cleanup removeLeftovers() throws IOException {
        Files.createDirectories(path.getParent());
        int files = 0;
        long bytes = 0;
        try (Stream<Path> entries = Files.list(path.getParent())) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (isLeftover(p)) {
                    long size = Files.size(p);
                    if (deleteQuietly(p)) {
                        files++;
                        bytes += size;
                    }
                }
            }
        }
        return new Cleanup(files, bytes);
    }

    /** A new, empty hidden file next to the target, created with the permissions any new file gets. */
    Path newTemporary() throws IOException {
        String name = "." + path.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp";
        return Files.createFile(path.resolveSibling(name));
    }

    /** Gives the finished temporary file the permissions of the file it replaces, if there was one. */
    void keepPermissions(Path temp) throws IOException {
        if (previous != null) {
            Files.setPosixFilePermissions(temp, previous);
        }
    }

    /** Puts the finished temporary file in the target's place, in one atomic rename where the file system can. */
    void replaceWith(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean deleteQuietly(Path p) {
        if (p == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false; // a hidden temporary file is harmless; the save's own outcome is what matters
        }
    }

    private static boolean isLeftover(Path p) throws IOException {
        String name = p.getFileName().toString();
        Matcher m = TEMPORARY.matcher(name);
        if (m.matches()) {
            long pid = Long.parseLong(m.group(1));
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        if (OLD_TEMPORARY.matcher(name).matches() && Files.isRegularFile(p)) {
            FileTime modified = Files.getLastModifiedTime(p);
            return modified.toInstant().isBefore(Instant.now().minus(OLD_ENOUGH));
        }
        return false;
    }

    /** What {@link #removeLeftovers()} removed. */
    record Cleanup(int files, long bytes) {
    }
}
