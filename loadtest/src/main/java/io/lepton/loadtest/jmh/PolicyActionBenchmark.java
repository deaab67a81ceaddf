package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.action.AgeBandAction;
import io.lepton.gateway.engine.action.HmacAction;
import io.lepton.gateway.engine.action.IpPrefixAction;
import io.lepton.gateway.engine.action.MaskAction;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.Pseudonymizer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The structured-field actions of the built-in policies, one value at a time: HMAC pseudonym of an e-mail, masking a
 * phone number, IPv4 and IPv6 prefixes, age bands. Scores are operations per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PolicyActionBenchmark {

    private static final String[] EMAILS = {"anna.schmidt@example.de", "joao.silva@example.com.br",
        "priya.sharma@example.in", "wei.zhang@example.cn"};
    private static final String[] PHONES = {"+49 30 901820", "+55 11 98765-4321", "+91 98765 43210",
        "+86 138 0013 8000"};
    private static final String[] IPV4 = {"203.0.113.77", "198.51.100.23", "192.0.2.200", "10.12.0.5"};
    private static final String[] IPV6 = {"2001:db8:1:2::5", "2001:db8:abcd:12:0:0:0:1", "fe80::1ff:fe23:4567:890a",
        "2001:db8::ff00:42:8329"};
    private static final Integer[] AGES = {17, 34, 58, 71};

    private HmacAction hmac;
    private MaskAction mask;
    private IpPrefixAction ipPrefix;
    private AgeBandAction ageBand;

    @Setup
    public void setUp() {
        hmac = new HmacAction(new Pseudonymizer(HmacKeyRing.of(Map.of("bench-1", new byte[32])), "bench-1"));
        mask = new MaskAction(4, '*');
        ipPrefix = new IpPrefixAction(24, 48);
        ageBand = new AgeBandAction(10);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int hmacEmail() {
        return apply(hmac, EMAILS);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int maskPhone() {
        return apply(mask, PHONES);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int ipPrefixV4() {
        return apply(ipPrefix, IPV4);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int ipPrefixV6() {
        return apply(ipPrefix, IPV6);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public int ageBand() {
        return apply(ageBand, AGES);
    }

    private static int apply(io.lepton.gateway.engine.action.FieldAction action, Object[] values) {
        int sink = 0;
        for (Object value : values) {
            sink += action.apply(value).hashCode();
        }
        return sink;
    }
}
