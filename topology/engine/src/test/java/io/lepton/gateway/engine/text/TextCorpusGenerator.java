package io.lepton.gateway.engine.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Deterministic generator of the labeled free-text corpus {@code src/test/resources/text-corpus.jsonl}: chat-like
 * lines in English, Chinese, Portuguese and Hindi in Latin script, each made of a few sentences that embed a
 * positive of some type (labeled span) or a hard negative (order numbers, timestamps, invalid checksums, version
 * strings, dates without a birth cue...). Regenerate with {@code main}; {@link TextCorpusTest} checks the committed
 * file is exactly what this produces.
 */
final class TextCorpusGenerator {
    static final long SEED = 20_260_124L;
    static final int LINES = 3000;
    static final Path COMMITTED = Path.of("src/test/resources/text-corpus.jsonl");
    static final List<String> LANGUAGES = List.of("en", "zh", "pt", "hi");

    private final Random rnd = new Random(SEED);
    private final CorpusValues values = new CorpusValues(rnd);

    /** A labeled span inside a line. */
    record Span(int start, int end, String type) {
    }

    /** One corpus line. */
    record Line(int id, String lang, String text, List<Span> spans) {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : COMMITTED;
        Files.writeString(target, toJsonLines(new TextCorpusGenerator().generate()), StandardCharsets.UTF_8);
    }

