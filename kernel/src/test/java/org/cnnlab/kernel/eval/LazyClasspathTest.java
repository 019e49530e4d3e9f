package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JShell compiling against {@link LazyClasspath}: it finds what it would find with every jar, in classpath
 * order, while javac is given only the jars of the packages it looked up. The jars are compiled here.
 */
class LazyClasspathTest {
    @TempDir
    Path dir;

    private JShell shell;
    private final AtomicReference<LazyClasspath> lazy = new AtomicReference<>();

    @AfterEach
    void close() {
        if (shell != null) {
            shell.close();
        }
    }

    private JShell shellWith(Path... jars) {
        shell = JShell.builder().executionEngine("local")
                .fileManager(javac -> {
                    lazy.set(new LazyClasspath(javac, Optional.of(dir.resolve("index.txt"))));
                    return lazy.get();
                })
                .build();
        for (Path jar : jars) {
            shell.addToClasspath(jar.toString());
        }
        return shell;
    }

    private SnippetEvent eval(String code) {
        List<SnippetEvent> events = shell.eval(code);
        SnippetEvent main = events.get(0);
        assertEquals(Snippet.Status.VALID, main.status(), () -> code + ": "
                + shell.diagnostics(main.snippet()).map(d -> d.getMessage(null)).toList());
        assertEquals(null, main.exception(), code);
        return main;
    }

    private List<Path> givenToJavac() {
        List<Path> paths = new ArrayList<>();
        lazy.get().javacClasspath().forEach(paths::add);
        return paths;
    }

    @Test
    void javacIsGivenOnlyTheJarsOfThePackagesItLooksUp() throws IOException {
        Path a = jar("a.jar", Map.of("p/A.java", "package p; public class A { public int n() { return 7; } }"));
        Path b = jar("b.jar", Map.of("q/B.java", "package q; public class B {}"));
        Path big = jar("big.jar", Map.of("r/C.java", "package r; public class C {}"));
        shellWith(a, b, big);
        assertEquals("7", eval("new p.A().n()").value());
        List<Path> given = givenToJavac();
        assertTrue(given.contains(a), given.toString());
        assertFalse(given.contains(b), given.toString());
        assertFalse(given.contains(big), given.toString());

        assertEquals(Snippet.Status.VALID, eval("import r.*;").status());
        assertTrue(givenToJavac().contains(big));
    }

    @Test
    void theFirstJarOnTheClasspathWinsEvenWhenJavacNeededTheSecondFirst() throws IOException {
        Path first = jar("first.jar", Map.of("p/Same.java", "package p; public class Same { public int who() { return 1; } }"));
        Path second = jar("second.jar", Map.of(
                "p/Same.java", "package p; public class Same { public String who() { return \"second\"; } }",
                "q/Only.java", "package q; public class Only {}"));
        shellWith(first, second);
        eval("new q.Only()"); // javac is given second.jar first
        SnippetEvent who = eval("var who = new p.Same().who();");
        assertEquals("int", ((jdk.jshell.VarSnippet) who.snippet()).typeName());
        assertEquals("1", who.value());
        List<Path> given = givenToJavac();
        assertTrue(given.indexOf(first) >= 0 && given.indexOf(first) < given.indexOf(second), given.toString());
    }

    @Test
    void aJarAddedLaterIsFoundAndAPackageNoJarHoldsIsAnError() throws IOException {
        shellWith(jar("a.jar", Map.of("p/A.java", "package p; public class A {}")));
        eval("new p.A()");
        List<SnippetEvent> missing = shell.eval("new z.Z()");
        assertEquals(Snippet.Status.REJECTED, missing.get(0).status());
        shell.addToClasspath(jar("z.jar", Map.of("z/Z.java", "package z; public class Z { public String toString() { return \"zed\"; } }")).toString());
        assertEquals("\"zed\"", eval("new z.Z().toString()").value());
    }

    @Test
    void completionStillKnowsTheClassesOfJarsJavacWasNotGiven() throws Exception {
        Path big = jar("big.jar", Map.of("r/Rare.java", "package r; public class Rare {}"));
        shellWith(big);
        eval("1 + 1");
        assertFalse(givenToJavac().contains(big));
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.QualifiedNames names;
        do { // JShell indexes the classpath in the background and says when its answer is up to date
            names = analysis.listQualifiedNames("Rare", 4);
        } while (!names.isUpToDate());
        assertEquals(List.of("r.Rare"), names.getNames());
    }

    @Test
    void foldersAndFilesThatAreNotJarsAreGivenToJavacAsTheyAre() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes"));
        Path notAZip = Files.writeString(dir.resolve("broken.jar"), "not a zip file");
        shellWith(folder, notAZip); // (javac then fails every cell: JShellEvaluator refuses such a file)
        List<Path> given = givenToJavac();
        assertTrue(given.contains(folder), given.toString());
        assertTrue(given.contains(notAZip), given.toString());
    }

    @Test
    void aMultiReleaseClassIsInItsPackageAndTheRootHoldsOnlyClasses() throws IOException {
        Path multi = zip("multi.jar", Map.of(
                "META-INF/versions/11/m/M.class", "",
                "module-info.class", "",
                "LICENSE", "text",
                "Top.class", ""));
        Path licence = zip("licence.jar", Map.of("LICENSE", "text", "META-INF/versions/9/module-info.class", ""));
        Map<Path, Set<String>> packages = JarPackages.of(List.of(multi, licence), Optional.empty());
        assertTrue(packages.get(multi).contains("m"), packages.toString());
        assertTrue(packages.get(multi).contains(""), "Top.class is in the unnamed package: " + packages);
        assertFalse(packages.get(licence).contains(""), "a licence and module-info are not classes: " + packages);
    }

    @Test
    void theCacheIsReadWhileAJarIsUnchangedAndReadAgainWhenItChanges() throws IOException {
        Path a = zip("a.jar", Map.of("p/A.class", ""));
        Path cache = dir.resolve("index.txt");
        assertEquals(Set.of("p"), JarPackages.of(List.of(a), Optional.of(cache)).get(a));
        assertTrue(Files.readString(cache).contains(a + "\t"), "the first call writes the cache");

        // A cache that says otherwise for the unchanged jar is believed: it is what is read.
        Files.writeString(cache, Files.readString(cache).replace("\tp\n", "\tfromcache\n"));
        assertEquals(Set.of("fromcache"), JarPackages.of(List.of(a), Optional.of(cache)).get(a));

        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 2000));
        assertEquals(Set.of("p"), JarPackages.of(List.of(a), Optional.of(cache)).get(a));

        Files.writeString(cache, "garbage\n\t\t\n");
        assertEquals(Set.of("p"), JarPackages.of(List.of(a), Optional.of(cache)).get(a));
        assertTrue(Files.readString(cache).contains(a + "\t"), "a damaged cache is written again");
    }

    /** A jar of the classes compiled from {@code sources} (path in the jar to source). */
    private Path jar(String name, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src"));
        Path out = Files.createDirectories(dir.resolve(name + "-classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            files.add(Files.writeString(f, e.getValue()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            assertTrue(javac.getTask(null, fm, null, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files))
                    .call(), "test sources compile");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                entries.put(out.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return write(name, entries);
    }

    /** A zip of text entries: enough for the index, which reads names only. */
    private Path zip(String name, Map<String, String> entries) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return write(name, bytes);
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }
}
