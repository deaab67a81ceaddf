package io.lepton.gateway.engine.provenance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Joins header entries under a byte cap, deterministically: entries are kept whole and in the given order while they
 * fit, and when one does not, the rest are replaced by the marker {@code +N} (N entries left out), so a consumer can
 * tell a truncated list from a complete one and two gateways truncate the same list the same way.
 */
final class BoundedList {

    private BoundedList() {}

    /** The entries joined by {@code separator}, at most {@code cap} UTF-8 bytes long. */
    static byte[] join(List<String> entries, char separator, int cap) {
        String whole = String.join(String.valueOf(separator), entries);
        byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= cap) {
            return bytes;
        }
        int[] prefixLength = new int[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            int entry = entries.get(i).getBytes(StandardCharsets.UTF_8).length;
            prefixLength[i + 1] = prefixLength[i] + (i > 0 ? 1 : 0) + entry;
        }
        for (int kept = entries.size() - 1; kept >= 0; kept--) {
            String marker = "+" + (entries.size() - kept);
            int length = prefixLength[kept] + (kept > 0 ? 1 : 0) + marker.length();
            if (length <= cap) {
                String prefix = String.join(String.valueOf(separator), entries.subList(0, kept));
                return (kept > 0 ? prefix + separator + marker : marker).getBytes(StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("a cap of " + cap + " bytes cannot even hold the truncation marker");
    }
}
