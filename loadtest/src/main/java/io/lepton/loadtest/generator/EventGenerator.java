package io.lepton.loadtest.generator;

import io.lepton.schemas.Action;
import io.lepton.schemas.Channel;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Realistic synthetic events of the three families, over every region of the {@link RegionCatalog}: personal data in
 * structured fields and in multilingual free text, an injected {@link BiasConfig}, and a share of deliberately
 * malformed records. Deterministic: the same {@link GeneratorConfig} and clock readings give the same records.
 *
 * <p>Not thread-safe: one generator per producing thread.
 */
public final class EventGenerator {

    /** Family names, as in topic names; events are spread evenly over them. */
    public static final List<String> FAMILIES = List.of("customer-service", "recommendation", "financial-sentiment");

    /**
     * Escalation to a senior agent is rarer than a credit approval: customer-service events use the bias rates
     * scaled by this factor, which keeps the disparate-impact ratio of the bias unchanged.
     */
    static final double ESCALATION_SCALE = 0.5;

    private static final List<String> UNKNOWN_REGIONS = List.of("ZZ", "XX", "Atlantis", "EU", "U.S.");
    private static final List<String> INSTRUMENTS = List.of("AAPL", "MSFT", "NVDA", "SAP.DE", "AIR.PA", "ASML.AS",
            "PETR4.SA", "600519.SS", "RELIANCE.NS", "D05.SI", "7203.T", "VOD.L", "BTC-USD", "GOLD");
    private static final int PROVIDERS = 40;
    /** Providers below this index are the LARGE group; the rest are SMALL. */
    private static final int LARGE_PROVIDERS = 8;

    private final GeneratorConfig config;
    private final Clock clock;
    private final SplittableRandom random;
    private final SyntheticIdentifiers ids;
    private final FreeTextWriter text;
    private final Population population;

    public EventGenerator(GeneratorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.random = new SplittableRandom(config.seed());
        this.population = Population.generate(config.populationSize(), random.split());
        this.ids = new SyntheticIdentifiers(random);
        this.text = new FreeTextWriter(random, ids);
    }

    /** The next record. */
    public SyntheticRecord next() {
        String family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        Person person = population.pick(random);
        Instant now = Instant.ofEpochMilli(clock.millis());
        if (random.nextDouble() < config.malformedFraction()) {
            return malformed(family, person, now);
        }
        return new SyntheticRecord.Event("raw." + family, subjectOf(family, person), family,
                event(family, person, now, person.region().code()), null);
    }

    public Population population() {
        return population;
    }

    private SpecificRecord event(String family, Person person, Instant now, String region) {
        return switch (family) {
            case "customer-service" -> customerService(person, now, region);
            case "recommendation" -> recommendation(person, now, region);
            default -> financialSentiment(person, now, region);
        };
    }

    private static String subjectOf(String family, Person person) {
        return switch (family) {
            case "customer-service" -> person.customerId();
            case "recommendation" -> person.userId();
            default -> person.accountId();
        };
    }

    private CustomerServiceEvent customerService(Person person, Instant now, String region) {
        String intent = FreeTextWriter.INTENTS.get(random.nextInt(FreeTextWriter.INTENTS.size()));
        boolean escalated = random.nextDouble() < config.bias().rateFor(person) * ESCALATION_SCALE;
        boolean resolved = random.nextDouble() < (escalated ? 0.85 : 0.7);
        int satisfaction = resolved ? 3 + random.nextInt(3) : 1 + random.nextInt(3);
        return CustomerServiceEvent.newBuilder()
                .setEventId("cs-" + ids.hex(16))
                .setOccurredAt(now)
                .setRegion(region)
                .setCustomerId(person.customerId())
                .setConversationId("conv-" + ids.hex(10))
                .setChannel(Channel.values()[random.nextInt(Channel.values().length)])
                .setMessage(text.customerMessage(person, intent, ipAddress()))
                .setCustomerName(sometimes(0.9, person.fullName()))
                .setCustomerEmail(sometimes(0.8, person.email()))
                .setCustomerPhone(sometimes(0.7, person.phone()))
                .setCustomerAge(sometimes(0.85, person.age()))
                .setGender(person.gender())
                .setIntent(intent)
                .setSatisfaction(satisfaction)
                .setEscalated(escalated)
                .setResolved(resolved)
                .setAgentId("agent-" + random.nextInt(200))
                .build();
    }

