package io.lepton.gateway.engine.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldActionsTest {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);

    @Test
    void dropRemovesTheFieldAndDeletesTextMatches() {
        DropAction drop = new DropAction();
        assertThat(drop.outputType(STRING)).isNull();
        assertThat(drop.applyToText("jane@example.com")).isEmpty();
    }

    @Test
    void redactUsesATypedPlaceholderAndTurnsAnyTypeIntoAString() {
        RedactAction redact = RedactAction.forClass("EMAIL");
        assertThat(redact.apply(new Utf8("jane@example.com"))).isEqualTo("[EMAIL]");
        assertThat(redact.outputType(INT)).isEqualTo(STRING);
        assertThat(new RedactAction("<hidden>").applyToText("x")).isEqualTo("<hidden>");
    }

    @ParameterizedTest(name = "mask({0}, keepLast={1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "+49 151 2345678|2|+** *** *****78",
        "4111 1111 1111 1111|4|**** **** **** 1111",
        "DE89370400440532013000|4|******************3000",
        "abc|4|abc",
        "abc|0|***",
        "S1234567D|4|*****567D"
    })
    void maskKeepsTheLastCharactersAndTheSeparators(String value, int keepLast, String expected) {
        assertThat(new MaskAction(keepLast, '*').apply(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "age {0} / {1} -> {2}")
    @CsvSource({"0, 10, 0-9", "37, 10, 30-39", "39, 10, 30-39", "40, 10, 40-49", "37, 5, 35-39", "89, 10, 80-89",
        "90, 10, 90+", "104, 10, 90+", "-1, 10, unknown", "37, 1, 37", "85, 20, 80-89"})
    void ageBandsAreTopCodedAt90(long age, int width, String band) {
        AgeBandAction action = new AgeBandAction(width);
        assertThat(action.outputType(INT)).isEqualTo(STRING);
        assertThat(action.apply(age)).isEqualTo(band);
    }

    @Test
    void ageBandRejectsNonNumericFields() {
        assertThatThrownBy(() -> new AgeBandAction(10).outputType(STRING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STRING");
    }

    @ParameterizedTest(name = "{0} /{1},/{2} -> {3}")
    @CsvSource({
        "203.0.113.77, 24, 48, 203.0.113.0/24",
        "203.0.113.77, 16, 48, 203.0.0.0/16",
        "10.1.2.3, 0, 48, 0.0.0.0/0",
        "255.255.255.255, 32, 48, 255.255.255.255/32",
        "2001:db8:1:2::5, 24, 48, 2001:db8:1::/48",
        "2001:DB8:ABCD:1234:5678:9abc:def0:1, 24, 32, 2001:db8::/32",
        "::1, 24, 48, ::/48",
        "::ffff:192.0.2.128, 24, 128, ::ffff:c000:280/128",
        "fe80::1%eth0, 24, 64, fe80::/64",
        "256.1.1.1, 24, 48, [IP_ADDRESS]",
        "1.2.3, 24, 48, [IP_ADDRESS]",
        "example.com, 24, 48, [IP_ADDRESS]",
        "1:2:3:4:5:6:7:8:9, 24, 48, [IP_ADDRESS]",
        "1::2::3, 24, 48, [IP_ADDRESS]",
        "gggg::1, 24, 48, [IP_ADDRESS]"
    })
    void ipAddressesGeneralizeToTheirPrefixAndInvalidOnesAreRedacted(String ip, int v4, int v6, String expected) {
        assertThat(new IpPrefixAction(v4, v6).apply(ip)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} @ {1} decimals -> {2}")
    @CsvSource({"48.137154, 1, 48.1", "48.137154, 2, 48.13", "-33.868820, 1, -33.9", "151.209296, 0, 151.0",
        "0.0, 2, 0.0"})
    void coordinatesSnapDownToTheGrid(double value, int decimals, double expected) {
        assertThat(new GeoGridAction(decimals).apply(value)).isEqualTo(expected);
    }

    @Test
    void timestampsTruncateToTheHourOrTheDayInUtc() {
        long at = Instant.parse("2026-11-24T13:47:11.123Z").toEpochMilli();
        assertThat(new TimeTruncateAction(ChronoUnit.HOURS).apply(at))
                .isEqualTo(Instant.parse("2026-11-24T13:00:00Z").toEpochMilli());
        assertThat(new TimeTruncateAction(ChronoUnit.DAYS).apply(at))
                .isEqualTo(Instant.parse("2026-11-24T00:00:00Z").toEpochMilli());
        assertThat(new TimeTruncateAction(ChronoUnit.DAYS).apply(-1L))
                .isEqualTo(-ChronoUnit.DAYS.getDuration().toMillis());
    }

    @Test
    void generalizationsOfNumbersDoNotApplyToFreeText() {
        assertThat(new AgeBandAction(10).appliesToText()).isFalse();
        assertThat(new GeoGridAction(1).appliesToText()).isFalse();
        assertThat(new IpPrefixAction(24, 48).applyToText("192.168.1.20")).isEqualTo("192.168.1.0/24");
    }
}
