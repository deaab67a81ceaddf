package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.action.FieldAction;
import io.lepton.gateway.engine.action.FieldActions;
import io.lepton.gateway.engine.action.RedactAction;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.FreeTextSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.text.DpValueScrubber;
import io.lepton.gateway.engine.text.FreeTextScanner;
import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.LinkedValue;
import io.lepton.gateway.engine.text.OversizeTextException;
import io.lepton.gateway.engine.text.ScrubResult;
import io.lepton.gateway.engine.text.TextLimits;
import io.lepton.gateway.engine.text.TextPiiType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code freeText.mode: scrub}: PII found in the text, and the record's own tagged values wherever they reappear, are
 * replaced in place by the same action the policy gives that class as a field — so an e-mail pseudonymized in
 * {@code customerEmail} gets the same token inside {@code message}, and a redacted name becomes {@code [NAME]}.
 *
 * <p>When the family has dp fields, the record's true dp values and rating expressions are removed as well
 * ({@link DpValueScrubber}), so the text is no side door around the noise.
 *
 * <p>Actions that cannot apply to text (generalizing an age band, a coordinate) fall back to a typed placeholder.
 * Built once per (policy, family); thread-safe.
 */
final class ScrubbingTreatment implements FreeTextTreatment {

    private static final DpValueScrubber DP_VALUES = new DpValueScrubber();

    private final FreeTextScrubber scrubber;
    private final Map<String, FieldAction> actionsByType;
    private final FieldAction fallback;
    private final int[] linkedPositions;
    private final String[] linkedClasses;
    private final int[] dpPositions;
    private final boolean[] dpIntegral;

    private ScrubbingTreatment(FreeTextScrubber scrubber, Map<String, FieldAction> actionsByType,
            FieldAction fallback, int[] linkedPositions, String[] linkedClasses, int[] dpPositions,
            boolean[] dpIntegral) {
        this.scrubber = scrubber;
        this.actionsByType = actionsByType;
        this.fallback = fallback;
        this.linkedPositions = linkedPositions;
        this.linkedClasses = linkedClasses;
        this.dpPositions = dpPositions;
        this.dpIntegral = dpIntegral;
    }

    /**
     * @param dpPositions raw positions of the family's dp fields (not derived ones) whose true values, and rating
     *     expressions, must not survive in the text; empty when the family has none
     */
    static ScrubbingTreatment create(JurisdictionPolicy policy, EventFamily family, Pseudonymizer pseudonymizer,
            List<Integer> dpPositions) {
        FreeTextSettings settings = policy.freeText();
        FreeTextScanner scanner = FreeTextScanner.builder()
                .enable(enabledTypes(policy))
                .phoneRegions(phoneRegions(policy))
                .build();
        TextLimits limits = new TextLimits(settings.maxChars(), settings.onOversize() == FreeTextSettings.Oversize.QUARANTINE
                ? TextLimits.Oversize.QUARANTINE : TextLimits.Oversize.TRUNCATE);
        Map<String, FieldAction> actions = new HashMap<>();
        List<Integer> positions = new ArrayList<>();
        List<String> linkedClasses = new ArrayList<>();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            Schema type = SanitizerFactory.nonNullType(field.schema());
            if (tags.isPii() && type != null && type.getType() == Schema.Type.STRING) {
                positions.add(field.pos());
                linkedClasses.add(tags.piiClass());
            }
        }
        // Every class a replacement can carry: a detected type, or a linked value's field class.
        for (String piiClass : PiiCatalog.knownClasses(family)) {
            FieldAction action = FieldActions.create(policy.actionFor(piiClass), piiClass, pseudonymizer);
            actions.put(piiClass, action.appliesToText() ? action : RedactAction.forClass(piiClass));
        }
        boolean[] integral = new boolean[dpPositions.size()];
        for (int i = 0; i < integral.length; i++) {
            Schema type = SanitizerFactory.nonNullType(family.rawSchema().getFields().get(dpPositions.get(i)).schema());
            integral[i] = type.getType() == Schema.Type.INT || type.getType() == Schema.Type.LONG;
        }
        return new ScrubbingTreatment(new FreeTextScrubber(scanner, limits), Map.copyOf(actions),
                RedactAction.forClass("PII"), positions.stream().mapToInt(Integer::intValue).toArray(),
                linkedClasses.toArray(String[]::new), dpPositions.stream().mapToInt(Integer::intValue).toArray(),
                integral);
    }

    private static Set<TextPiiType> enabledTypes(JurisdictionPolicy policy) {
        Set<String> names = policy.freeText().detectors();
        if (names.contains("ALL")) {
            return EnumSet.allOf(TextPiiType.class);
        }
        EnumSet<TextPiiType> types = EnumSet.noneOf(TextPiiType.class);
        names.forEach(name -> types.add(TextPiiType.valueOf(name)));
        return types;
    }

    /** National phone formats of the policy's own countries, plus the scanner's defaults. */
    private static Set<String> phoneRegions(JurisdictionPolicy policy) {
        Set<String> regions = new TreeSet<>(FreeTextScanner.DEFAULT_PHONE_REGIONS);
        for (String region : policy.regions()) {
            if (region.length() == 2) {
                regions.add(region.toUpperCase(Locale.ROOT));
            }
        }
        return regions;
    }

    @Override
    public String treat(String text, GenericRecord raw, Map<String, Integer> detections) {
        List<LinkedValue> linked = new ArrayList<>(linkedPositions.length);
        for (int i = 0; i < linkedPositions.length; i++) {
            Object value = raw.get(linkedPositions[i]);
            if (value != null) {
                linked.add(new LinkedValue(value.toString(), linkedClasses[i]));
            }
        }
        ScrubResult result;
        try {
            result = scrubber.scrub(text, linked,
                    (type, match) -> actionsByType.getOrDefault(type, fallback).applyToText(match));
        } catch (OversizeTextException e) {
            throw new SanitizationException(QuarantineReason.OVERSIZE_TEXT, "free text of " + e.length()
                    + " characters exceeds the policy limit of " + e.maxChars());
        }
        result.countsByType().forEach((type, count) -> detections.merge(type, count, Integer::sum));
        if (dpPositions.length == 0) {
            return result.text();
        }
        ScrubResult guarded = DP_VALUES.scrub(result.text(), dpValues(raw));
        guarded.countsByType().forEach((type, count) -> detections.merge(type, count, Integer::sum));
        return guarded.text();
    }

    /** The record's true dp values, which the text must not state (after PII scrubbing, so PII spans are gone). */
    private List<DpValueScrubber.DpValue> dpValues(GenericRecord raw) {
        List<DpValueScrubber.DpValue> values = new ArrayList<>(dpPositions.length);
        for (int i = 0; i < dpPositions.length; i++) {
            if (raw.get(dpPositions[i]) instanceof Number number) {
                values.add(new DpValueScrubber.DpValue(number.doubleValue(), dpIntegral[i]));
            }
        }
        return values;
    }
}
