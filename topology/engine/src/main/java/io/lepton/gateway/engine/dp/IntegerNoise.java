package io.lepton.gateway.engine.dp;

/**
 * A noise distribution on the integers, sampled exactly from random bits. {@link NoiseSampler} scales its samples
 * by the grid granularity; keeping the privacy-critical sampling in the integers is what defeats the
 * floating-point attack.
 */
interface IntegerNoise {

    /** One sample, consuming randomness only from {@code bits}. */
    long sample(RandomBits bits);
}
