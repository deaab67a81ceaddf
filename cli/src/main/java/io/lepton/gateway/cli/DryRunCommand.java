package io.lepton.gateway.cli;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.json.AvroJson;
import io.lepton.serdes.json.AvroJsonException;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway dry-run}: JSON lines in, JSON lines out, through the same engine as the topology and no Kafka.
 * Each output line names its destination topic; a bad input line yields an error line (with its number) and the
 * run goes on.
 *
 * <p>DP noise is applied as in the topology, and the privacy budget is charged to an in-memory ledger that lives for
 * one run: within a run, subjects exhaust their budgets exactly as they would in the topology starting from an empty
 * ledger (budgets spent in production are not known here). A sanitized line carries the provenance headers the
 * topology writes; an event without a sanitized record (suppressed, or quarantined in a jurisdiction) also prints its
 * audit line.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = "Sanitize JSON-line events with the engine, without Kafka (stdin to stdout by default).")
final class DryRunCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--input", paramLabel = "FILE", description = "JSON-lines input (default: stdin).")
    Path input;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayEngine engine = engineOptions.engine(err);
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        int errors = 0;
        try (BufferedReader reader = input == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    process(engine, ledger, JsonLines.parse(line)).forEach(out::println);
                } catch (IllegalArgumentException e) {
                    errors++;
                    out.println(JsonLines.error(number, e.getMessage()));
                }
            }
        }
        out.flush();
        if (errors > 0) {
            err.println(errors + " input line(s) could not be processed; see the error lines.");
        }
        return 0;
    }

    /** The output lines for one input envelope: exactly what the topology would write, as JSON. */
    static List<String> process(GatewayEngine engine, PrivacyLedger ledger, JsonLines.Envelope envelope) {
        EventFamily family = engine.families().byRawTopic(envelope.topic()).orElseThrow(() ->
                new IllegalArgumentException("unknown topic '" + envelope.topic() + "'; expected one of "
                        + engine.families().all().stream().map(EventFamily::rawTopic).toList()));
        GenericRecord raw;
        try {
            raw = AvroJson.fromJson(envelope.value(), family.rawSchema());
        } catch (AvroJsonException e) {
            return List.of(undecodable(family, envelope).toString());
        }
        return JsonLines.outcome(engine.process(family, raw, ledger), envelope, raw).stream()
                .map(Object::toString).toList();
    }

    /**
     * A value that does not fit the schema, judged as the topology judges the bytes {@code replay} sends for it: by
     * the gateway's own decoder, which quarantines them as unrouted with the same reason and detail.
     */
    private static ObjectNode undecodable(EventFamily family, JsonLines.Envelope envelope) {
        byte[] bytes = JsonLines.undecodableBytes(envelope);
        try {
            new RecordCodec(new InMemorySchemaRegistryClient(), List.of(family)).decode(family, family.rawTopic(), bytes);
        } catch (SerdeException e) {
            return JsonLines.undecodable(envelope, bytes, e);
        }
        throw new IllegalStateException("JSON text decoded as an Avro event of " + family.name());
    }
}
