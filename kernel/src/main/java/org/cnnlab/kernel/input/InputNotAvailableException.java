package org.cnnlab.kernel.input;

/** A cell read input where nobody can type it: the front end sent {@code allow_stdin: false}. */
public final class InputNotAvailableException extends IllegalStateException {
    InputNotAvailableException() {
        super("Input is not available here: this front end does not accept input requests (allow_stdin is "
                + "false, as with nbconvert, papermill or a script run). Put the value in the cell instead, e.g. "
                + "String name = \"Ada\";");
    }
}
