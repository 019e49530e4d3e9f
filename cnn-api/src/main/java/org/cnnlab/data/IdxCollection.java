package org.cnnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The two datasets published as four idx files: what they are called, their classes, where upstream serves
 * them and the checksums of upstream's files, and where a Linux distribution installs them.
 */
enum IdxCollection {
    FASHION_MNIST("Fashion-MNIST", "fashion-mnist",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
            Map.of("train-images-idx3-ubyte.gz", Checksum.md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                    "train-labels-idx1-ubyte.gz", Checksum.md5("25c81989df183df01b3e8a0aad5dffbe"),
                    "t10k-images-idx3-ubyte.gz", Checksum.md5("bef4ecab320f06d8554ea6380940ec79"),
                    "t10k-labels-idx1-ubyte.gz", Checksum.md5("bb300cfdad3c16e7a12a480ee83cd310")),
            Path.of("/usr/share/datasets/fashion-mnist"), "dataset-fashion-mnist"),
    MNIST("MNIST", "mnist",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            Map.of("train-images-idx3-ubyte.gz", Checksum.md5("f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                    "train-labels-idx1-ubyte.gz", Checksum.md5("d53e105ee54ea40749a09fcbcd1e9432"),
                    "t10k-images-idx3-ubyte.gz", Checksum.md5("9fb629c4189551a2d022fa330f9573f3"),
                    "t10k-labels-idx1-ubyte.gz", Checksum.md5("ec29112dd5afa0611ce80d1b7f02629c")),
            Path.of("/usr/share/datasets/mnist"), null);

    /** The four files, by their upstream names (gzipped); a folder may hold them unzipped too. */
    static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    final String title;
    final String folderName;
    final List<String> classNames;
    final String defaultUrl;
    final Map<String, Checksum> checksums;
    final Path systemFolder;
    /** The Debian package that installs {@link #systemFolder}, or null when there is none. */
    final String debianPackage;

    IdxCollection(String title, String folderName, List<String> classNames, String defaultUrl,
                  Map<String, Checksum> checksums, Path systemFolder, String debianPackage) {
        this.title = title;
        this.folderName = folderName;
        this.classNames = classNames;
        this.defaultUrl = defaultUrl;
        this.checksums = checksums;
        this.systemFolder = systemFolder;
        this.debianPackage = debianPackage;
    }
}
