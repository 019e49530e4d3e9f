package org.cnnlab.data;

import java.nio.charset.StandardCharsets;

/** Small helpers for error messages about file contents. */
final class Formats {
    private Formats() {}

    /**
     * The first bytes of a file as a reader can recognise them: hex, plus the text when they are printable,
     * since a wrong file is often a web page ({@code <!DOCTYPE html}) saved under a dataset's name.
     */
    static String describeStart(byte[] start) {
        StringBuilder hex = new StringBuilder();
        boolean printable = start.length > 0;
        for (byte b : start) {
            hex.append(String.format("%02x ", b & 0xff));
            printable &= (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t';
        }
        String text = printable ? " (text \"" + new String(start, StandardCharsets.US_ASCII).strip() + "\"" 
                + (looksLikeHtml(start) ? ": a web page, not data" : "") + ")" : "";
        return hex.toString().strip() + text;
    }

    private static boolean looksLikeHtml(byte[] start) {
        String s = new String(start, StandardCharsets.US_ASCII).strip().toLowerCase();
        return s.startsWith("<!doctype") || s.startsWith("<html") || s.startsWith("<?xml");
    }
}
