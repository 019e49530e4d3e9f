package org.cnnlab.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds an artifact's jars: with Maven installed, its dependency plugin resolves the artifact and its
 * dependencies (offline from ~/.m2 first, then from the remotes in settings.xml); without Maven, the
 * artifact's own jar is taken from ~/.m2 alone, without its dependencies.
 */
final class MavenResolver {
    private final Path localRepository;

    MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
    }

    static MavenResolver standard() {
        return new MavenResolver(Paths.get(System.getProperty("user.home"), ".m2", "repository"));
    }

    List<Path> resolve(String coordinates) throws MagicException {
        String[] gav = coordinates.trim().split(":");
        if (gav.length != 3 || gav[0].isBlank() || gav[1].isBlank() || gav[2].isBlank()) {
            throw new MagicException("%maven needs group:artifact:version, e.g. %maven org.apache.commons:"
                    + "commons-math3:3.6.1; got '" + coordinates.trim() + "'.");
        }
        Path mvn = findMaven();
        if (mvn != null) {
            List<Path> offline = withMaven(mvn, gav, true);
            if (!offline.isEmpty()) {
                return offline;
            }
            List<Path> online = withMaven(mvn, gav, false);
            if (!online.isEmpty()) {
                return online;
            }
        }
        Path jar = localJar(gav);
        if (Files.isRegularFile(jar)) {
            return List.of(jar);
        }
        throw new MagicException("%maven: cannot resolve " + coordinates.trim() + ": it is not in "
                + localRepository + (mvn == null ? " and Maven (mvn) is not installed"
                : " and Maven could not download it (offline, or not on the configured repositories)")
                + ". Put the jar somewhere and use %jars <path> instead.");
    }

    Path localJar(String[] gav) {
        return localRepository.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    private List<Path> withMaven(Path mvn, String[] gav, boolean offline) throws MagicException {
        try {
            Path dir = Files.createTempDirectory("cnnlab-maven");
            Path pom = dir.resolve("pom.xml");
            Path out = dir.resolve("classpath.txt");
            Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>cnnlab</groupId>"
                    + "<artifactId>magic</artifactId><version>1</version><dependencies><dependency>"
                    + "<groupId>" + gav[0] + "</groupId><artifactId>" + gav[1] + "</artifactId><version>" + gav[2]
                    + "</version></dependency></dependencies></project>", StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-f", pom.toString()));
            if (offline) {
                cmd.add("-o");
            }
            cmd.addAll(List.of("dependency:build-classpath", "-Dmdep.outputFile=" + out,
                    "-Dmdep.includeScope=runtime"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mvn.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            if (p.exitValue() != 0 || !Files.exists(out)) {
                return List.of();
            }
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(out).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Paths.get(entry));
                }
            }
            return jars;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagicException("%maven was interrupted");
        }
    }

    private static Path findMaven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, "mvn");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