    private RecommendationEvent recommendation(Person person, Instant now, String region) {
        int rank = 1 + random.nextInt(10);
        int provider = random.nextInt(PROVIDERS);
        double score = Math.max(0, Math.min(1, 1.0 - rank * 0.08 + (random.nextDouble() - 0.5) * 0.2));
        double roll = random.nextDouble();
        Action action = roll < 0.03 ? Action.PURCHASE : roll < 0.15 ? Action.CLICK : Action.IMPRESSION;
        return RecommendationEvent.newBuilder()
                .setEventId("rec-" + ids.hex(16))
                .setOccurredAt(now)
                .setRegion(region)
                .setUserId(person.userId())
                .setSessionId("sess-" + ids.hex(10))
                .setItemId("item-" + random.nextInt(5000))
                .setProviderId("prov-" + provider)
                .setProviderGroup(provider < LARGE_PROVIDERS ? "LARGE" : "SMALL")
                .setRank(rank)
                .setScore(round(score, 3))
                .setAction(action)
                .setUserAge(sometimes(0.9, person.age()))
                .setGender(person.gender())
                .setIpAddress(ipAddress())
                .setLatitude(round(person.home().latitude() + gaussian(0.05), 6))
                .setLongitude(round(person.home().longitude() + gaussian(0.05), 6))
                .setDeviceId(sometimes(0.8, person.deviceId()))
                .build();
    }

    private FinancialSentimentEvent financialSentiment(Person person, Instant now, String region) {
        String instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        double sentiment = round(random.nextDouble() * 2 - 1, 2);
        // Log-normal amounts (median about 3,000), clamped to the schema's declared DP range.
        double amount = round(Math.min(100_000, Math.exp(8 + gaussian(1.0))), 2);
        boolean approved = random.nextDouble() < config.bias().rateFor(person);
        Boolean qualified = random.nextBoolean() ? random.nextDouble() < 0.7 : null;
        String ip = ipAddress();
        return FinancialSentimentEvent.newBuilder()
                .setEventId("fin-" + ids.hex(16))
                .setOccurredAt(now)
                .setRegion(region)
                .setAccountId(person.accountId())
                .setInstrument(instrument)
                .setText(text.financialPost(person, instrument, sentiment, ip))
                .setSentiment(sentiment)
                .setAmount(amount)
                .setApproved(approved)
                .setQualified(qualified)
                .setAge(sometimes(0.9, person.age()))
                .setGender(person.gender())
                .setIpAddress(ip)
                .build();
    }

    private SyntheticRecord malformed(String family, Person person, Instant now) {
        MalformedKind kind = MalformedKind.values()[random.nextInt(MalformedKind.values().length)];
        String topic = "raw." + family;
        String key = subjectOf(family, person);
        return switch (kind) {
            case UNKNOWN_REGION -> new SyntheticRecord.Event(topic, key, family,
                    event(family, person, now, UNKNOWN_REGIONS.get(random.nextInt(UNKNOWN_REGIONS.size()))), kind);
            case WRONG_MAGIC_BYTE -> new SyntheticRecord.RawBytes(topic, key, family,
                    withWrongMagicByte(event(family, person, now, person.region().code())), kind);
            case GARBAGE_BYTES -> new SyntheticRecord.RawBytes(topic, key, family, garbage(), kind);
        };
    }

    /**
     * Random bytes whose first byte is never the wire format's magic 0, so they are rejected as not-Avro rather than
     * sending the gateway to the registry with a random schema id.
     */
    private byte[] garbage() {
        byte[] bytes = new byte[16 + random.nextInt(64)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        bytes[0] = (byte) (1 + random.nextInt(255));
        return bytes;
    }

    private static byte[] withWrongMagicByte(SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.writeBytes(new byte[] {0, 0, 0, 1});
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(event.getSchema(), SpecificData.getForSchema(event.getSchema()))
                    .write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String ipAddress() {
        return random.nextInt(4) == 0 ? ids.ipv6() : ids.ipv4();
    }

    private <T> T sometimes(double probability, T value) {
        return random.nextDouble() < probability ? value : null;
    }

    private double gaussian(double sigma) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
