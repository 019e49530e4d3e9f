package org.cnnlab.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages with the connection file's key: an HMAC over the header, parent header,
 * metadata and content frames, hex-encoded. An empty key means the front end turned signing off.
 * Checking compares in constant time so that a forger learns nothing from response times.
 */
public final class MessageSigner {
    private final SecretKeySpec key;
    private final String algorithm;

    public MessageSigner(String key, String signatureScheme) {
        if (key == null || key.isEmpty()) {
            this.key = null;
            this.algorithm = null;
            return;
        }
        this.algorithm = javaAlgorithm(signatureScheme);
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
    }

    public boolean enabled() {
        return key != null;
    }

    /** The hex signature of these frames; empty when signing is off. */
    public String sign(List<byte[]> frames) {
        if (key == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            for (byte[] frame : frames) {
                mac.update(frame);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute " + algorithm + " on this JVM", e);
        }
    }

    /** True when the signature matches the frames (always true when signing is off). */
    public boolean verify(String signature, List<byte[]> frames) {
        if (key == null) {
            return true;
        }
        byte[] expected = sign(frames).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static String javaAlgorithm(String scheme) {
        switch (scheme == null ? "hmac-sha256" : scheme) {
            case "hmac-sha256": return "HmacSHA256";
            case "hmac-sha512": return "HmacSHA512";
            case "hmac-sha1": return "HmacSHA1";
            case "hmac-md5": return "HmacMD5";
            default: throw new IllegalArgumentException("Unsupported signature_scheme '" + scheme
                    + "' in the connection file; use hmac-sha256.");
        }
    }
}
