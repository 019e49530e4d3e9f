package org.cnnlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The places {@link IdxLoader} looks for one collection, in order: the user's dataset folder, the folder a
 * Linux package installs, then a download into the user's folder. Normally {@link #defaults}; tests build
 * their own to point at a temporary folder and a server on 127.0.0.1.
 *
 * @param userFolder where the user keeps the files and downloads go
 * @param systemFolder where a distribution package installs them, or null
 * @param baseUrl the folder URL the files are downloaded from, ending with '/'
 * @param downloadAllowed false to never touch the network
 * @param checksums the expected checksum of each downloaded file, by upstream file name
 */
record IdxSources(Path userFolder, Path systemFolder, URI baseUrl, boolean downloadAllowed,
                  Map<String, Checksum> checksums) {

    static IdxSources defaults(IdxCollection c) {
        return new IdxSources(Settings.datasetsHome().resolve(c.folderName), c.systemFolder, Settings.baseUrl(c),
                Settings.downloadAllowed(), c.checksums);
    }
}
