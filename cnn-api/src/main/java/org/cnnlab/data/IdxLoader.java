package org.cnnlab.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads MNIST or Fashion-MNIST from its four idx files, searching the places of an {@link IdxSources} in
 * order and never falling back silently: when nothing is found or fetched, the exception lists every place
 * tried and every way to fix it.
 */
final class IdxLoader {
    private IdxLoader() {}

    /** Looks in the user's folder, then the system folder, then downloads into the user's folder. */
    static DatasetPair find(IdxCollection c, IdxSources sources) {
        List<String> tried = new ArrayList<>();
        Map<String, Path> user = IdxFolder.find(sources.userFolder());
        if (IdxFolder.missing(user).isEmpty()) {
            return read(c, user, sources.userFolder() + " (your dataset folder)", userFolderFix(sources));
        }
        tried.add(sources.userFolder() + " (your dataset folder): " + IdxFolder.describe(sources.userFolder(), user));
        if (sources.systemFolder() != null) {
            Map<String, Path> system = IdxFolder.find(sources.systemFolder());
            String label = sources.systemFolder() + systemLabel(c);
            if (IdxFolder.missing(system).isEmpty()) {
                return read(c, system, label, systemFolderFix(c));
            }
            tried.add(label + ": " + IdxFolder.describe(sources.systemFolder(), system));
        }
        if (!sources.downloadAllowed()) {
            tried.add("download from " + sources.baseUrl() + ": switched off (" + Settings.DOWNLOAD_PROPERTY
                    + "=false or " + Settings.DOWNLOAD_ENV + "=false)");
            throw notFound(c, sources, tried);
        }
        try {
            downloadMissing(sources, user);
        } catch (IOException e) {
            tried.add("download from " + sources.baseUrl() + ": failed: " + e);
            throw notFound(c, sources, tried);
        }
        return read(c, IdxFolder.find(sources.userFolder()), sources.userFolder() + " (downloaded from "
                + sources.baseUrl() + ")", userFolderFix(sources));
    }

    /** Loads from exactly {@code folder}, the place a user named; looks nowhere else. */
    static DatasetPair fromFolder(IdxCollection c, Path folder) {
        Map<String, Path> found = IdxFolder.find(folder);
        List<String> missing = IdxFolder.missing(found);
        if (!missing.isEmpty()) {
            throw new DatasetException(c.title + " is not complete in " + folder + ": it "
                    + IdxFolder.describe(folder, found) + ". Expected the four files "
                    + String.join(", ", IdxCollection.FILES) + " (gzipped or not). Put them there, or call"
                    + " Datasets." + (c == IdxCollection.MNIST ? "mnist()" : "fashionMnist()")
                    + " without a folder to search the usual places" + (c.debianPackage == null ? "" :
                    " (on Debian/Ubuntu: sudo apt-get install " + c.debianPackage + ")") + ".");
        }
        return read(c, found, folder.toString(), "Replace it with an intact copy in " + folder + ".");
    }

    private static void downloadMissing(IdxSources sources, Map<String, Path> present) throws IOException {
        for (String name : IdxFolder.missing(present)) {
            URI url = sources.baseUrl().resolve(name);
            Checksum checksum = sources.checksums().get(name);
            if (checksum == null) {
                throw new IOException("no checksum is known for " + name + ", and cnnlab never keeps an unverified"
                        + " download");
            }
            System.err.println("cnnlab: downloading " + url + " to " + sources.userFolder());
            Downloader.download(url, sources.userFolder().resolve(name), checksum);
        }
    }

    private static DatasetPair read(IdxCollection c, Map<String, Path> files, String source, String fix) {
        try {
            ImageDataset train = readPart(c, files.get("train-images-idx3-ubyte.gz"),
                    files.get("train-labels-idx1-ubyte.gz"), "train");
            ImageDataset test = readPart(c, files.get("t10k-images-idx3-ubyte.gz"),
                    files.get("t10k-labels-idx1-ubyte.gz"), "test");
            return new DatasetPair(c.title, train, test, source);
        } catch (DatasetException e) {
            throw new DatasetException(e.getMessage() + " (" + c.title + " from " + source + ": " + fix + ")", e);
        }
    }

    /** Reads one images file and its labels file and checks they belong together. */
    static ImageDataset readPart(IdxCollection c, Path imagesFile, Path labelsFile, String part) {
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        byte[] labelBytes = IdxReader.readLabels(labelsFile);
        if (labelBytes.length != images.count()) {
            throw new DatasetException("The label count differs from the image count: " + imagesFile + " holds "
                    + images.count() + " images but " + labelsFile + " holds " + labelBytes.length
                    + " labels. The two files must come from the same release.");
        }
        int[] labels = new int[labelBytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelBytes[i] & 0xff;
            if (labels[i] >= c.classNames.size()) {
                throw new DatasetException(labelsFile + ": label " + i + " is " + labels[i] + " but "
                        + c.title + " has only classes 0.." + (c.classNames.size() - 1)
                        + ". Is this a labels file of another dataset?");
            }
        }
        ImageShape shape = new ImageShape(1, images.rows(), images.columns());
        return ImageDataset.wrap(c.title + " " + part, shape, images.pixels(), labels, c.classNames);
    }

    private static String systemLabel(IdxCollection c) {
        return c.debianPackage == null ? " (system folder)" : " (Debian package " + c.debianPackage + ")";
    }

    private static String userFolderFix(IdxSources sources) {
        return "delete the file so cnnlab downloads it again, or replace it with an intact copy in "
                + sources.userFolder();
    }

    private static String systemFolderFix(IdxCollection c) {
        return c.debianPackage == null ? "replace it with an intact copy"
                : "reinstall it: sudo apt-get install --reinstall " + c.debianPackage;
    }

    private static DatasetException notFound(IdxCollection c, IdxSources sources, List<String> tried) {
        StringBuilder m = new StringBuilder(c.title + " was not found and could not be downloaded. Looked in:");
        for (int i = 0; i < tried.size(); i++) {
            m.append("\n  ").append(i + 1).append(". ").append(tried.get(i));
        }
        m.append("\nAny one of these fixes it:");
        if (c.debianPackage != null) {
            m.append("\n  - on Debian or Ubuntu: sudo apt-get install ").append(c.debianPackage);
        }
        m.append("\n  - put the four files ").append(String.join(", ", IdxCollection.FILES))
                .append(" (gzipped or not) in ").append(sources.userFolder())
                .append(", or pass their folder: Datasets.")
                .append(c == IdxCollection.MNIST ? "mnist" : "fashionMnist").append("(Path.of(\"...\"))");
        m.append("\n  - allow the download on a machine with network access (").append(Settings.DOWNLOAD_PROPERTY)
                .append("=true), or point it at a mirror: -D").append(Settings.urlProperty(c)).append("=URL or ")
                .append(Settings.urlEnv(c)).append("=URL");
        if (c == IdxCollection.FASHION_MNIST) {
            m.append("\nTo try things out meanwhile, Datasets.fashionMnistSample() has 2,000 + 500 images built in.");
        }
        return new DatasetException(m.toString());
    }
}
