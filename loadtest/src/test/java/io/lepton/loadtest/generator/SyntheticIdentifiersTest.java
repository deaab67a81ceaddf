package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every generated identifier passes its real validity check (seeded loops over many draws). */
class SyntheticIdentifiersTest {

    private static final int DRAWS = 5_000;
    private final SyntheticIdentifiers ids = new SyntheticIdentifiers(new SplittableRandom(20260101L));

    @Test
    void cardNumbersAreSixteenDigitVisaOrMastercardPassingLuhn() {
        for (int i = 0; i < DRAWS; i++) {
            String card = ids.cardNumber();
            assertThat(card).matches("(4\\d{15})|(5[1-5]\\d{14})");
            assertThat(IdentifierChecksums.isValidLuhn(card)).as(card).isTrue();
        }
    }

    @Test
    void ibansOfEveryCatalogCountryHaveTheRegistryLengthAndValidCheckDigits() {
        Map<String, Integer> lengths = Map.of("DE", 22, "FR", 27, "ES", 24, "IT", 27, "NL", 18, "PL", 28, "GB", 22,
                "BR", 29);
        for (RegionProfile region : RegionCatalog.all()) {
            if (region.ibanBbanPattern() == null) {
                continue;
            }
            for (int i = 0; i < DRAWS / 10; i++) {
                String iban = ids.iban(region.country(), region.ibanBbanPattern());
                assertThat(iban).hasSize(lengths.get(region.country())).startsWith(region.country());
                assertThat(IdentifierChecksums.isValidIban(iban)).as(iban).isTrue();
            }
        }
    }

    @Test
    void nationalIdsPassTheirChecks() {
        DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
        for (int i = 0; i < DRAWS; i++) {
            String cpf = ids.cpf();
            assertThat(IdentifierChecksums.isValidCpf(cpf)).as(cpf).isTrue();
            assertThat(cpf.chars().distinct().count()).isGreaterThan(1);

            String cn = ids.cnResidentId();
            assertThat(IdentifierChecksums.isValidCnResidentId(cn)).as(cn).isTrue();
            LocalDate birth = LocalDate.parse(cn.substring(6, 14), basic);
            assertThat(birth.getYear()).isBetween(1950, 2005);

            String aadhaar = ids.aadhaar();
            assertThat(aadhaar).matches("[2-9]\\d{11}");
            assertThat(IdentifierChecksums.isValidVerhoeff(aadhaar)).as(aadhaar).isTrue();

            String nric = ids.nric();
            assertThat(nric).matches("[ST]\\d{7}[A-Z]");
            assertThat(IdentifierChecksums.isValidNric(nric)).as(nric).isTrue();

            String ssn = ids.ssn();
            assertThat(ssn).matches("\\d{3}-\\d{2}-\\d{4}").doesNotStartWith("000").doesNotStartWith("666")
                    .doesNotStartWith("9").doesNotContain("-00-").doesNotEndWith("-0000");
        }
    }

    @Test
    void ipAddressesAreValidLiterals() throws UnknownHostException {
        for (int i = 0; i < DRAWS; i++) {
            // getByName on a literal parses it without any DNS lookup.
            assertThat(InetAddress.getByName(ids.ipv4())).isInstanceOf(Inet4Address.class);
            assertThat(InetAddress.getByName(ids.ipv6())).isInstanceOf(Inet6Address.class);
        }
    }

    @Test
    void phonesFollowTheirRegionPattern() {
        for (RegionProfile region : RegionCatalog.all()) {
            String regex = region.phonePattern().replaceAll("([+()])", "\\\\$1").replace("#", "\\d");
            assertThat(ids.phone(region.phonePattern())).matches(regex);
        }
    }
}
