package io.lepton.gateway.engine.action;

import io.lepton.gateway.engine.crypto.Pseudonymizer;
import io.lepton.gateway.engine.policy.ActionSpec;

/** Turns a policy's {@link ActionSpec} for one PII class into the {@link FieldAction} that carries it out. */
public final class FieldActions {

    private FieldActions() {}

    public static FieldAction create(ActionSpec spec, String piiClass, Pseudonymizer pseudonymizer) {
        if (spec instanceof ActionSpec.Keep) {
            return new KeepAction();
        }
        if (spec instanceof ActionSpec.Drop) {
            return new DropAction();
        }
        if (spec instanceof ActionSpec.Redact redact) {
            return redact.placeholder() == null
                    ? RedactAction.forClass(piiClass) : new RedactAction(redact.placeholder());
        }
        if (spec instanceof ActionSpec.Mask mask) {
            return new MaskAction(mask.keepLast(), mask.maskChar());
        }
        if (spec instanceof ActionSpec.Hmac) {
            return new HmacAction(pseudonymizer);
        }
        if (spec instanceof ActionSpec.AgeBand band) {
            return new AgeBandAction(band.width());
        }
        if (spec instanceof ActionSpec.IpPrefix prefix) {
            return new IpPrefixAction(prefix.ipv4PrefixBits(), prefix.ipv6PrefixBits());
        }
        if (spec instanceof ActionSpec.GeoGrid grid) {
            return new GeoGridAction(grid.decimals());
        }
        if (spec instanceof ActionSpec.TimeTruncate truncate) {
            return new TimeTruncateAction(truncate.unit());
        }
        throw new IllegalArgumentException("unsupported action " + spec);
    }
}
