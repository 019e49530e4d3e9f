package org.cnnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the four idx files in a folder under any of the names they travel by: upstream's gzipped
 * {@code train-images-idx3-ubyte.gz}, unzipped {@code train-images-idx3-ubyte}, or the dotted
 * {@code train-images.idx3-ubyte} that some mirrors use.
 */
final class IdxFolder {
    private IdxFolder() {}

    /** The files present, keyed by their upstream name (see {@link IdxCollection#FILES}). */
    static Map<String, Path> find(Path folder) {
        Map<String, Path> found = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return found;
        }
        for (String name : IdxCollection.FILES) {
            for (String variant : variants(name)) {
                Path candidate = folder.resolve(variant);
                if (Files.isRegularFile(candidate)) {
                    found.put(name, candidate);
                    break;
                }
            }
        }
        return found;
    }

    /** The upstream names of the files {@code found} lacks. */
    static List<String> missing(Map<String, Path> found) {
        List<String> missing = new ArrayList<>(IdxCollection.FILES);
        missing.removeAll(found.keySet());
        return missing;
    }

    /** What a lookup of {@code folder} found, for an error message. */
    static String describe(Path folder, Map<String, Path> found) {
        if (folder == null) {
            return "none";
        }
        if (!Files.exists(folder)) {
            return "does not exist";
        }
        if (!Files.isDirectory(folder)) {
            return "is a file, not a folder";
        }
        return found.isEmpty() ? "holds none of the four files" : "lacks " + String.join(", ", missing(found));
    }

    private static List<String> variants(String gzName) {
        String plain = gzName.substring(0, gzName.length() - ".gz".length());
        String dotted = plain.replace("-idx", ".idx");
        return List.of(gzName, plain, dotted, dotted + ".gz");
    }
}
