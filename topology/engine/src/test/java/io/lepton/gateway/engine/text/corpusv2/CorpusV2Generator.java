package io.lepton.gateway.engine.text.corpusv2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes corpus v2 ({@code positives.jsonl}, {@code negatives.jsonl}) from the templates under
 * {@code corpus-v2/templates/} and {@link ValueFactory}'s values, from one fixed seed, so that
 * {@code main} regenerates the checked-in files byte for byte.
 *
 * <p>Every positive span is labelled with its type, tier ({@code common}: a plain, frequent form; {@code hard}: a
 * variation named by its format class), format class and language. Offsets are UTF-16 indices into {@code text}.
 *
 * <p>Run: {@code java -cp <test classpath> io.lepton.gateway.engine.text.corpusv2.CorpusV2Generator
 * topology/engine/src/test/resources/corpus-v2}.
 */
public final class CorpusV2Generator {

    /** The seed of the checked-in corpus. */
    public static final long SEED = 20_240_612L;
    /** Texts per (type, tier) whose focal value is of that type. */
    public static final int PER_TYPE_AND_TIER = 220;
    /** Variants per negative template with slots. */
    static final int PER_NEGATIVE_TEMPLATE = 14;

    public static final List<String> TYPES = List.of("EMAIL", "PHONE", "PAYMENT_CARD", "IBAN", "IP_ADDRESS",
            "US_SSN", "CN_RESIDENT_ID", "IN_AADHAAR", "BR_CPF", "BR_CNPJ", "UK_NINO", "SG_NRIC", "CRYPTO_WALLET",
            "CREDENTIAL_URL", "DATE_OF_BIRTH", "PERSON_NAME");

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z_]+)}}");
    private static final Map<String, String> PRESIDIO_SLOTS = Map.ofEntries(
            Map.entry("credit_card_number", "PAYMENT_CARD"), Map.entry("phone_number", "PHONE"),
            Map.entry("email", "EMAIL"), Map.entry("iban", "IBAN"), Map.entry("ip_address", "IP_ADDRESS"),
            Map.entry("ssn", "US_SSN"), Map.entry("date_of_birth", "DATE_OF_BIRTH"), Map.entry("person", "PERSON"),
            Map.entry("name", "PERSON"), Map.entry("name_male", "PERSON"), Map.entry("name_female", "PERSON"),
            Map.entry("first_name", "FIRST"), Map.entry("first_name_male", "FIRST"),
            Map.entry("first_name_female", "FIRST"), Map.entry("first_name_nonbinary", "FIRST"),
            Map.entry("last_name", "LAST"), Map.entry("last_name_male", "LAST"), Map.entry("last_name_female", "LAST"));
    /** Presidio slots of things this corpus does not label, filled with fixed innocent text. */
    private static final Map<String, String> FILLERS = Map.ofEntries(
            Map.entry("organization", "Northwind Bank"), Map.entry("city", "Springfield"),
            Map.entry("address", "42 Elm Street, Springfield"), Map.entry("street_name", "Elm"),
            Map.entry("country", "Portugal"), Map.entry("building_number", "42"), Map.entry("age", "37"),
            Map.entry("secondary_address", "Apt. 5"), Map.entry("year", "2019"), Map.entry("postcode", "SW1A 1AA"),
            Map.entry("zipcode", "94103"), Map.entry("nationality", "Canadian"),
            Map.entry("url", "https://www.example.org/help"), Map.entry("job", "teacher"),
            Map.entry("date_time", "March 3, 2024 at 10:15"), Map.entry("day_of_week", "Tuesday"),
            Map.entry("state_abbr", "CA"), Map.entry("nation_woman", "Canadian woman"),
            Map.entry("nation_plural", "Canadians"), Map.entry("prefix_male", "Mr."),
            Map.entry("prefix_female", "Ms."), Map.entry("prefix", "Dr."));
    /** What this corpus counts as a name cue before a name in a third-party template (documented in the README). */
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?i)(my name is|this is|i am|i'm|name is|name:|user:|mr\\.|ms\\.|dr\\.|dear|hi|hello|change it to"
            + "|name \\{\\{person}}|partner's name|add)\\s*$");
    private static final Map<String, String> LANG_REGION = Map.of("en", "US", "de", "DE", "pt", "BR", "zh", "CN",
            "hi", "IN");
    private static final Map<String, String> TYPE_REGION = Map.of("UK_NINO", "GB", "SG_NRIC", "SG", "US_SSN", "US",
            "BR_CPF", "BR", "BR_CNPJ", "BR", "CN_RESIDENT_ID", "CN", "IN_AADHAAR", "IN");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** One template line: where it came from, its language and class ("common" or a hard-form class). */
    record Template(String source, String lang, String cls, String text) {
        List<String> slots() {
            List<String> out = new ArrayList<>();
            Matcher m = SLOT.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        boolean has(String type) {
            List<String> slots = slots();
            return type.equals("PERSON_NAME")
                    ? slots.contains("PERSON") || slots.contains("FIRST") || slots.contains("PERSON_LF")
                    : slots.contains(type);
        }
    }

    /** A value as it appears in the text, with the format class it was written in. */
    record Rendered(String text, String format) {
    }

    private final Random random = new Random(SEED);
    private final ValueFactory values = new ValueFactory(random);
    private final NameBank names = new NameBank(random);
    private final List<Template> templates = new ArrayList<>();
    private final List<Template> negatives = new ArrayList<>();
    private final List<String> presidioNoPii = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    CorpusV2Generator() {
        for (String line : resourceLines("corpus-v2/templates/presidio-templates.txt")) {
            String text = line.replace("\uFEFF", "").replace("\\n", "\n").strip();
            if (text.isEmpty() || text.contains("us_driver_license")) {
                continue;
            }
            List<String> slots = new Template("", "", "", text).slots();
            if (slots.isEmpty()) {
                presidioNoPii.add(text);
                continue;
            }
            StringBuilder mapped = new StringBuilder();
            Matcher m = SLOT.matcher(text);
            boolean labelled = false;
            while (m.find()) {
                String slot = m.group(1);
                String ours = PRESIDIO_SLOTS.get(slot);
                String prose = SLOT.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
                if (ours != null && ours.equals("DATE_OF_BIRTH") && !prose.contains("birth") && !prose.contains("born")) {
                    ours = null;
                }
                String replacement = ours != null ? "{{" + ours + "}}" : FILLERS.get(slot);
                if (replacement == null) {
                    replacement = "March 3, 1990";
                }
                labelled |= ours != null;
                m.appendReplacement(mapped, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(mapped);
            if (labelled) {
                templates.add(new Template("presidio", "en", "common", mapped.toString()));
            }
        }
        for (String[] row : tsv("corpus-v2/templates/own-templates.tsv")) {
            templates.add(new Template("own", row[0], row[1], row[2]));
        }
        for (String[] row : tsv("corpus-v2/templates/negative-templates.tsv")) {
            negatives.add(new Template("own", row[0], row[1], row[2]));
        }
    }

    /** File name to content: {@code positives.jsonl} and {@code negatives.jsonl}. */
    public static Map<String, String> generate() {
        CorpusV2Generator generator = new CorpusV2Generator();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("positives.jsonl", generator.positives());
        files.put("negatives.jsonl", generator.negativeLines());
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "topology/engine/src/test/resources/corpus-v2");
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private String positives() {
        StringBuilder out = new StringBuilder();
        int id = 0;
        for (String type : TYPES) {
            List<Template> common = templates.stream().filter(t -> t.cls().equals("common") && t.has(type)).toList();
            List<Template> hard = templates.stream().filter(t -> !t.cls().equals("common") && t.has(type)).toList();
            for (String tier : List.of("common", "hard")) {
                for (int i = 0; i < PER_TYPE_AND_TIER; i++) {
                    boolean hardTemplate = tier.equals("hard") && !hard.isEmpty()
                            && (common.isEmpty() || random.nextInt(5) < 2);
                    List<Template> pool = hardTemplate ? hard : common;
                    Template template = pool.get(random.nextInt(pool.size()));
                    boolean hardValue = tier.equals("hard") && !hardTemplate;
                    out.append(line(String.format("p-%05d", ++id), template, type, hardValue)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private String line(String id, Template template, String focalType, boolean hardValue) {
        String lang = template.lang();
        String region = TYPE_REGION.getOrDefault(focalType, LANG_REGION.get(lang));
        if (template.has("PHONE")) {
            region = phoneRegion(lang);
        }
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> spans = new ArrayList<>();
        Matcher m = SLOT.matcher(template.text());
        int last = 0;
        boolean focalDone = false;
        String[] name = names.name(lang, template.cls().equals("compound-surname"));
        while (m.find()) {
            text.append(template.text(), last, m.start());
            last = m.end();
            String slot = m.group(1);
            String type = slot.equals("PERSON") || slot.equals("FIRST") || slot.equals("LAST")
                    || slot.equals("PERSON_LF") ? "PERSON_NAME" : slot;
            boolean focal = !focalDone && type.equals(focalType);
            focalDone |= focal;
            Rendered value = render(slot, template, region, name, text, focal && hardValue);
            String tier = template.cls().equals("common") && !(focal && hardValue) ? "common" : "hard";
            String format = type.equals("PERSON_NAME") ? nameFormat(template, text, value)
                    : template.cls().equals("common") ? value.format() : template.cls() + ":" + value.format();
            int start = text.length();
            text.append(value.text());
            Map<String, Object> span = new LinkedHashMap<>();
            span.put("start", start);
            span.put("end", text.length());
            span.put("type", type);
            span.put("tier", tier);
            span.put("format", format);
            spans.add(span);
        }
        text.append(template.text().substring(last));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("lang", lang);
        record.put("region", region);
        record.put("source", template.source());
        record.put("focus", focalType);
        record.put("text", text.toString());
        record.put("spans", spans);
        return write(record);
    }

    private String nameFormat(Template template, CharSequence before, Rendered value) {
        if (template.cls().equals("uncued")) {
            return "uncued";
        }
        if (template.source().equals("presidio")) {
            String prefix = before.toString();
            return NAME_CUE.matcher(prefix.substring(Math.max(0, prefix.length() - 30))).find()
                    ? "cued-" + value.format() : "uncued";
        }
        return "cued-" + (template.cls().equals("common") ? value.format() : template.cls());
    }

    private String phoneRegion(String lang) {
        return switch (lang) {
            case "en" -> ValueFactory.PHONE_REGIONS.get(random.nextInt(ValueFactory.PHONE_REGIONS.size()));
            case "de" -> random.nextInt(4) == 0 ? "FR" : "DE";
            default -> LANG_REGION.get(lang);
        };
    }

    private Rendered render(String slot, Template template, String region, String[] name, CharSequence before,
            boolean hard) {
        String lang = template.lang();
        return switch (slot) {
            case "PERSON" -> person(NameBank.full(lang, name), hard);
            case "FIRST" -> person(name[0], hard);
            case "LAST" -> person(name[1], hard);
            case "PERSON_LF" -> new Rendered(lang.equals("zh") ? name[1] + name[0] : name[1] + ", " + name[0], "plain");
            case "PHONE" -> phone(values.phone(region), before, hard);
            case "PAYMENT_CARD" -> card(hard);
            case "IBAN" -> iban(hard);
            case "EMAIL" -> email(name, template, before, hard);
            case "IP_ADDRESS" -> ip(template.cls().equals("ipv6-port") || hard, template.cls().equals("ipv6-port"));
            case "US_SSN" -> ssn(hard);
            case "CN_RESIDENT_ID" -> cnId(hard);
            case "IN_AADHAAR" -> aadhaar(hard);
            case "BR_CPF" -> cpf(hard);
            case "BR_CNPJ" -> cnpj(hard);
            case "UK_NINO" -> nino(hard);
            case "SG_NRIC" -> nric(hard);
            case "CRYPTO_WALLET" -> wallet(hard);
            case "CREDENTIAL_URL" -> credentialUrl(hard);
            case "DATE_OF_BIRTH" -> dob(lang, hard);
            default -> throw new IllegalStateException("unknown slot " + slot);
        };
    }

    private Rendered person(String name, boolean hard) {
        if (!hard) {
            return new Rendered(name, "plain");
        }
        return random.nextBoolean() ? new Rendered(Renderings.lower(name), "lower")
                : new Rendered(Renderings.upper(name), "upper");
    }

    private Rendered phone(PhoneNumber number, CharSequence before, boolean hard) {
        String e164 = PHONES.format(number, PhoneNumberFormat.E164);
        String tail = before.toString();
        if (tail.endsWith("wa.me/")) {
            return new Rendered(e164.substring(1), "wa-me");
        }
        if (tail.endsWith("tel:")) {
            return new Rendered(e164, "tel-uri");
        }
        String national = PHONES.format(number, PhoneNumberFormat.NATIONAL);
        String international = PHONES.format(number, PhoneNumberFormat.INTERNATIONAL);
        if (!hard) {
            return switch (random.nextInt(3)) {
                case 0 -> new Rendered(national, "national");
                case 1 -> new Rendered(international, "international");
                default -> new Rendered(e164, "e164");
            };
        }
        String region = PHONES.getRegionCodeForNumber(number);
        String afterCc = international.substring(international.indexOf(' ') + 1);
        boolean trunkZero = national.startsWith("0");
        return switch (random.nextInt(7)) {
            case 0 -> new Rendered("00" + number.getCountryCode() + " " + afterCc, "idd-00");
            case 1 -> trunkZero ? new Rendered("+" + number.getCountryCode() + " (0)" + afterCc, "trunk-in-parens")
                    : new Rendered(Renderings.fullWidth(national), "full-width");
            case 2 -> region.equals("DE") && national.contains(" ")
                    ? new Rendered(national.replaceFirst(" ", "/").replace(" ", ""), "slash")
                    : new Rendered(Renderings.noBreakSpaces(international, random), "nbsp");
            case 3 -> new Rendered(Renderings.fullWidth(international), "full-width");
            case 4 -> new Rendered(Renderings.zeroWidth(national, random), "zero-width");
            case 5 -> new Rendered(Renderings.noBreakSpaces(international, random), "nbsp");
            default -> new Rendered(Renderings.lineBreak(international), "line-break");
        };
    }

    private Rendered card(boolean hard) {
        ValueFactory.Network network = ValueFactory.Network.values()[random.nextInt(ValueFactory.Network.values().length)];
        String number = values.card(network);
        String grouped = cardGroups(number, " ");
        String net = network.name().toLowerCase(Locale.ROOT);
        if (!hard) {
            return switch (random.nextInt(3)) {
                case 0 -> new Rendered(number, net + "/compact");
                case 1 -> new Rendered(grouped, net + "/grouped");
                default -> new Rendered(cardGroups(number, "-"), net + "/dashed");
            };
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Rendered(Renderings.fullWidth(grouped), net + "/full-width");
            case 1 -> new Rendered(Renderings.zeroWidth(number, random), net + "/zero-width");
            case 2 -> new Rendered(Renderings.noBreakSpaces(grouped, random), net + "/nbsp");
            default -> new Rendered(Renderings.lineBreak(grouped), net + "/line-break");
        };
    }

    private static String cardGroups(String number, String sep) {
        return switch (number.length()) {
            case 15 -> Renderings.group(number, sep, 4, 6, 5);
            case 14 -> Renderings.group(number, sep, 4, 6, 4);
            default -> Renderings.fours(number, sep);
        };
    }

    private Rendered iban(boolean hard) {
        List<String> countries = values.ibanCountries();
        String iban = values.iban(countries.get(random.nextInt(countries.size())));
        if (!hard) {
            return random.nextBoolean() ? new Rendered(iban, "compact") : new Rendered(Renderings.fours(iban, " "), "grouped");
        }
        return switch (random.nextInt(6)) {
            case 0 -> new Rendered(Renderings.lower(iban), "lower-case");
            case 1 -> new Rendered(Renderings.lower(Renderings.fours(iban, " ")), "lower-case-grouped");
            case 2 -> new Rendered(Renderings.noBreakSpaces(Renderings.fours(iban, " "), random), "nbsp");
            case 3 -> new Rendered(Renderings.lineBreak(Renderings.fours(iban, " ")), "line-break");
            case 4 -> new Rendered(Renderings.fullWidth(iban), "full-width");
            default -> new Rendered(Renderings.zeroWidth(iban, random), "zero-width");
        };
    }

    private Rendered email(String[] name, Template template, CharSequence before, boolean hard) {
        List<String> domains = switch (template.lang()) {
            case "de" -> List.of("web.de", "gmx.de", "t-online.de", "example.de", "posteo.de");
            case "pt" -> List.of("uol.com.br", "bol.com.br", "gmail.com", "example.com.br", "hotmail.com");
            case "zh" -> List.of("qq.com", "163.com", "126.com", "example.cn", "sina.com");
            case "hi" -> List.of("gmail.com", "yahoo.co.in", "rediffmail.com", "example.in", "outlook.com");
            default -> List.of("gmail.com", "example.com", "outlook.com", "example.org", "yahoo.com", "icloud.com");
        };
        String domain = domains.get(random.nextInt(domains.size()));
        String local = localPart(template.lang(), name);
        String plain = local + "@" + domain;
        if (before.toString().endsWith("email=")) {
            return new Rendered(local + "%40" + domain, "percent-40");
        }
        if (template.cls().equals("email-obfuscated") || hard && random.nextInt(3) == 0) {
            String dotted = domain.replace(".", " dot ");
            return switch (random.nextInt(4)) {
                case 0 -> new Rendered(local + "(at)" + domain, "at-in-parens");
                case 1 -> new Rendered(local + " at " + dotted, "at-dot-words");
                case 2 -> new Rendered(local + " [at] " + domain.replace(".", " [dot] "), "at-in-brackets");
                default -> new Rendered(local + "＠" + domain, "full-width-at");
            };
        }
        if (!hard) {
            return new Rendered(plain, "plain");
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered(Renderings.upper(plain), "upper-case");
            case 1 -> new Rendered(Renderings.fullWidth(plain), "full-width");
            default -> new Rendered(Renderings.zeroWidth(plain, random), "zero-width");
        };
    }

    private String localPart(String lang, String[] name) {
        String given = ascii(lang.equals("zh") ? List.of("zhangwei", "liuyang", "wangfang", "chenjing").get(
                random.nextInt(4)) : name[0]);
        String family = ascii(lang.equals("zh") ? "" : name[1]);
        return switch (random.nextInt(4)) {
            case 0 -> family.isEmpty() ? given + values.digits(3) : given + "." + family;
            case 1 -> given + family + values.digits(2);
            case 2 -> given.charAt(0) + "." + (family.isEmpty() ? given : family);
            default -> given + "_" + values.digits(4);
        };
    }

    private static String ascii(String s) {
        String folded = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").replaceAll("[^A-Za-z]", "");
        return folded.toLowerCase(Locale.ROOT);
    }

    private Rendered ip(boolean hard, boolean forceV6Port) {
        boolean v6 = forceV6Port || random.nextBoolean();
        String address = v6 ? values.ipv6() : values.ipv4();
        if (!hard) {
            return new Rendered(address, v6 ? "v6" : "v4");
        }
        if (forceV6Port || v6 && random.nextBoolean()) {
            return new Rendered("[" + address + "]:" + (1024 + random.nextInt(60000)), "v6-bracket-port");
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered(values.ipv4() + ":" + (1024 + random.nextInt(60000)), "v4-port");
            case 1 -> new Rendered(Renderings.fullWidth(address), v6 ? "v6-full-width" : "v4-full-width");
            default -> new Rendered("::ffff:" + values.ipv4(), "v4-mapped-v6");
        };
    }

    private Rendered ssn(boolean hard) {
        String ssn = values.ssn();
        String dashed = Renderings.group(ssn, "-", 3, 2, 4);
        if (!hard) {
            return switch (random.nextInt(3)) {
                case 0, 1 -> new Rendered(dashed, "dashed");
                default -> new Rendered(ssn, "compact");
            };
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Rendered(Renderings.fullWidth(dashed), "full-width");
            case 1 -> new Rendered(Renderings.noBreakSpaces(Renderings.group(ssn, " ", 3, 2, 4), random), "nbsp");
            case 2 -> new Rendered(Renderings.zeroWidth(dashed, random), "zero-width");
            default -> new Rendered(Renderings.group(ssn, " ", 3, 2, 4), "spaced");
        };
    }

    private Rendered cnId(boolean hard) {
        String id = values.cnResidentId();
        if (!hard) {
            return new Rendered(id, "compact");
        }
        return switch (random.nextInt(4)) {
            case 0 -> id.endsWith("X") ? new Rendered(Renderings.lower(id), "lower-x")
                    : new Rendered(Renderings.group(id, " ", 6, 8, 4), "grouped-6-8-4");
            case 1 -> new Rendered(Renderings.group(id, " ", 6, 8, 4), "grouped-6-8-4");
            case 2 -> new Rendered(Renderings.fullWidth(id), "full-width");
            default -> new Rendered(Renderings.zeroWidth(id, random), "zero-width");
        };
    }

    private Rendered aadhaar(boolean hard) {
        String a = values.aadhaar();
        if (!hard) {
            return random.nextInt(3) < 2 ? new Rendered(Renderings.fours(a, " "), "grouped") : new Rendered(a, "compact");
        }
        return switch (random.nextInt(5)) {
            case 0 -> new Rendered(Renderings.fours(a, "-"), "dashed");
            case 1 -> new Rendered(Renderings.noBreakSpaces(Renderings.fours(a, " "), random), "nbsp");
            case 2 -> new Rendered(Renderings.fullWidth(Renderings.fours(a, " ")), "full-width");
            case 3 -> new Rendered(Renderings.zeroWidth(a, random), "zero-width");
            default -> new Rendered(Renderings.lineBreak(Renderings.fours(a, " ")), "line-break");
        };
    }

    private Rendered cpf(boolean hard) {
        String c = values.cpf();
        String dotted = c.substring(0, 3) + "." + c.substring(3, 6) + "." + c.substring(6, 9) + "-" + c.substring(9);
        if (!hard) {
            return random.nextInt(3) < 2 ? new Rendered(dotted, "dotted") : new Rendered(c, "compact");
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Rendered(Renderings.group(c, " ", 3, 3, 3, 2), "spaced");
            case 1 -> new Rendered(Renderings.fullWidth(dotted), "full-width");
            case 2 -> new Rendered(Renderings.zeroWidth(dotted, random), "zero-width");
            default -> new Rendered(c.substring(0, 9) + "-" + c.substring(9), "dash-only");
        };
    }

    private Rendered cnpj(boolean hard) {
        String c = values.cnpj();
        String dotted = c.substring(0, 2) + "." + c.substring(2, 5) + "." + c.substring(5, 8) + "/" + c.substring(8, 12)
                + "-" + c.substring(12);
        if (!hard) {
            return random.nextInt(3) < 2 ? new Rendered(dotted, "dotted") : new Rendered(c, "compact");
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered(c.substring(0, 8) + "/" + c.substring(8, 12) + "-" + c.substring(12), "slash-dash");
            case 1 -> new Rendered(Renderings.fullWidth(dotted), "full-width");
            default -> new Rendered(Renderings.zeroWidth(dotted, random), "zero-width");
        };
    }

    private Rendered nino(boolean hard) {
        String n = values.nino();
        String spaced = Renderings.group(n, " ", 2, 2, 2, 2, 1);
        if (!hard) {
            return random.nextBoolean() ? new Rendered(spaced, "spaced") : new Rendered(n, "compact");
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Rendered(Renderings.lower(n), "lower-case");
            case 1 -> new Rendered(Renderings.noBreakSpaces(spaced, random), "nbsp");
            case 2 -> new Rendered(Renderings.fullWidth(n), "full-width");
            default -> new Rendered(Renderings.zeroWidth(n, random), "zero-width");
        };
    }

    private Rendered nric(boolean hard) {
        String n = values.nric();
        String series = n.charAt(0) == 'M' ? "m-series" : "stfg";
        if (!hard) {
            return new Rendered(n, series);
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered(Renderings.lower(n), series + "/lower-case");
            case 1 -> new Rendered(Renderings.fullWidth(n), series + "/full-width");
            default -> new Rendered(Renderings.zeroWidth(n, random), series + "/zero-width");
        };
    }

    private Rendered wallet(boolean hard) {
        String w = values.bitcoin();
        String kind = w.startsWith("bc1q") ? "bech32" : w.startsWith("bc1p") ? "bech32m"
                : w.startsWith("1") ? "p2pkh" : "p2sh";
        if (!hard) {
            return new Rendered(w, kind);
        }
        if (w.startsWith("bc1") && random.nextBoolean()) {
            return new Rendered(Renderings.upper(w), kind + "/upper-case");
        }
        return random.nextBoolean() ? new Rendered(Renderings.zeroWidth(w, random), kind + "/zero-width")
                : new Rendered(Renderings.fullWidth(w), kind + "/full-width");
    }

    private Rendered credentialUrl(boolean hard) {
        String secret = token(12 + random.nextInt(20));
        String user = List.of("admin", "deploy", "svc-billing", "jenkins", "app").get(random.nextInt(5));
        String host = List.of("api.example.com", "hooks.example.net", "files.example.org", "db.example.io")
                .get(random.nextInt(4));
        if (!hard) {
            String key = List.of("token", "api_key", "access_token", "sig", "secret", "apikey").get(random.nextInt(6));
            return random.nextBoolean()
                    ? new Rendered("https://" + user + ":" + secret + "@" + host + "/v1/export", "userinfo")
                    : new Rendered("https://" + host + "/v2/events?" + key + "=" + secret + "&limit=50", "query-secret");
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered("postgres://" + user + ":" + secret + "@" + host + ":5432/prod", "db-uri");
            case 1 -> new Rendered("ftp://" + user + ":" + secret + "@" + host + "/upload/", "ftp-userinfo");
            default -> new Rendered("https://" + host + "/download?X-Amz-Signature=" + secret.toLowerCase(Locale.ROOT)
                    + "&X-Amz-Expires=600", "presigned");
        };
    }

    private String token(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private Rendered dob(String lang, boolean hard) {
        int y = 1940 + random.nextInt(66);
        int mo = 1 + random.nextInt(12);
        int d = 1 + random.nextInt(28);
        String iso = String.format("%04d-%02d-%02d", y, mo, d);
        String local = switch (lang) {
            case "de" -> String.format("%02d.%02d.%04d", d, mo, y);
            case "zh" -> y + "年" + mo + "月" + d + "日";
            case "en" -> String.format("%02d/%02d/%04d", mo, d, y);
            default -> String.format("%02d/%02d/%04d", d, mo, y);
        };
        if (!hard) {
            return random.nextInt(3) == 0 ? new Rendered(iso, "iso") : new Rendered(local, "local");
        }
        String[] months = switch (lang) {
            case "de" -> new String[] {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                "September", "Oktober", "November", "Dezember"};
            case "pt" -> new String[] {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                "setembro", "outubro", "novembro", "dezembro"};
            default -> new String[] {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
        };
        return switch (random.nextInt(3)) {
            case 0 -> new Rendered(Renderings.fullWidth(local), "full-width");
            case 1 -> new Rendered(switch (lang) {
                case "de" -> d + ". " + months[mo - 1] + " " + y;
                case "pt" -> d + " de " + months[mo - 1] + " de " + y;
                case "zh" -> String.format("%04d/%d/%d", y, mo, d);
                default -> d + " " + months[mo - 1] + " " + y;
            }, "month-name");
            default -> new Rendered(String.format("%02d-%02d-%02d", d, mo, y % 100), "two-digit-year");
        };
    }

    private String negativeLines() {
        NegativeValues fill = new NegativeValues(random, values);
        StringBuilder out = new StringBuilder();
        int id = 0;
        for (Template template : negatives) {
            int variants = template.slots().isEmpty() ? 1 : PER_NEGATIVE_TEMPLATE;
            for (int i = 0; i < variants; i++) {
                StringBuilder text = new StringBuilder();
                Matcher m = SLOT.matcher(template.text());
                while (m.find()) {
                    m.appendReplacement(text, Matcher.quoteReplacement(fill.value(m.group(1), template.lang())));
                }
                m.appendTail(text);
                out.append(negative(String.format("n-%05d", ++id), template.lang(), template.cls(), "own",
                        text.toString())).append('\n');
            }
        }
        for (String text : presidioNoPii) {
            out.append(negative(String.format("n-%05d", ++id), "en", "presidio-no-pii", "presidio", text))
                    .append('\n');
        }
        return out.toString();
    }

    private String negative(String id, String lang, String cls, String source, String text) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("lang", lang);
        record.put("region", LANG_REGION.get(lang));
        record.put("source", source);
        record.put("class", cls);
        record.put("text", text);
        return write(record);
    }

    private String write(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> tsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        for (String line : resourceLines(resource)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t", 3);
            if (row.length != 3) {
                throw new IllegalStateException("template line needs lang, class and text: " + resource);
            }
            row[2] = row[2].replace("\\n", "\n");
            rows.add(row);
        }
        return rows;
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = CorpusV2Generator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
