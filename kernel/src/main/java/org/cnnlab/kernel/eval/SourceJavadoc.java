package org.cnnlab.kernel.eval;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc from source jars for what JShell documents without it. JShell reads javadoc only from the JDK's
 * own {@code src.zip} (JDK 17 has no API to add source locations), so the kernelspec carries cnn-api's
 * {@code -sources.jar} and this class finds a member's comment there: JShell's signature names the class
 * and member, javac's public tree API parses that one file (once, then cached) and reads its comments.
 */
final class SourceJavadoc {
    /** A documented declaration of a source file: its owner classes and name, parameter types, comment. */
    private record Declared(String owner, String name, List<String> parameters, String comment) {}

    private final Map<String, List<JarSource>> filesBySimpleName = new HashMap<>();
    private final Map<String, List<Declared>> parsed = new ConcurrentHashMap<>();

    private record JarSource(Path jar, String entry) {}

    /** Every {@code *-sources.jar} in {@code folder}; none when it does not exist. */
    SourceJavadoc(Optional<Path> folder) {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder.get(), "*-sources.jar")) {
            for (Path jar : jars) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    j.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".java")).forEach(n -> {
                        String simple = n.substring(n.lastIndexOf('/') + 1, n.length() - ".java".length());
                        filesBySimpleName.computeIfAbsent(simple, k -> new ArrayList<>()).add(new JarSource(jar, n));
                    });
                }
            }
        } catch (IOException e) {
            // No documentation then; inspect still shows signatures.
        }
    }

    /** The folder the launcher names in {@code -Dcnnlab.sources}. */
    static SourceJavadoc fromSystemProperty() {
        return new SourceJavadoc(Optional.ofNullable(System.getProperty("cnnlab.sources")).map(Path::of));
    }

    /** The comment of what JShell's {@code signature} describes, e.g. {@code Cnn Cnn.input(int, int, int)}. */
    Optional<String> javadoc(String signature) {
        if (filesBySimpleName.isEmpty()) {
            return Optional.empty();
        }
        int paren = signature.indexOf('(');
        String head = (paren < 0 ? signature : signature.substring(0, paren)).strip();
        head = head.replaceAll("<[^<>]*>", "").replaceAll("<[^<>]*>", "");
        int colon = head.indexOf(':');
        if (colon >= 0) {
            head = head.substring(0, colon); // a field: "Cnn.x:int"
        }
        String path = head.substring(head.lastIndexOf(' ') + 1);
        List<String> segments = new ArrayList<>(List.of(path.split("\\.")));
        while (!segments.isEmpty() && !Character.isUpperCase(segments.get(0).charAt(0))) {
            segments.remove(0); // the package
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String name = segments.remove(segments.size() - 1);
        String owner = String.join(".", segments);
        List<String> parameters = paren < 0 ? null : parameterTypes(signature.substring(paren + 1, signature.lastIndexOf(')')));
        String topLevel = segments.isEmpty() ? name : segments.get(0);
        List<Declared> candidates = new ArrayList<>();
        for (JarSource source : filesBySimpleName.getOrDefault(topLevel, List.of())) {
            for (Declared d : parsed.computeIfAbsent(source.jar() + "!" + source.entry(), k -> parse(source))) {
                // A constructor is recorded like JShell names it: owner "Outer", name "Inner" for Outer.Inner(...).
                if (d.name().equals(name) && d.owner().equals(owner)) {
                    candidates.add(d);
                }
            }
        }
        return candidates.stream()
                .filter(d -> parameters == null || candidates.size() == 1 || d.parameters().equals(parameters))
                .map(Declared::comment).findFirst();
    }

    /** "int channels, java.util.List<Layer> layers" → [int, List]; "int, int" → [int, int]. */
    static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : (list + ",").toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String p = current.toString().strip();
                if (!p.isEmpty()) {
                    types.add(simpleType(p.contains(" ") && !p.endsWith("]") && !p.endsWith("...")
                            ? p.substring(0, p.lastIndexOf(' ')) : p));
                }
                current.setLength(0);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        return types;
    }

    private static String simpleType(String type) {
        String t = type.strip().replace("...", "[]").replace(" ", "");
        String dims = t.contains("[") ? t.substring(t.indexOf('[')) : "";
        String base = t.contains("[") ? t.substring(0, t.indexOf('[')) : t;
        return base.substring(base.lastIndexOf('.') + 1) + dims;
    }

    private static List<Declared> parse(JarSource source) {
        try (JarFile jar = new JarFile(source.jar().toFile()); InputStream in = jar.getInputStream(jar.getEntry(source.entry()))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + source.entry()),
                    javax.tools.JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
            DocTrees trees = DocTrees.instance(task);
            List<Declared> found = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree node, String owner) {
                        String name = node.getSimpleName().toString();
                        add(owner, name, null);
                        return super.visitClass(node, owner.isEmpty() ? name : owner + "." + name);
                    }

                    @Override
                    public Void visitMethod(MethodTree node, String owner) {
                        List<String> params = new ArrayList<>();
                        for (VariableTree p : node.getParameters()) {
                            params.add(simpleType(p.getType().toString().replaceAll("<.*>", "")));
                        }
                        String name = node.getName().contentEquals("<init>")
                                ? owner.substring(owner.lastIndexOf('.') + 1) : node.getName().toString();
                        String methodOwner = node.getName().contentEquals("<init>") && owner.contains(".")
                                ? owner.substring(0, owner.lastIndexOf('.')) : node.getName().contentEquals("<init>") ? "" : owner;
                        add(methodOwner, name, params);
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree node, String owner) {
                        if (getCurrentPath().getParentPath().getLeaf().getKind() != Tree.Kind.METHOD) {
                            add(owner, node.getName().toString(), null);
                        }
                        return null;
                    }

                    private void add(String owner, String name, List<String> params) {
                        String comment = trees.getDocComment(getCurrentPath());
                        if (comment != null && !comment.isBlank()) {
                            found.add(new Declared(owner, name, params == null ? List.of() : params, comment.strip()));
                        }
                    }
                }.scan(unit, "");
            }
            return found;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
