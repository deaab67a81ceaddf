package io.lepton.gateway.cli.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole JVM (broker, Streams app, clients), in nanoseconds. The bench runs both contenders in the
 * same JVM on the same broker, so the difference between their CPU per record is the gateway's own cost.
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
