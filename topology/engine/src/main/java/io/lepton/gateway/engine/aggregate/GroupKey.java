package io.lepton.gateway.engine.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoded key of a group: {@code field=value} pairs joined by {@code &}, with {@code %}, {@code &} and {@code =}
 * percent-escaped, so any values map to one string and back (a state-store key component, the noise-key's group, and
 * readable in a release record). The empty string is the single group of an aggregate without group-by fields.
 */
final class GroupKey {

    private GroupKey() {
    }

    static String encode(List<String> fields, List<String> values) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                key.append('&');
            }
            key.append(escape(fields.get(i))).append('=').append(escape(values.get(i)));
        }
        return key.toString();
    }

    static Map<String, String> decode(String key) {
        Map<String, String> group = new LinkedHashMap<>();
        if (key.isEmpty()) {
            return group;
        }
        for (String pair : key.split("&", -1)) {
            int equals = pair.indexOf('=');
            group.put(unescape(pair.substring(0, equals)), unescape(pair.substring(equals + 1)));
        }
        return group;
    }

    private static String escape(String text) {
        return text.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
    }

    private static String unescape(String text) {
        return text.replace("%3D", "=").replace("%26", "&").replace("%25", "%");
    }
}
