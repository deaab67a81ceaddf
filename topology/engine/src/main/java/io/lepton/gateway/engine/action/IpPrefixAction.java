package io.lepton.gateway.engine.action;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * Generalizes an IP address to its network prefix: {@code 203.0.113.77} → {@code 203.0.113.0/24},
 * {@code 2001:db8:1:2::5} → {@code 2001:db8:1::/48}.
 *
 * <p>Parsing is done here, not with {@code InetAddress.getByName}, which would resolve a non-literal through DNS (a
 * network call and a leak of the value). Anything that is not a valid address literal is redacted, failing closed.
 */
public final class IpPrefixAction implements FieldAction {

    static final String INVALID = "[IP_ADDRESS]";

    private final int ipv4Bits;
    private final int ipv6Bits;

    public IpPrefixAction(int ipv4Bits, int ipv6Bits) {
        if (ipv4Bits < 0 || ipv4Bits > 32 || ipv6Bits < 0 || ipv6Bits > 128) {
            throw new IllegalArgumentException("prefix bits out of range");
        }
        this.ipv4Bits = ipv4Bits;
        this.ipv6Bits = ipv6Bits;
    }

    @Override
    public Schema outputType(Schema input) {
        FieldAction.requireType("generalize (IP prefix)", input, Schema.Type.STRING);
        return input;
    }

    @Override
    public Object apply(Object value) {
        String text = value.toString().trim();
        byte[] address = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
        if (address == null) {
            return INVALID;
        }
        return address.length == 4 ? formatIpv4(mask(address, ipv4Bits)) + "/" + ipv4Bits
                : formatIpv6(mask(address, ipv6Bits)) + "/" + ipv6Bits;
    }

    private static byte[] mask(byte[] address, int bits) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    static byte[] parseIpv6(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int zone = lower.indexOf('%');
        if (zone >= 0) {
            lower = lower.substring(0, zone);
        }
        int doubleColon = lower.indexOf("::");
        if (doubleColon >= 0 && lower.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? lower.substring(0, doubleColon) : lower;
        String tail = doubleColon >= 0 ? lower.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if ((doubleColon < 0 && total != 8) || (doubleColon >= 0 && total > 7)) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            int index = 8 - tailGroups.length + i;
            bytes[2 * index] = (byte) (tailGroups[i] >> 8);
            bytes[2 * index + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /** Hex groups of one side of '::'; an embedded IPv4 tail counts as two groups. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int last = parts.length - 1;
        boolean ipv4Tail = parts[last].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (i == last && ipv4Tail) {
                byte[] v4 = parseIpv4(parts[i]);
                if (v4 == null) {
                    return null;
                }
                groups[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                groups[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
            } else {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                int value = 0;
                for (int c = 0; c < part.length(); c++) {
                    int digit = Character.digit(part.charAt(c), 16);
                    if (digit < 0) {
                        return null;
                    }
                    value = value * 16 + digit;
                }
                groups[i] = value;
            }
        }
        return groups;
    }

    private static String formatIpv4(byte[] b) {
        return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
    }

    /** RFC 5952 form: lower case, longest run (≥ 2) of zero groups as '::'. */
    private static String formatIpv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    @Override
    public String name() {
        return "generalize";
    }
}
