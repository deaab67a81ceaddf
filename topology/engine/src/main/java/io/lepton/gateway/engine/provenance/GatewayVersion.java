package io.lepton.gateway.engine.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The gateway's own version, as the build stamped it into {@code gateway-version.properties} (Maven resource
 * filtering of {@code ${project.version}}), so the provenance headers name the code that sanitized a record as well as
 * the policy.
 */
public final class GatewayVersion {

    private static final String CURRENT = read();

    private GatewayVersion() {}

    /** The version of the running gateway, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream("gateway-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("gateway-version.properties is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("gateway-version.properties was not filtered by the build");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
