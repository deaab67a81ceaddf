package io.lepton.gateway.engine.provenance;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.sanitize.DpRelease;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes the {@link ProvenanceHeaders provenance headers} of one (jurisdiction, family): everything that depends
 * only on the policy and the schema is encoded once, here, so the per-record work is choosing among precomputed byte
 * arrays plus one short array for the free-text detection counts (none at all when nothing was found).
 *
 * <p>Thread-safe: immutable after construction, shared by every stream thread.
 */
public final class ProvenanceEncoder {

    private static final byte[] NONE = ProvenanceHeaders.NONE.getBytes(StandardCharsets.US_ASCII);

    private final byte[] jurisdiction;
    private final byte[] policy;
    private final byte[] releasedActions;
    private final byte[] withheldActions;
    private final byte[] dpCharged;
    private final byte[] dpFree;
    private final byte[] gateway;

    /**
     * @param actionsByField the sanitizer's action per raw field (schema order); only tagged fields are reported
     * @throws IllegalArgumentException when the jurisdiction id or the gateway version exceeds its cap
     */
    public ProvenanceEncoder(JurisdictionPolicy policy, EventFamily family, Map<String, String> actionsByField,
            String gatewayVersion) {
        this.jurisdiction = capped(policy.id(), ProvenanceHeaders.MAX_JURISDICTION_BYTES, "jurisdiction id");
        this.policy = capped(policy.id() + "@" + policy.contentHash(), ProvenanceHeaders.MAX_POLICY_BYTES,
                "policy id and version");
        this.gateway = capped(gatewayVersion, ProvenanceHeaders.MAX_GATEWAY_BYTES, "gateway version");
        this.releasedActions = actions(policy, family, actionsByField, DpRelease.RELEASE);
        this.withheldActions = actions(policy, family, actionsByField, DpRelease.WITHHOLD);
        boolean hasDp = hasDpField(family, actionsByField);
        String mechanism = policy.dp().mechanism();
        this.dpCharged = !hasDp ? NONE : !policy.dp().enabled() ? ascii("disabled")
                : capped(mechanism + ":" + plain(policy.dp().epsilonPerEvent()), ProvenanceHeaders.MAX_DP_BYTES,
                        "dp");
        this.dpFree = !hasDp ? NONE : !policy.dp().enabled() ? ascii("disabled")
                : capped(mechanism + ":0", ProvenanceHeaders.MAX_DP_BYTES, "dp");
    }

    /**
     * The headers of one sanitized record.
     *
     * @param release whether its dp fields were noised or withheld
     * @param epsilonCharged ε charged to the subject for this record: the policy's per-event ε, or 0 (withheld,
     *     duplicate, or no dp field)
     * @param band the subject's budget band after this record
     * @param detections free-text PII found, by type (counts only)
     */
    public Provenance encode(DpRelease release, double epsilonCharged, BudgetBand band,
            Map<String, Integer> detections) {
        byte[] dp = epsilonCharged == 0 ? dpFree : dpCharged;
        return new Provenance(jurisdiction, policy, release == DpRelease.RELEASE ? releasedActions : withheldActions,
                detections(detections), dp, band, gateway);
    }

    /** {@code TYPE:count,...} sorted by type, or {@code none}; within {@link ProvenanceHeaders#MAX_DETECTIONS_BYTES}. */
    static byte[] detections(Map<String, Integer> detections) {
        if (detections.isEmpty()) {
            return NONE;
        }
        String[] types = detections.keySet().toArray(new String[0]);
        Arrays.sort(types);
        int length = types.length - 1;
        for (String type : types) {
            length += type.length() + 1 + digits(detections.get(type));
        }
        if (length > ProvenanceHeaders.MAX_DETECTIONS_BYTES || !allAscii(types)) {
            List<String> entries = new ArrayList<>(types.length);
            for (String type : types) {
                entries.add(type + ":" + detections.get(type));
            }
            return BoundedList.join(entries, ',', ProvenanceHeaders.MAX_DETECTIONS_BYTES);
        }
        byte[] out = new byte[length];
        int at = 0;
        for (String type : types) {
            if (at > 0) {
                out[at++] = ',';
            }
            for (int i = 0; i < type.length(); i++) {
                out[at++] = (byte) type.charAt(i);
            }
            out[at++] = ':';
            at = writeDecimal(out, at, detections.get(type));
        }
        return out;
    }

    private static byte[] actions(JurisdictionPolicy policy, EventFamily family, Map<String, String> actionsByField,
            DpRelease release) {
        List<String> entries = new ArrayList<>();
        actionsByField.forEach((field, action) -> {
            FieldTags tags = family.tags(field);
            if (tags.isPii() || tags.freeText() || tags.dpRange().isPresent()) {
                entries.add(field + "=" + code(policy, tags, action, release));
            }
        });
        return BoundedList.join(entries, ';', ProvenanceHeaders.MAX_ACTIONS_BYTES);
    }

    /** The compact code of one tagged field's action: the key id for pseudonyms, the mode for free text. */
    private static String code(JurisdictionPolicy policy, FieldTags tags, String action, DpRelease release) {
        if (action.startsWith("freeText:")) {
            return action.substring("freeText:".length());
        }
        if ("hmac".equals(action)) {
            return "hmac:" + policy.pseudonymKeyId();
        }
        if (action.startsWith("noise:") && release == DpRelease.WITHHOLD) {
            return "withhold";
        }
        return action;
    }

    private static boolean hasDpField(EventFamily family, Map<String, String> actionsByField) {
        for (Map.Entry<String, String> field : actionsByField.entrySet()) {
            FieldTags tags = family.tags(field.getKey());
            if (tags.dpRange().isPresent() && !tags.isPii() && !tags.freeText() && !"drop".equals(field.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allAscii(String[] types) {
        for (String type : types) {
            for (int i = 0; i < type.length(); i++) {
                if (type.charAt(i) > 0x7E || type.charAt(i) < 0x20) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int digits(int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        return value < 0 ? digits + 1 : digits;
    }

    private static int writeDecimal(byte[] out, int at, int value) {
        if (value < 0) {
            out[at++] = '-';
            value = -value;
        }
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static String plain(double epsilon) {
        return BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString();
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] capped(String value, int cap, String what) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > cap) {
            throw new IllegalArgumentException(what + " takes " + bytes.length + " bytes; the provenance header allows "
                    + cap);
        }
        return bytes;
    }
}
