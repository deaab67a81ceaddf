package io.lepton.gateway.engine.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFamiliesTest {

    private static final String LOAN = """
            {"type": "record", "name": "LoanEvent", "namespace": "com.example", "family": "loan", "fields": [
              {"name": "eventId", "type": "string"},
              {"name": "occurredAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "region", "type": "string"},
              {"name": "applicantId", "type": "string", "subject": true, "pii": "SUBJECT_ID"},
              {"name": "approved", "type": "boolean", "fairness": "decision"}]}""";

    @Test
    void theBuiltInSchemasAreDiscoveredButTheGatewaysOwnOutputRecordsAreNot() {
        assertThat(EventFamilies.discover().all()).extracting(EventFamily::name)
                .containsExactly("customer-service", "financial-sentiment", "recommendation");
    }

    @Test
    void aTaggedSchemaFileBesideTheBuiltInOnesAddsAFamilyWithoutCode(@TempDir Path dir) throws IOException {
        Path schemas = Files.createDirectories(dir.resolve(EventFamilies.SCHEMA_PACKAGE));
        Files.writeString(schemas.resolve("loan.avsc"), LOAN);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                EventFamilies.class.getClassLoader())) {
            EventFamilies families = EventFamilies.discover(loader);
            assertThat(families.all()).extracting(EventFamily::name)
                    .containsExactly("customer-service", "financial-sentiment", "loan", "recommendation");
            EventFamily loan = families.byName("loan").orElseThrow();
            assertThat(loan.rawTopic()).isEqualTo("raw.loan");
            assertThat(loan.subjectField()).isEqualTo("applicantId");
        }
    }

    @Test
    void twoSchemasClaimingOneFamilyStopStartUp(@TempDir Path dir) throws IOException {
        Path schemas = Files.createDirectories(dir.resolve(EventFamilies.SCHEMA_PACKAGE));
        Files.writeString(schemas.resolve("loan.avsc"), LOAN);
        Files.writeString(schemas.resolve("loan2.avsc"), LOAN.replace("LoanEvent", "OtherLoanEvent"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                EventFamilies.class.getClassLoader())) {
            assertThatThrownBy(() -> EventFamilies.discover(loader)).hasMessageContaining("claim family loan");
        }
    }
}
