package org.cnnlab.handconv;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.render.MimeBundle;

/** Many step pictures one after another, wrapping across the page like cards, with a count of the rest. */
final class StepList {
    /** The most steps drawn in one view: beyond that a page gets too long to read. */
    static final int MOST = 36;

    private StepList() {}

    /** Draws the first {@code most} of {@code steps}: {@code draw} gets each step with its position. */
    static <S> List<Board> boards(List<S> steps, int most, StepPainter<S> draw) {
        List<Board> boards = new ArrayList<>();
        for (int n = 0; n < Math.min(steps.size(), most); n++) {
            boards.add(draw.board(steps.get(n), n));
        }
        return boards;
    }

    /** One step's picture, knowing which step of the whole slide it is. */
    interface StepPainter<S> {
        Board board(S step, int position);
    }

    static View view(List<Board> boards, List<String> texts) {
        StringBuilder h = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start\">");
        for (Board b : boards) {
            h.append(BoardHtml.of(b)).append(' ');
        }
        h.append("</div>");
        int rest = texts.size() - boards.size();
        if (rest > 0) {
            h.append("<p style=\"font-family:").append(BoardHtml.SANS).append(";font-size:13px;color:#4b5563\">\u2026 and ")
                    .append(rest).append(" more steps: look at any one with stepView(row, col).</p>");
        }
        String text = String.join("\n\n", texts.subList(0, Math.min(texts.size(), MOST)))
                + (rest > 0 ? "\n\n... and " + rest + " more steps." : "");
        return new View(MimeBundle.text(text).withHtml(h.toString()));
    }
}
