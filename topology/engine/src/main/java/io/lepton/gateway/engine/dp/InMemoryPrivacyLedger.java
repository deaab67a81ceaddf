package io.lepton.gateway.engine.dp;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link PrivacyLedger} in a map, for one dry-run or one test: budgets are charged exactly as in the topology, but
 * live only as long as this object. Not thread-safe.
 */
public final class InMemoryPrivacyLedger implements PrivacyLedger {

    private final Map<String, BudgetState> states = new HashMap<>();

    @Override
    public BudgetState get(String jurisdiction, String subject) {
        return states.get(key(jurisdiction, subject));
    }

    @Override
    public void put(String jurisdiction, String subject, BudgetState state) {
        states.put(key(jurisdiction, subject), state);
    }

    private static String key(String jurisdiction, String subject) {
        return jurisdiction + '\u0000' + subject;
    }
}
