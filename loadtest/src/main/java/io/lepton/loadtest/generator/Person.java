package io.lepton.loadtest.generator;

/**
 * A synthetic data subject: the stable attributes every event about this person repeats (so pseudonyms, per-subject
 * privacy budgets and fairness groups behave as with real users).
 *
 * @param index position in the population (stable for a seed)
 * @param region where the person lives
 * @param gender {@code F}, {@code M}, {@code X}, or null when not collected
 * @param age age in years
 * @param fullName name as written in the region (family name first for Chinese)
 * @param email e-mail address
 * @param phone phone number in the region's format
 * @param nationalId national identifier (compact), or null when the region has none in the catalog
 * @param iban compact IBAN, or null outside IBAN countries
 * @param cardNumber compact payment card number
 * @param home city the person lives near
 * @param customerId subject id in customer-service events
 * @param userId subject id in recommendation events
 * @param accountId subject id in financial-sentiment events
 * @param deviceId the person's device id
 */
public record Person(
        int index,
        RegionProfile region,
        String gender,
        int age,
        String fullName,
        String email,
        String phone,
        String nationalId,
        String iban,
        String cardNumber,
        City home,
        String customerId,
        String userId,
        String accountId,
        String deviceId) {}
