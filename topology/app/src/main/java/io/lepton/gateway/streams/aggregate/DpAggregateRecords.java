package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateRelease;
import io.lepton.schemas.DpAggregate;
import io.lepton.schemas.DpMechanism;
import io.lepton.schemas.DpMetricKind;
import java.util.TreeMap;

/** Maps engine releases onto the Avro {@code DpAggregate} record and its record key. */
public final class DpAggregateRecords {

    private DpAggregateRecords() {
    }

    /**
     * {@code <jurisdiction>/<aggregate>/<metric>/<field=value&...>}: a stable key per series, so a compacted topic
     * keeps the last; the jurisdiction is part of it because the cross-border topic carries several jurisdictions'
     * series under the same aggregate names.
     */
    public static String key(AggregateRelease release) {
        StringBuilder key = new StringBuilder(release.jurisdiction()).append('/').append(release.aggregate())
                .append('/').append(release.metric()).append('/');
        new TreeMap<>(release.group()).forEach((field, value) -> key.append(field).append('=').append(value)
                .append('&'));
        return key.toString();
    }

    public static DpAggregate toAvro(AggregateRelease release) {
        return DpAggregate.newBuilder()
                .setWindowStart(java.time.Instant.ofEpochMilli(release.windowStart()))
                .setWindowEnd(java.time.Instant.ofEpochMilli(release.windowEnd()))
                .setJurisdiction(release.jurisdiction())
                .setPolicyVersion(release.policyVersion())
                .setFamily(release.family())
                .setAggregate(release.aggregate())
                .setGroup(new java.util.HashMap<>(release.group()))
                .setMetric(release.metric())
                .setKind(DpMetricKind.valueOf(release.kind().name()))
                .setField(release.field())
                .setQuantile(release.quantile())
                .setValue(release.value())
                .setIntervalLow(release.intervalLow())
                .setIntervalHigh(release.intervalHigh())
                .setMechanism(DpMechanism.valueOf(release.mechanism().name()))
                .setEpsilon(release.epsilon())
                .setDelta(release.delta())
                .setRho(release.rho())
                .setBoundsMin(release.boundsMin())
                .setBoundsMax(release.boundsMax())
                .setMaxGroupsPerSubject(release.maxGroupsPerSubject())
                .setMaxContributionsPerGroup(release.maxContributionsPerGroup())
                .setMaxWindowsPerPeriod(release.maxWindowsPerPeriod())
                .setKeySelectionThreshold(release.keySelectionThreshold())
                .build();
    }
}
