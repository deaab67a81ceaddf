package io.lepton.loadtest.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the free text of events, in the subject's language (sometimes English instead), embedding some of the
 * subject's personal data in the ways people really write it: e-mail, phone, IBAN or card, national id, IP address,
 * and now and then a foreign national id (a CPF in a message from Germany), because detectors run in every
 * jurisdiction.
 */
final class FreeTextWriter {

    /** Intents of customer-service messages, in the order of {@link Phrases#intents}. */
    static final List<String> INTENTS = List.of("BILLING", "CANCELLATION", "DISPUTE", "ACCOUNT", "DELIVERY", "OTHER");

    private static final NationalIdKind[] FOREIGN_IDS = {NationalIdKind.BR_CPF, NationalIdKind.CN_RESIDENT_ID,
        NationalIdKind.IN_AADHAAR, NationalIdKind.SG_NRIC, NationalIdKind.US_SSN};
    private static final double ENGLISH_INSTEAD = 0.15;
    private static final double FOREIGN_ID = 0.08;

    /**
     * One language's sentences. PII sentences hold one placeholder each: {@code {email} {phone} {iban} {card} {id}
     * {ip}}.
     */
    private record Phrases(String greeting, List<String> intents, List<String> bullish, List<String> bearish,
            List<String> neutral, Map<Pii, String> pii, String separator) {}

    private enum Pii { EMAIL, PHONE, IBAN, CARD, ID, IP }

    private static final Map<Language, Phrases> PHRASES = new EnumMap<>(Language.class);

    static {
        PHRASES.put(Language.ENGLISH, new Phrases("Hi, this is {name}.",
                List.of("I was charged twice this month.", "I want to cancel my subscription.",
                        "I don't recognise a payment on my statement.", "I can't log into my account.",
                        "My order hasn't arrived yet.", "I have a question about your service."),
                List.of("Bullish on {instrument}, buying more today.", "{instrument} looks strong, adding to my position."),
                List.of("Bearish on {instrument}, selling everything.", "{instrument} is overvalued, getting out."),
                List.of("Holding {instrument} for now.", "Not sure about {instrument} this quarter."),
                pii("You can reach me at {email}.", "Call me back on {phone}.", "My IBAN is {iban}.",
                        "The card is {card}.", "My ID number is {id}.", "My IP was {ip} when it happened."), " "));
        PHRASES.put(Language.GERMAN, new Phrases("Hallo, hier ist {name}.",
                List.of("Mir wurde diesen Monat doppelt abgebucht.", "Ich möchte mein Abo kündigen.",
                        "Ich erkenne eine Zahlung auf meinem Kontoauszug nicht.", "Ich komme nicht in mein Konto.",
                        "Meine Bestellung ist noch nicht angekommen.", "Ich habe eine Frage zu Ihrem Service."),
                List.of("Sehr optimistisch für {instrument}, kaufe heute nach.", "{instrument} sieht stark aus."),
                List.of("Pessimistisch bei {instrument}, verkaufe alles.", "{instrument} ist überbewertet."),
                List.of("Halte {instrument} erst mal.", "Bei {instrument} bin ich unentschlossen."),
                pii("Meine E-Mail ist {email}.", "Bitte Rückruf unter {phone}.", "Meine IBAN lautet {iban}.",
                        "Meine Kreditkarte: {card}.", "Meine Ausweisnummer: {id}.", "Meine IP-Adresse war {ip}."),
                " "));
        PHRASES.put(Language.PORTUGUESE, new Phrases("Olá, aqui é {name}.",
                List.of("Fui cobrado duas vezes este mês.", "Quero cancelar minha assinatura.",
                        "Não reconheço um pagamento no meu extrato.", "Não consigo acessar minha conta.",
                        "Meu pedido ainda não chegou.", "Tenho uma dúvida sobre o serviço."),
                List.of("Otimista com {instrument}, comprando mais hoje.", "{instrument} vai subir muito."),
                List.of("Pessimista com {instrument}, vendendo tudo.", "{instrument} está caro demais."),
                List.of("Segurando {instrument} por enquanto.", "Sem opinião sobre {instrument} agora."),
                pii("Meu email é {email}.", "Me liga no {phone}.", "Minha IBAN é {iban}.", "Meu cartão é {card}.",
                        "Meu documento é {id}.", "Meu IP era {ip}."), " "));
        PHRASES.put(Language.CHINESE, new Phrases("你好，我是{name}。",
                List.of("这个月被扣了两次款。", "我想取消订阅。", "我的账单上有一笔不认识的付款。", "我无法登录我的账户。",
                        "我的订单还没到。", "我想咨询一下服务。"),
                List.of("看好{instrument}，今天继续加仓。", "{instrument}走势很强。"),
                List.of("看空{instrument}，全部卖出。", "{instrument}估值太高了。"),
                List.of("{instrument}先拿着。", "{instrument}再观察一下。"),
                pii("我的邮箱是{email}。", "请打我电话{phone}。", "我的IBAN是{iban}。", "我的银行卡号是{card}。",
                        "身份证号{id}。", "当时我的IP是{ip}。"), ""));
        PHRASES.put(Language.HINDI_LATIN, new Phrases("Namaste, mera naam {name} hai.",
                List.of("Is mahine mujhse do baar paise kaat liye gaye.", "Mujhe apna subscription cancel karna hai.",
                        "Mere statement mein ek payment hai jo maine nahi kiya.",
                        "Main apne account mein login nahi kar pa raha.", "Mera order abhi tak nahi aaya.",
                        "Aapki service ke baare mein ek sawaal hai."),
                List.of("{instrument} pe bullish hoon, aaj aur khareeda.", "{instrument} upar jayega."),
                List.of("{instrument} pe bearish hoon, sab bech diya.", "{instrument} bahut mehenga hai."),
                List.of("{instrument} abhi hold kar raha hoon.", "{instrument} ke baare mein pakka nahi hoon."),
                pii("Mera email {email} hai.", "Mujhe {phone} pe call karo.", "Mera IBAN {iban} hai.",
                        "Mera card number {card} hai.", "Mera ID number {id} hai.", "Us waqt mera IP {ip} tha."),
                " "));
    }

