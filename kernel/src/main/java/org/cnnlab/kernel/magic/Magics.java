package org.cnnlab.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The magics a cell may use, and how a cell is cut into Java code and magic lines. A line whose first
 * non-blank character is {@code %} is a magic; {@code %%time} as the first line times the whole cell.
 */
public final class Magics {
    private final Map<String, Magic> byName = new TreeMap<>();

    /** A piece of a cell: Java source, or one magic line. */
    public record Part(boolean magic, String text, int firstLine) {}

    public Magics() {
        for (Magic m : List.of(new TimeMagic(), new ClasspathMagic(), new JarsMagic(), new LoadMagic(),
                new MavenMagic(MavenResolver.standard()), new SeedMagic(), new DeviceMagic())) {
            register(m);
        }
        ServiceLoader.load(Magic.class).forEach(this::register);
    }

    /** Adds (or replaces) a magic: the hook for cnn-api's own, such as {@code %device} or {@code %seed}. */
    public void register(Magic magic) {
        byName.put(magic.name(), magic);
    }

    public static boolean isCellTimed(String cell) {
        return cell.stripLeading().startsWith("%%time");
    }

    /** The cell without its {@code %%time} line. */
    public static String withoutCellMagic(String cell) {
        String s = cell.stripLeading();
        int nl = s.indexOf('\n');
        return nl < 0 ? "" : "\n".repeat(1) + s.substring(nl + 1);
    }

    public static boolean hasMagic(String cell) {
        for (String line : cell.split("\n", -1)) {
            if (line.stripLeading().startsWith("%")) {
                return true;
            }
        }
        return false;
    }

    /** Splits a cell into runs of Java lines and single magic lines, in order. */
    public static List<Part> parts(String cell) {
        List<Part> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("%")) {
                if (!java.toString().isBlank()) {
                    parts.add(new Part(false, java.toString(), javaStart));
                }
                java.setLength(0);
                parts.add(new Part(true, line.strip().substring(1), i + 1));
                javaStart = i + 2;
            } else {
                java.append(line).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            parts.add(new Part(false, java.toString(), javaStart));
        }
        return parts;
    }

    /** Runs one magic line ({@code name arguments}, without its {@code %}). */
    public Optional<Object> run(String line, MagicContext context) throws Exception {
        String name = line.split("\\s+", 2)[0];
        String args = line.length() > name.length() ? line.substring(name.length()).trim() : "";
        if (name.equals("lsmagic")) {
            byName.values().forEach(m -> context.out().println(m.help()));
            return Optional.empty();
        }
        Magic magic = byName.get(name);
        if (magic == null) {
            throw new MagicException("Unknown magic %" + name + ". Known: %" + String.join(", %", byName.keySet())
                    + " (and %%time on a cell's first line); %lsmagic explains them.");
        }
        return magic.run(args, context);
    }
}
