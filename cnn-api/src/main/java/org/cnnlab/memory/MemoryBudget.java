package org.cnnlab.memory;

import ai.djl.Device;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many bytes this process can still allocate on a device, and where that number comes from. On the CPU
 * it is the smallest of: the kernel's estimate of memory available without swapping ({@code MemAvailable} in
 * {@code /proc/meminfo}), what the process's cgroup (a container's limit) has left, and a limit the user
 * set with {@code -Dcnnlab.memory.limit=8g} or {@code CNNLAB_MEMORY_LIMIT=8g} (for a shared machine). On a
 * GPU it is the device's free memory as CUDA reports it. Tensors live outside the Java heap, so the heap
 * size ({@code -Xmx}) does not limit them and is not counted.
 *
 * @param bytes  bytes available, {@link Long#MAX_VALUE} when nothing could be measured
 * @param source where the number comes from, in words
 */
public record MemoryBudget(long bytes, String source) {
    static final String LIMIT_PROPERTY = "cnnlab.memory.limit";
    static final String LIMIT_VARIABLE = "CNNLAB_MEMORY_LIMIT";

    /** True when something was measured; an unknown budget refuses nothing. */
    public boolean known() {
        return bytes != Long.MAX_VALUE;
    }

    /** What this process can allocate on {@code device} now. */
    public static MemoryBudget of(Device device) {
        MemoryBudget best = userLimit();
        if (Device.Type.GPU.equals(device.getDeviceType())) {
            return smaller(best, gpu(device));
        }
        best = smaller(best, meminfo());
        return smaller(best, cgroup());
    }

    private static MemoryBudget userLimit() {
        String value = System.getProperty(LIMIT_PROPERTY);
        String name = "-D" + LIMIT_PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(LIMIT_VARIABLE);
            name = LIMIT_VARIABLE;
        }
        if (value == null || value.isBlank()) {
            return unknown();
        }
        return new MemoryBudget(parse(value.strip(), name), "the limit " + name + "=" + value.strip());
    }

    /** {@code 8g}, {@code 512m}, {@code 64k} or plain bytes; decimal units (g = 10^9) as the estimates print. */
    static long parse(String value, String name) {
        String v = value.toLowerCase(Locale.ROOT).replace("b", "");
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if ("kmgt".indexOf(last) >= 0) {
            unit = (long) Math.pow(1000, "kmgt".indexOf(last) + 1);
            v = v.substring(0, v.length() - 1);
        }
        try {
            double number = Double.parseDouble(v.strip());
            if (number > 0) {
                return (long) (number * unit);
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("The memory limit " + name + " must be a size such as 8g, 512m or "
                + "2000000000 (bytes). Received: " + name + "=" + value + ".");
    }

    private static MemoryBudget meminfo() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return new MemoryBudget(kb * 1024, "the memory the system has available (MemAvailable)");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unreadable /proc: nothing measured
        }
        return unknown();
    }

    private static MemoryBudget cgroup() {
        long limit = readLong(Path.of("/sys/fs/cgroup/memory.max"));
        long used = readLong(Path.of("/sys/fs/cgroup/memory.current"));
        if (limit < 0) {
            limit = readLong(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));
            used = readLong(Path.of("/sys/fs/cgroup/memory/memory.usage_in_bytes"));
        }
        if (limit <= 0 || limit >= Long.MAX_VALUE / 2 || used < 0) {
            return unknown();
        }
        return new MemoryBudget(Math.max(0, limit - used), "what the container's memory limit leaves");
    }

    private static MemoryBudget gpu(Device device) {
        try {
            MemoryUsage usage = ai.djl.util.cuda.CudaUtils.getGpuMemory(device);
            long free = usage.getMax() - usage.getCommitted();
            return free > 0 ? new MemoryBudget(free, "the free memory of " + device) : unknown();
        } catch (RuntimeException | LinkageError e) {
            return unknown();
        }
    }

    private static long readLong(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.equals("max") ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static MemoryBudget smaller(MemoryBudget a, MemoryBudget b) {
        return b.bytes < a.bytes ? b : a;
    }

    private static MemoryBudget unknown() {
        return new MemoryBudget(Long.MAX_VALUE, "unknown");
    }
}
