package org.cnnlab.handconv;

import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

/** A finished picture: its MIME bundle, printed as its plain text in a terminal or JShell. */
record View(MimeBundle bundle) implements Displayable {
    /** A board as a PNG and as HTML: the picture for viewers that show images but no HTML styles. */
    static View picture(String text, Board board) {
        int[] size = BoardPicture.size(board);
        byte[] png = org.cnnlab.render.Png.encode(BoardPicture.paint(board, size[0], size[1]));
        return new View(MimeBundle.text(text).withPng(png, size[0], size[1]).withHtml(BoardHtml.of(board)));
    }

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
