package io.lepton.gateway.settings;

/** A setting that cannot be used; the message names the variable, what is wrong and the fix, never a secret. */
public final class InvalidSettingException extends IllegalArgumentException {

    InvalidSettingException(SettingVariable variable, String problem, String fix) {
        super("invalid setting " + variable.name() + ": " + problem + ". Fix: " + fix);
    }
}
