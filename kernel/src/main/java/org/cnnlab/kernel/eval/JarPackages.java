package org.cnnlab.kernel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.lang.model.SourceVersion;

/**
 * The packages (folders) that hold a file in each classpath jar, read from the jars' zip directories,
 * for {@link LazyClasspath}. Reading all 37 of the kernel's jars takes ~0.1 s of a start, so the answer is
 * kept in a cache file (the launcher names it; the first start writes it) and a jar is read again only when
 * its size or time changed.
 */
final class JarPackages {
    private static final String HEADER = "# cnnlab 2: the packages of each classpath jar (path, size, time, packages)";

    /** How the cache writes the unnamed package (classes at a jar's root). */
    private static final String UNNAMED = ".";

    private JarPackages() {}

    /** Packages ("a/b") per jar; a path that is not a readable zip file is left out. */
    static Map<Path, Set<String>> of(List<Path> jars, Optional<Path> cache) {
        Map<String, Entry> cached = cache.map(JarPackages::readCache).orElse(Map.of());
        Map<Path, Set<String>> result = new LinkedHashMap<>();
        Map<String, Entry> now = new LinkedHashMap<>();
        boolean changed = false;
        for (Path jar : jars) {
            Optional<Entry> e = stamp(jar).flatMap(s -> {
                Entry old = cached.get(jar.toString());
                return old != null && old.size == s.size && old.time == s.time ? Optional.of(old) : readJar(jar, s);
            });
            if (e.isPresent()) {
                changed |= e.get() != cached.get(jar.toString());
                now.put(jar.toString(), e.get());
                result.put(jar, e.get().packages);
            }
        }
        if (changed && cache.isPresent()) {
            write(cache.get(), now);
        }
        return result;
    }

    private record Entry(long size, long time, Set<String> packages) {}

    private static Optional<Entry> stamp(Path jar) {
        try {
            return Files.isRegularFile(jar)
                    ? Optional.of(new Entry(Files.size(jar), Files.getLastModifiedTime(jar).toMillis(), Set.of()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Entry> readJar(Path jar, Entry stamp) {
        Set<String> packages = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = versionless(entry.getName());
                int slash = name.lastIndexOf('/');
                if (entry.isDirectory()) {
                    continue;
                }
                if (slash >= 0) {
                    packages.add(name.substring(0, slash));
                } else if (isClass(name)) {
                    packages.add("");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new Entry(stamp.size, stamp.time, packages));
    }

    /**
     * At a jar's root, only a class javac would enter puts the jar in the unnamed package: javac looks that
     * package up at every start, and the licences and {@code module-info.class} most jars have at their root
     * would otherwise give it 11 of the kernel's jars, icu4j's 5,636 entries among them. (Other files in a
     * package only mark it as holding resources, which matters for imports; the unnamed package is never
     * imported.)
     */
    private static boolean isClass(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && (name.endsWith(".class") || name.endsWith(".java"))
                && SourceVersion.isIdentifier(name.substring(0, dot));
    }

    /** A multi-release jar's {@code META-INF/versions/11/a/b/C.class} is in package a/b for javac. */
    private static String versionless(String name) {
        String prefix = "META-INF/versions/";
        int slash = name.indexOf('/', prefix.length());
        return name.startsWith(prefix) && slash > 0 ? name.substring(slash + 1) : name;
    }

    private static Map<String, Entry> readCache(Path cache) {
        Map<String, Entry> entries = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return Map.of(); // written by another version of this class
            }
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && !line.startsWith("#")) {
                    Set<String> packages = new TreeSet<>();
                    for (String name : f[3].isEmpty() ? new String[0] : f[3].split(" ")) {
                        packages.add(name.equals(UNNAMED) ? "" : name);
                    }
                    entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), packages));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // no cache yet, or a damaged one: the jars are read again, and it is rewritten
        }
        return entries;
    }

    /** Best effort: where the kernel's folder is not writable, every start reads the jars. */
    private static void write(Path cache, Map<String, Entry> entries) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((jar, e) -> {
            if (!jar.contains("\t") && !jar.contains("\n")) {
                text.append(jar).append('\t').append(e.size).append('\t').append(e.time).append('\t')
                        .append(String.join(" ", e.packages.stream().map(n -> n.isEmpty() ? UNNAMED : n)
                                .toList())).append('\n');
            }
        });
        try {
            // Not createTempFile: its file is private to this user, and the kernel may be installed for all.
            Path tmp = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                // A kernel starting meanwhile reads the old file or the new one, never half of one (which could
                // lack packages): where the move cannot be atomic, nothing is written.
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // not writable: nothing lost but time
        }
    }
}
