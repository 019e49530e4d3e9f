package org.cnnlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * Where datasets live and whether they may be downloaded, read from system properties and environment
 * variables (a system property wins). See {@link Datasets} for the list.
 */
final class Settings {
    static final String DATASETS_PROPERTY = "cnnlab.datasets";
    static final String DATASETS_ENV = "CNNLAB_DATASETS";
    static final String DOWNLOAD_PROPERTY = "cnnlab.download";
    static final String DOWNLOAD_ENV = "CNNLAB_DOWNLOAD";

    private Settings() {}

    /** The folder holding one sub-folder per dataset: {@code $CNNLAB_DATASETS}, else {@code ~/.cnnlab/datasets}. */
    static Path datasetsHome() {
        String configured = read(DATASETS_PROPERTY, DATASETS_ENV);
        return configured != null ? Path.of(configured) : CnnLabRuntime.home().resolve("datasets");
    }

    /** Downloads are allowed unless switched off with {@code cnnlab.download=false}. */
    static boolean downloadAllowed() {
        String configured = read(DOWNLOAD_PROPERTY, DOWNLOAD_ENV);
        return configured == null || !configured.strip().equalsIgnoreCase("false");
    }

    /** Property naming the mirror of {@code c}, e.g. {@code cnnlab.datasets.fashion-mnist.url}. */
    static String urlProperty(IdxCollection c) {
        return "cnnlab.datasets." + c.folderName + ".url";
    }

    static String urlEnv(IdxCollection c) {
        return "CNNLAB_" + c.name().toUpperCase(Locale.ROOT) + "_URL";
    }

    /** Where to download {@code c} from: a configured mirror, else upstream. Always ends with '/'. */
    static URI baseUrl(IdxCollection c) {
        String configured = read(urlProperty(c), urlEnv(c));
        String url = configured != null ? configured.strip() : c.defaultUrl;
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static String read(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
