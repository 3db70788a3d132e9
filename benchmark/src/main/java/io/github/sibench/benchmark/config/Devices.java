package io.github.sibench.benchmark.config;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a run's {@code device} is one DJL's engine can use on this machine: {@code cpu}, or
 * {@code gpu<N>} when the engine reports a GPU with that index ({@link Engine#getDevices()}).
 *
 * <p>Asking the engine starts it, and PyTorch reads its intra-op thread count only when it starts
 * ({@code ai.djl.pytorch.num_threads}), so the run's {@code threads} setting is applied first, here: this is
 * the one place a run starts the engine before training.
 */
public final class Devices {

    /** System property PyTorch's DJL engine reads its intra-op thread count from, once, when it starts. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private Devices() {}

    /**
     * Applies {@code threads} (when > 0) and checks {@code device} against the engine's devices.
     *
     * @throws ConfigException naming the device field and the devices available here
     */
    public static void require(String device, int threads) {
        if (threads > 0) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
        }
        List<Device> available;
        try {
            available = Arrays.asList(Engine.getInstance().getDevices());
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? "no engine found" : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException("device: DJL's engine does not start here, so device '" + device
                    + "' cannot be checked or used (" + why + ")");
        }
        List<String> names = available.stream().map(Devices::name).toList();
        Device d;
        try {
            d = Device.fromName(device.trim());
        } catch (RuntimeException e) {
            throw new ConfigException("device: '" + device + "' is not a device name; use one of " + names);
        }
        boolean ok = available.stream().anyMatch(a -> a.getDeviceType().equals(d.getDeviceType())
                && a.getDeviceId() == d.getDeviceId());
        if (!ok) {
            throw new ConfigException("device: '" + device + "' is not available here; use one of " + names);
        }
    }

    /** {@code cpu}, {@code gpu0}, ...: the form {@link Device#fromName} reads. */
    static String name(Device d) {
        return d.getDeviceType() + (d.getDeviceId() >= 0 && !d.getDeviceType().equals(Device.Type.CPU) ? d.getDeviceId() : "");
    }
}
