package org.cnnlab.kernel;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.cnnlab.kernel.eval.JShellEvaluator;
import org.cnnlab.kernel.magic.MagicContext;
import org.cnnlab.kernel.magic.MagicException;
import org.cnnlab.kernel.magic.Magics;

/** Runs a cell: Java runs of lines go to JShell, magic lines to their magic, in the cell's order. */
final class CellRunner {
    private final JShellEvaluator evaluator;
    private final Magics magics = new Magics();
    private String classpath = System.getProperty("java.class.path");

    CellRunner(JShellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    Optional<JShellEvaluator.CellValue> run(String cell, int count) throws Exception {
        if (Magics.isCellTimed(cell)) {
            long start = System.nanoTime();
            try {
                return run(Magics.withoutCellMagic(cell), count);
            } finally {
                System.out.println(String.format("Wall time: %.1f ms", (System.nanoTime() - start) / 1e6));
            }
        }
        if (!Magics.hasMagic(cell)) {
            return evaluator.eval(cell, count);
        }
        Optional<JShellEvaluator.CellValue> last = Optional.empty();
        for (Magics.Part part : Magics.parts(cell)) {
            if (part.magic()) {
                last = magics.run(part.text(), context(count)).map(JShellEvaluator.CellValue::new);
            } else {
                // Blank lines in front keep the cell's own line numbers in error messages.
                last = evaluator.eval("\n".repeat(part.firstLine() - 1) + part.text(), count);
            }
        }
        return last;
    }

    private MagicContext context(int count) {
        return new MagicContext() {
            @Override
            public Optional<Object> evaluate(String javaSource) throws Exception {
                return evaluator.eval(javaSource, count).map(JShellEvaluator.CellValue::value);
            }

            @Override
            public void addToClasspath(Path jarOrFolder) throws MagicException {
                String entry = jarOrFolder.toAbsolutePath().toString();
                try {
                    evaluator.addToClasspath(entry);
                } catch (IllegalArgumentException e) {
                    throw new MagicException(e.getMessage());
                }
                classpath = classpath + File.pathSeparator + entry;
            }

            @Override
            public String classpath() {
                return classpath;
            }

            @Override
            public PrintStream out() {
                return System.out;
            }
        };
    }
}
