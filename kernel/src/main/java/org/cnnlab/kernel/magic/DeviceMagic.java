package org.cnnlab.kernel.magic;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.util.Optional;
import org.cnnlab.Device;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * {@code %device}: where networks will compute ({@code Device.auto()}), how many GPUs PyTorch can use, and
 * which DJL, PyTorch and natives (CPU or CUDA) this kernel runs. Loads the engine, a few seconds the first
 * time.
 */
final class DeviceMagic implements Magic {
    @Override
    public String name() {
        return "device";
    }

    @Override
    public String help() {
        return "%device  print Device.auto(), the GPU count, the DJL and PyTorch versions, CPU or CUDA natives";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) {
        CnnLabRuntime.init();
        Engine engine = Engine.getEngine("PyTorch");
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        context.out().println("Device.auto():     " + Device.auto());
        context.out().println("Device.gpuCount(): " + Device.gpuCount());
        context.out().println("Engine:            DJL " + Engine.getDjlVersion() + ", PyTorch " + engine.getVersion()
                + ", " + (cuda ? "CUDA" : "CPU") + " natives");
        return Optional.empty();
    }
}
