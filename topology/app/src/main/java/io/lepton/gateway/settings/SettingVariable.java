package io.lepton.gateway.settings;

/**
 * Every environment variable the gateway's settings read, with its default and meaning: the one table behind
 * {@link GatewaySettings}, the README's configuration table and the Kubernetes manifests (a test checks that each
 * variable a manifest sets is listed here or is a key variable).
 */
public enum SettingVariable {
    KAFKA_BOOTSTRAP_SERVERS("localhost:9092", "Kafka bootstrap servers"),
    KAFKA_STREAMS_APPLICATION_ID("lepton-gateway", "Kafka Streams application id (consumer group, internal topic prefix)"),
    KAFKA_STREAMS_PROCESSING_GUARANTEE("exactly_once_v2", "exactly_once_v2 or at_least_once"),
    KAFKA_STREAMS_THREADS("2", "stream threads per instance"),
    KAFKA_STREAMS_COMMIT_INTERVAL_MS("100", "commit interval: how often outputs become visible under exactly-once"),
    KAFKA_STREAMS_STATE_DIR("/tmp/kafka-streams", "state directory (ledger, fairness state); one per instance"),
    KAFKA_STREAMS_NUM_STANDBY_REPLICAS("1", "warm copies of each task's state on other instances, for fast failover"),
    KAFKA_STREAMS_GROUP_INSTANCE_ID("", "static group membership id (e.g. the pod name): a restarted instance takes"
            + " its tasks back without a rebalance; unset means dynamic membership"),
    KAFKA_STREAMS_SESSION_TIMEOUT_MS("6000", "consumer session timeout: how long a silent instance keeps its tasks"
            + " before they move; the broker's group.min.session.timeout.ms (default 6000) is the floor"),
    KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS("", "consumer heartbeat interval: how soon a survivor hears of a rebalance;"
            + " unset: a third of the session timeout"),
    KAFKA_STREAMS_MAX_WARMUP_REPLICAS("2", "tasks warming up at once on an instance that (re)joins, before their"
            + " active copies move to it"),
    KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS("60000", "how often warming-up tasks are checked, to move them once"
            + " caught up (Kafka Streams' minimum, 60000)"),
    KAFKA_PRODUCER_LINGER_MS("", "producer linger; unset: one commit interval under exactly-once, 5 ms otherwise"),
    KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS("5000", "exactly-once: after this long the broker aborts a crashed"
            + " instance's open transaction, which holds back read_committed readers of its partitions until then;"
            + " longer than the commit interval"),
    KAFKA_PRODUCER_COMPRESSION_TYPE("none", "compression of every record the gateway writes: none, gzip, snappy,"
            + " lz4 or zstd; KafkaJS decodes only none and gzip without an extra codec package"),
    LEPTON_CREATE_TOPICS("true", "create missing input and output topics at start-up"),
    LEPTON_TOPIC_PARTITIONS("6", "partitions of created topics and of the subject repartition topics"),
    LEPTON_REPLICATION_FACTOR("-1", "replication factor of every topic the gateway or Kafka Streams creates;"
            + " -1: the broker's default"),
    LEPTON_MIN_INSYNC_REPLICAS("", "min.insync.replicas of every topic the gateway or Kafka Streams creates;"
            + " unset: the broker's default"),
    LEPTON_INTERNAL_TOPIC_RETENTION_HOURS("24", "retention of the lanes' internal topics (DP contributions carry keyed"
            + " subject tokens): read within seconds, so keep only as long as an outage you want to resume from"),
    SCHEMA_REGISTRY_URL("http://localhost:8081", "Confluent-API schema registry base URL(s), comma-separated"),
    SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO("", "user:password for the registry"),
    SCHEMA_REGISTRY_BEARER_TOKEN("", "bearer token for the registry"),
    SCHEMA_REGISTRY_TRUSTSTORE_LOCATION("", "trust store for an https registry; unset: the JDK's"),
    SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD("", "password of that trust store"),
    SCHEMA_REGISTRY_TRUSTSTORE_TYPE("PKCS12", "type of that trust store"),
    POLICY_DIR("", "directory of policy files replacing the built-in ones (a mounted ConfigMap)"),
    LEPTON_HMAC_KEY_DIR("", "directory with one pseudonym key file per key id (a mounted Secret)"),
    LEPTON_NOISE_KEY_DIR("", "directory with one DP noise key file per jurisdiction id (a mounted Secret)"),
    LEPTON_LEDGER_KEY_DIR("", "directory with one privacy-ledger key file per jurisdiction id (a mounted Secret)");

    /** Prefix of Kafka client security settings passed through as they are: {@code KAFKA_STREAMS_SSL_*} etc. */
    public static final String KAFKA_SECURITY_PREFIX = "KAFKA_STREAMS_";

    private final String defaultValue;
    private final String meaning;

    SettingVariable(String defaultValue, String meaning) {
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    /** The default; empty means unset. */
    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }
}
