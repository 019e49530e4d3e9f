package org.cnnlab.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's file manager for JShell, giving javac a classpath jar only once it asks for a package that jar
 * holds. javac opens every jar of its classpath, and walks every entry of each, at its first package
 * lookup: with the kernel's 37 jars (fastutil alone has 12,811 entries) that was ~0.3 s of the first cell,
 * although the default imports need 5 of them. Which packages each jar holds is known beforehand
 * ({@link JarPackages}); javac then sees the classpath in its order, holding every jar that has the package
 * it looks up, so what it finds is what it would find with all of them.
 *
 * <p>Folders and entries that cannot be read as zip files are always given (javac reports about them as
 * before). A recursive listing, a resource lookup or a containment test gives javac the whole classpath. The
 * classpath reported to JShell (which indexes it for completion) is the whole one.
 */
final class LazyClasspath extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private final Optional<Path> indexCache;
    private final List<Path> classpath = new ArrayList<>();
    /** Package ("a/b") to the jars that hold a file directly in it. */
    private final Map<String, Set<Path>> jarsByPackage = new HashMap<>();
    private final Set<Path> given = new HashSet<>();

    /**
     * @param indexCache where the packages of the jars are kept between starts ({@link JarPackages}); empty to
     *        read the jars at every start
     */
    LazyClasspath(StandardJavaFileManager javac, Optional<Path> indexCache) {
        super(javac);
        this.indexCache = indexCache;
        try {
            useJavacClasspath();
        } catch (IOException | RuntimeException e) {
            giveAll(); // javac keeps the classpath it had
        }
    }

    /** Sets javac's whole classpath, as javac expands it (jars' Class-Path manifests), then gives it lazily. */
    private void setClasspath(Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, paths);
        useJavacClasspath();
    }

    private void useJavacClasspath() throws IOException {
        List<Path> paths = new ArrayList<>();
        Iterable<? extends Path> now = fileManager.getLocationAsPaths(StandardLocation.CLASS_PATH);
        if (now != null) {
            now.forEach(paths::add);
        }
        useClasspath(paths);
    }

    /** The classpath javac has now (for tests). */
    Iterable<? extends Path> javacClasspath() {
        return fileManager.getLocationAsPaths(StandardLocation.CLASS_PATH);
    }

    private void useClasspath(List<Path> paths) throws IOException {
        classpath.clear();
        classpath.addAll(paths);
        jarsByPackage.clear();
        Map<Path, Set<String>> packages = JarPackages.of(paths, indexCache);
        for (Path p : paths) {
            if (packages.containsKey(p)) {
                packages.get(p).forEach(name -> jarsByPackage.computeIfAbsent(name, k -> new HashSet<>()).add(p));
            } else {
                given.add(p); // a folder, or not a zip file: javac decides what it is
            }
        }
        updateJavac();
    }

    /** javac's classpath: the given entries, in the classpath's order. */
    private void updateJavac() throws IOException {
        List<Path> now = new ArrayList<>();
        for (Path p : classpath) {
            if (given.contains(p)) {
                now.add(p);
            }
        }
        fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, now);
    }

    private void giveJarsOf(String packageName) throws IOException {
        Set<Path> jars = jarsByPackage.getOrDefault(packageName.replace('.', '/'), Set.of());
        if (!given.containsAll(jars)) {
            given.addAll(jars);
            updateJavac();
        }
    }

    private void giveAll() {
        if (!given.containsAll(classpath)) {
            given.addAll(classpath);
            try {
                updateJavac();
            } catch (IOException e) {
                // javac keeps the classpath it had
            }
        }
    }

    private static boolean isClasspath(Location location) {
        return location == StandardLocation.CLASS_PATH;
    }

    @Override
    public synchronized Iterable<JavaFileObject> list(Location location, String packageName,
                                                      Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        if (isClasspath(location)) {
            if (recurse) {
                giveAll();
            } else {
                giveJarsOf(packageName);
            }
        }
        return super.list(location, packageName, kinds, recurse);
    }

    @Override
    public synchronized JavaFileObject getJavaFileForInput(Location location, String className,
                                                           JavaFileObject.Kind kind) throws IOException {
        if (isClasspath(location)) {
            int dot = className.lastIndexOf('.');
            giveJarsOf(dot < 0 ? "" : className.substring(0, dot));
        }
        return super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public synchronized FileObject getFileForInput(Location location, String packageName, String relativeName)
            throws IOException {
        if (isClasspath(location)) {
            giveAll();
        }
        return super.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public synchronized boolean contains(Location location, FileObject file) throws IOException {
        if (isClasspath(location)) {
            giveAll();
        }
        return super.contains(location, file);
    }

    /**
     * javac asks for this loader at every task to find annotation processors, even with {@code -proc:none}
     * (JShell's), and then never uses it: a loader over the whole classpath, which opens no jar until used.
     */
    @Override
    public synchronized ClassLoader getClassLoader(Location location) {
        if (!isClasspath(location)) {
            return super.getClassLoader(location);
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                // javac would have refused the classpath before this
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), fileManager.getClass().getClassLoader());
    }

    /** JShell's {@code addToClasspath} passes the whole new classpath as {@code -classpath}. */
    @Override
    public synchronized boolean handleOption(String current, java.util.Iterator<String> remaining) {
        if ((current.equals("-classpath") || current.equals("--class-path") || current.equals("-cp"))
                && remaining.hasNext()) {
            List<Path> paths = new ArrayList<>();
            for (String p : remaining.next().split(File.pathSeparator)) {
                if (!p.isEmpty()) {
                    paths.add(Path.of(p));
                }
            }
            try {
                setClasspath(paths);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the classpath " + paths + ": " + e.getMessage(), e);
            }
            return true;
        }
        return super.handleOption(current, remaining);
    }

    // StandardJavaFileManager: forwarded, with the whole classpath reported.

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public synchronized void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (isClasspath(location)) {
            List<Path> paths = new ArrayList<>();
            files.forEach(f -> paths.add(f.toPath()));
            setClasspath(paths);
        } else {
            fileManager.setLocation(location, files);
        }
    }

    @Override
    public synchronized void setLocationFromPaths(Location location, Collection<? extends Path> paths)
            throws IOException {
        if (isClasspath(location)) {
            setClasspath(paths);
        } else {
            fileManager.setLocationFromPaths(location, paths);
        }
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public synchronized Iterable<? extends File> getLocation(Location location) {
        if (isClasspath(location)) {
            List<File> files = new ArrayList<>();
            classpath.forEach(p -> files.add(p.toFile()));
            return files;
        }
        return fileManager.getLocation(location);
    }

    @Override
    public synchronized Iterable<? extends Path> getLocationAsPaths(Location location) {
        return isClasspath(location) ? List.copyOf(classpath) : fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}
