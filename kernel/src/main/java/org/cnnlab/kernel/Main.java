package org.cnnlab.kernel;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.cnnlab.kernel.eval.ExitGuard;
import org.cnnlab.kernel.launch.ParentWatch;
import org.cnnlab.kernel.launch.StartupTrace;
import org.cnnlab.kernel.protocol.ConnectionInfo;
import org.cnnlab.kernel.protocol.KernelServer;
import org.cnnlab.runtime.CnnLabRuntime;

/** {@code java org.cnnlab.kernel.Main <connection file>}: what the kernelspec's argv runs. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: cnnlab kernel <connection-file.json> (Jupyter passes it)");
            System.exit(2);
        }
        StartupTrace.mark("main");
        JavaKernel.Starting jshell = JavaKernel.beginStart();
        ParentWatch.start(System.err);
        CnnLabRuntime.init();
        ConnectionInfo connection = ConnectionInfo.read(Paths.get(args[0]));
        ExitGuard.install();
        JavaKernel[] kernel = new JavaKernel[1];
        KernelServer server = new KernelServer(connection, (iopub, stdin) -> kernel[0] = new JavaKernel(iopub, stdin, jshell));
        StartupTrace.mark("sockets bound, language created");
        interruptOnSigint(kernel[0]);
        server.serve();
        System.exit(0);
    }

    /** SIGINT (a front end's interrupt in signal mode, or Ctrl-C) stops the running cell, not the kernel. */
    @SuppressWarnings("restriction")
    private static void interruptOnSigint(JavaKernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform: interrupt_request messages still work.
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    static Path home() {
        return CnnLabRuntime.home();
    }
}
