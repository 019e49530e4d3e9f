package org.cnnlab.handconv;

import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

/** A finished picture: its MIME bundle, printed as its plain text in a terminal or JShell. */
record View(MimeBundle bundle) implements Displayable {
    static View of(String text, String html) {
        return new View(MimeBundle.text(text).withHtml(html));
    }

    @Override
    public MimeBundle toMimeBundle() {
        return bundle;
    }

    /** The self-contained HTML, as a notebook shows it; write it to a file to look at it in a browser. */
    public String html() {
        return bundle.get(MimeBundle.HTML);
    }

    @Override
    public String toString() {
        return bundle.plainText();
    }
}
