package org.cnnlab;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * Where a network computes: the CPU, or a CUDA GPU. {@link #auto()} takes the GPU when PyTorch sees one.
 *
 * <p>Which one is possible depends on the PyTorch natives on the classpath, not only on the machine: the
 * default build carries {@code pytorch-native-cpu}, with which PyTorch runs on the CPU even on a GPU host.
 * Build with {@code mvn -Pcuda} to carry {@code pytorch-native-cu124} instead (PyTorch 2.5.1 with CUDA 12.4,
 * the newest CUDA build on Maven Central).
 */
public final class Device {
    private final ai.djl.Device djl;

    private Device(ai.djl.Device djl) {
        this.djl = djl;
    }

    public static Device cpu() {
        return new Device(ai.djl.Device.cpu());
    }

    /** The first GPU; a clear error when there is none or the natives cannot use it. */
    public static Device gpu() {
        return gpu(0);
    }

    public static Device gpu(int index) {
        int count = gpuCount();
        if (index < count) {
            return new Device(ai.djl.Device.gpu(index));
        }
        throw new IllegalStateException(count == 0 ? noGpuMessage()
                : "GPU " + index + " does not exist: PyTorch sees " + count + " GPU(s), numbered from 0.");
    }

    /** The GPU when PyTorch can use one, else the CPU. */
    public static Device auto() {
        return gpuCount() > 0 ? gpu(0) : cpu();
    }

    /** How many CUDA GPUs the loaded PyTorch natives can use (0 with the CPU natives). */
    public static int gpuCount() {
        CnnLabRuntime.init();
        org.cnnlab.engine.NativeCheck.verify();
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    public boolean isGpu() {
        return ai.djl.Device.Type.GPU.equals(djl.getDeviceType());
    }

    /** The DJL device, for code that talks to DJL directly. */
    public ai.djl.Device djl() {
        return djl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device && ((Device) o).djl.equals(djl);
    }

    @Override
    public int hashCode() {
        return djl.hashCode();
    }

    @Override
    public String toString() {
        return isGpu() ? "gpu(" + djl.getDeviceId() + ")" : "cpu";
    }

    /** The flavor ({@code cpu}, {@code cu124}…) of the PyTorch natives jar on the class path, or "" if none. */
    private static String nativeFlavor() {
        try (InputStream in = Device.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return "";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("flavor", "");
        } catch (IOException e) {
            return "";
        }
    }

    private static String noGpuMessage() {
        boolean cpuNatives = "cpu".equals(nativeFlavor());
        return "No GPU is available to PyTorch. "
                + (cpuNatives
                        ? "This build carries PyTorch's CPU natives (pytorch-native-cpu), which never use a GPU, "
                                + "even on a machine that has one.\nHow to fix it: on a machine with an NVIDIA GPU and "
                                + "driver, build with 'mvn -Pcuda install' (PyTorch 2.5.1 + CUDA 12.4 natives from "
                                + "Maven Central), or use Device.auto() to fall back to the CPU."
                        : "Either this machine has no NVIDIA GPU or driver (check with nvidia-smi), or the CUDA "
                                + "natives do not match its driver.\nHow to fix it: use Device.cpu() or Device.auto().");
    }
}
