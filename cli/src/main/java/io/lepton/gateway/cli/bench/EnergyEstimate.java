package io.lepton.gateway.cli.bench;

/**
 * Energy of CPU time, by Cloud Carbon Footprint's compute model: a vCPU draws {@code min + u * (max - min)} watts at
 * utilisation {@code u}, with CCF's published AWS averages {@link #MIN_WATTS_PER_VCPU} and
 * {@link #MAX_WATTS_PER_VCPU} (CCF methodology, "Compute"; {@code AwsFootprintEstimationConstants.ts}). The bench
 * measures CPU-seconds, so it gives two figures per CPU-second rather than one guess at the host's utilisation:
 * <ul>
 *   <li>marginal: {@code max - min} joules, what the work adds to a vCPU that would be powered anyway;</li>
 *   <li>attributed: {@code max} joules, the whole draw of a fully used vCPU charged to the work.</li>
 * </ul>
 * Neither includes data-centre overhead (CCF's PUE, 1.135 for AWS), memory, storage or network.
 */
final class EnergyEstimate {

    /** CCF's average minimum (idle) draw per AWS vCPU, watts. */
    static final double MIN_WATTS_PER_VCPU = 0.74;
    /** CCF's average maximum (fully used) draw per AWS vCPU, watts. */
    static final double MAX_WATTS_PER_VCPU = 3.5;

    private static final double SECONDS_PER_HOUR = 3600;

    private EnergyEstimate() {
    }

    /** Watt-hours the CPU work adds, marginal figure. */
    static double marginalWattHours(double cpuSeconds) {
        return cpuSeconds * (MAX_WATTS_PER_VCPU - MIN_WATTS_PER_VCPU) / SECONDS_PER_HOUR;
    }

    /** Watt-hours of fully used vCPUs for that CPU time, attributed figure. */
    static double attributedWattHours(double cpuSeconds) {
        return cpuSeconds * MAX_WATTS_PER_VCPU / SECONDS_PER_HOUR;
    }
}
