package org.cnnlab.train;

import ai.djl.Device;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.cnnlab.Architectures;
import org.cnnlab.engine.DjlNetwork;

/**
 * A process that starts saving a network to {@code args[0]}, says "writing" once part of the file is on
 * disk, and then hangs in the middle of the write, to be killed with SIGKILL by {@link SaveAndLoadTest}.
 */
public final class SaveHangs {
    public static void main(String[] args) {
        Trainable net = Trainable.fresh(DjlNetwork.build(Architectures.leNet5(1, 28, 10).spec(), Device.cpu()));
        ModelFile.save(net, Path.of(args[0]), out -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
                if (written > 100_000) {
                    out.flush();
                    System.out.println("writing");
                    System.out.flush();
                    while (true) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            // hang until killed
                        }
                    }
                }
            }
        });
    }
}