    private final SplittableRandom random;
    private final SyntheticIdentifiers ids;

    FreeTextWriter(SplittableRandom random, SyntheticIdentifiers ids) {
        this.random = random;
        this.ids = ids;
    }

    /** A customer-service message about {@code intent} (one of {@link #INTENTS}). */
    String customerMessage(Person person, String intent, String ipAddress) {
        Phrases phrases = phrasesFor(person);
        List<String> sentences = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            sentences.add(phrases.greeting().replace("{name}", person.fullName()));
        }
        sentences.add(phrases.intents().get(INTENTS.indexOf(intent)));
        addPii(sentences, phrases, person, ipAddress, 1 + random.nextInt(2));
        return String.join(phrases.separator(), sentences);
    }

    /** A post about {@code instrument} whose tone follows {@code sentiment} (-1..1). */
    String financialPost(Person person, String instrument, double sentiment, String ipAddress) {
        Phrases phrases = phrasesFor(person);
        List<String> tone = sentiment > 0.3 ? phrases.bullish() : sentiment < -0.3 ? phrases.bearish()
                : phrases.neutral();
        List<String> sentences = new ArrayList<>();
        sentences.add(tone.get(random.nextInt(tone.size())).replace("{instrument}", instrument));
        addPii(sentences, phrases, person, ipAddress, random.nextInt(3));
        return String.join(phrases.separator(), sentences);
    }

    private Phrases phrasesFor(Person person) {
        Language language = random.nextDouble() < ENGLISH_INSTEAD ? Language.ENGLISH : person.region().language();
        return PHRASES.get(language);
    }

    private void addPii(List<String> sentences, Phrases phrases, Person person, String ipAddress, int count) {
        for (int i = 0; i < count; i++) {
            Pii kind = Pii.values()[random.nextInt(Pii.values().length)];
            String value = valueFor(kind, person, ipAddress);
            if (value != null) {
                sentences.add(phrases.pii().get(kind).replace(placeholder(kind), value));
            }
        }
        if (random.nextDouble() < FOREIGN_ID) {
            NationalIdKind foreign = FOREIGN_IDS[random.nextInt(FOREIGN_IDS.length)];
            String id = IdentifierFormats.nationalId(foreign, ids.nationalId(foreign), random);
            sentences.add(phrases.pii().get(Pii.ID).replace("{id}", id));
        }
    }

    private String valueFor(Pii kind, Person person, String ipAddress) {
        return switch (kind) {
            case EMAIL -> person.email();
            case PHONE -> IdentifierFormats.phone(person.phone(), random);
            case IBAN -> person.iban() == null ? null : IdentifierFormats.iban(person.iban(), random);
            case CARD -> IdentifierFormats.card(person.cardNumber(), random);
            case ID -> person.nationalId() == null ? null
                    : IdentifierFormats.nationalId(person.region().nationalId(), person.nationalId(), random);
            case IP -> ipAddress;
        };
    }

    private static String placeholder(Pii kind) {
        return "{" + kind.name().toLowerCase(java.util.Locale.ROOT) + "}";
    }

    private static Map<Pii, String> pii(String email, String phone, String iban, String card, String id, String ip) {
        Map<Pii, String> map = new EnumMap<>(Pii.class);
        map.put(Pii.EMAIL, email);
        map.put(Pii.PHONE, phone);
        map.put(Pii.IBAN, iban);
        map.put(Pii.CARD, card);
        map.put(Pii.ID, id);
        map.put(Pii.IP, ip);
        return map;
    }
}
