package org.cnnlab.kernel.eval;

import java.util.List;

/**
 * A cell that did not run to its end, told the way Jupyter shows it: a name ({@code ename}), a one-line
 * message ({@code evalue}) and the lines of the traceback. One subclass per kind of failure.
 */
public abstract class CellFailure extends Exception {
    private final String ename;
    private final List<String> traceback;

    protected CellFailure(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return getMessage();
    }

    public List<String> traceback() {
        return traceback;
    }
}