    static String toJsonLines(List<Line> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            sb.append(json.writeValueAsString(line)).append('\n');
        }
        return sb.toString();
    }

    List<Line> generate() {
        List<Line> lines = new ArrayList<>(LINES);
        for (int id = 0; id < LINES; id++) {
            String lang = LANGUAGES.get(id % LANGUAGES.size());
            StringBuilder text = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            int sentences = 1 + rnd.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(lang.equals("zh") ? "" : " ");
                }
                int kind = rnd.nextInt(10);
                if (kind < 6) {
                    if (positive(lang, text, spans)) {
                        break; // a sign-off ends the message
                    }
                } else if (kind < 9) {
                    text.append(values.pick(hardNegatives(lang)).get());
                } else {
                    text.append(values.pick(FILLER.get(lang)));
                }
            }
            lines.add(new Line(id, lang, text.toString(), spans));
        }
        return lines;
    }

    /** Appends a sentence with one labeled value; returns whether it was a sign-off, which ends a message. */
    private boolean positive(String lang, StringBuilder text, List<Span> spans) {
        TextPiiType type = TextPiiType.values()[rnd.nextInt(TextPiiType.values().length)];
        String value = value(type, lang);
        String template = values.pick(templates(type, lang));
        int slot = template.indexOf("{}");
        text.append(template, 0, slot);
        int start = text.length();
        text.append(value);
        spans.add(new Span(start, text.length(), type.name()));
        text.append(template.substring(slot + 2));
        return template.endsWith("\n{}");
    }

    private String value(TextPiiType type, String lang) {
        return switch (type) {
            case EMAIL -> values.email();
            case PHONE -> values.phone();
            case PAYMENT_CARD -> values.card();
            case IBAN -> values.iban();
            case IP_ADDRESS -> rnd.nextInt(3) == 0 ? values.ipv6() : values.ipv4();
            case US_SSN -> values.ssn();
            case CN_RESIDENT_ID -> values.cnId();
            case IN_AADHAAR -> values.aadhaar();
            case BR_CPF -> values.cpf();
            case BR_CNPJ -> values.cnpj();
            case UK_NINO -> values.nino();
            case SG_NRIC -> values.nric();
            case CRYPTO_WALLET -> values.wallet();
            case CREDENTIAL_URL -> values.credentialUrl();
            case DATE_OF_BIRTH -> values.dateOfBirth(lang);
            case PERSON_NAME -> values.name(lang);
        };
    }

    private static final Map<String, String> NOUNS_EN = Map.ofEntries(
        Map.entry("EMAIL", "email"), Map.entry("PHONE", "phone number"), Map.entry("PAYMENT_CARD", "card"),
        Map.entry("IBAN", "IBAN"), Map.entry("IP_ADDRESS", "IP"), Map.entry("US_SSN", "SSN"),
        Map.entry("CN_RESIDENT_ID", "ID card number"), Map.entry("IN_AADHAAR", "Aadhaar"),
        Map.entry("BR_CPF", "CPF"), Map.entry("BR_CNPJ", "CNPJ"), Map.entry("UK_NINO", "NI number"),
        Map.entry("SG_NRIC", "NRIC"), Map.entry("CRYPTO_WALLET", "wallet"), Map.entry("CREDENTIAL_URL", "link"));

    private List<String> templates(TextPiiType type, String lang) {
        if (type == TextPiiType.DATE_OF_BIRTH) {
            return switch (lang) {
                case "zh" -> List.of("我的出生日期是{}。", "本人生日：{}，请核对。");
                case "pt" -> List.of("Minha data de nascimento é {}.", "Nasci em {}, confere?");
                case "hi" -> List.of("Meri janam tithi {} hai.", "DOB {} hai, please check karo.");
                default -> List.of("My date of birth is {}.", "I was born on {}, if that helps.", "DOB: {}.");
            };
        }
        if (type == TextPiiType.PERSON_NAME) {
            return switch (lang) {
                // The last template of each language has no cue: it measures the documented recall limit.
                case "zh" -> List.of("你好，我叫{}，想问一下退款。", "我是{}，订单一直没到。", "昨天{}给我打过电话。");
                case "pt" -> List.of("Olá, meu nome é {} e preciso de ajuda.", "Atenciosamente,\n{}",
                    "Oi {}, obrigado pelo retorno.", "Falei com {} ontem sobre isso.");
                case "hi" -> List.of("Namaste, mera naam {} hai.", "Dhanyavaad,\n{}", "Hi {}, refund kab milega?",
                    "Kal {} ne bola tha refund milega.");
                default -> List.of("Hi, my name is {} and I need help.", "Kind regards,\n{}", "Dear {}, thanks.",
                    "This is {} from accounting.", "Please forward this to {} in billing.");
            };
        }
        String noun = NOUNS_EN.get(type.name());
        return switch (lang) {
            case "zh" -> List.of("我的" + noun + "是{}，请帮我查一下。", "请用这个：{}。谢谢！", "客服你好，{}这个有问题吗？");
            case "pt" -> List.of("Meu " + noun + " é {}, pode verificar?", "Segue o dado: {} obrigado.",
                "Use {} para o cadastro, por favor.");
            case "hi" -> List.of("Mera " + noun + " {} hai, please check karo.", "Yeh raha: {} jaldi update karo.",
                "Bhai {} wala issue abhi tak solve nahi hua.");
            default -> List.of("My " + noun + " is {}, can you check?", "Please use {} for the refund.",
                "I already sent {} yesterday.", "({}) was the one I used.");
        };
    }

    private List<Supplier<String>> hardNegatives(String lang) {
        List<Supplier<String>> n = new ArrayList<>(List.of(
            () -> "Order #" + values.digits(8) + " has not arrived.",
            () -> "Ticket " + values.digits(10) + " was closed.",
            () -> "Invoice no. " + values.digits(9) + " is attached.",
            () -> "Tracking ORD-" + values.digits(7) + "-" + values.letters(2) + " shows delays.",
            () -> "At " + values.pick(List.of("2024-03-15T10:30:45Z", "2025-11-02 08:15:00", "15/03/2024 10:30",
                "20240315103045", "1710498645")) + " the payment failed.",
            () -> "Card ending " + values.digits(4) + " was declined, number " + values.badCard() + " is wrong.",
            () -> "The IBAN " + values.badIban() + " was rejected.",
            () -> "CPF " + corruptCpf() + " inválido.",
            () -> "ID " + values.badCnId() + " failed verification.",
            () -> "NRIC " + values.badNric() + " does not match.",
            () -> "Wallet " + values.badWallet() + " bounced.",
            () -> "SSN " + values.badSsn() + " is not valid.",
            () -> "App version " + values.pick(List.of("v2.14.3", "10.0.19045.3803", "1.2.3-rc1", "Android 14.0.1",
                "build 120.0.6099.129", "iOS 17.4.1")) + " crashes.",
            () -> "Delivered on " + values.pick(List.of("12/03/2024", "2024-05-06", "03.04.2023")) + " at 10:30.",
            () -> "Total " + values.pick(List.of("R$ 1.234,56", "$1,299.00", "₹ 12,34,567", "¥ 8,800", "€ 99,90"))
                + " charged twice.",
            () -> "See " + values.plainUrl() + " for details.",
            () -> "Write to support@localhost or admin@intranet if needed.",
            () -> "Router MAC 00:1A:2B:" + values.pick(List.of("3C:4D:5E", "AA:BB:CC")) + " at 10:45:12.",
            () -> "Dear Customer, your order shipped.",
            () -> "Hi Team, any update?",
            () -> "Quantity 3 x 250 ml, batch " + values.digits(6) + "."));
        if (lang.equals("zh")) {
            n.add(() -> "订单号" + values.digits(8) + "还没发货。");
            n.add(() -> "我是新客户，想咨询一下。");
        }
        if (lang.equals("pt")) {
            n.add(() -> "Pedido nº " + values.digits(7) + " atrasado.");
            n.add(() -> "Protocolo " + values.digits(12) + " aberto.");
        }
        if (lang.equals("hi")) {
            n.add(() -> "Order " + values.digits(8) + " abhi tak nahi aaya.");
        }
        return n;
    }

    private String corruptCpf() {
        String cpf = values.cpf();
        char last = cpf.charAt(cpf.length() - 1);
        return cpf.substring(0, cpf.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static final Map<String, List<String>> FILLER = Map.of(
        "en", List.of("Thanks for the quick reply!", "The app keeps logging me out.", "Can I get a refund?",
            "It has been three days already."),
        "zh", List.of("谢谢你们的帮助！", "App一直闪退。", "可以退款吗？", "已经等了三天了。"),
        "pt", List.of("Obrigado pelo retorno!", "O aplicativo fecha sozinho.", "Posso pedir reembolso?",
            "Já faz três dias."),
        "hi", List.of("Thank you bhai!", "App baar baar band ho raha hai.", "Refund milega kya?",
            "Teen din ho gaye hain."));
}
