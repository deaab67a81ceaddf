package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.text.LinkedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic customer-service chat messages for benchmarks: English, Portuguese, Hindi in Latin script and
 * Chinese, one to four sentences each, most sentences plain and a few carrying PII (e-mail, phone, card, IBAN, CPF,
 * Chinese id, names, order numbers and timestamps as near misses), plus the record's linked values.
 */
final class ChatMessages {
    /** One message and the values of its record's tagged fields. */
    record Message(String text, List<LinkedValue> linked) {
    }

    private static final String[] PLAIN = {
        "Hi, I ordered a blender last week and it still has not arrived.",
        "The tracking page says it is stuck in the warehouse since Monday.",
        "Can you please check what is going on and update me today?",
        "Olá, meu pedido chegou com a caixa amassada e faltando uma peça.",
        "Já tentei falar com o suporte pelo aplicativo mas ninguém respondeu.",
        "Bhai mera order abhi tak deliver nahi hua, kab tak aayega?",
        "App baar baar crash ho raha hai jab main payment karta hoon.",
        "你好，我上周买的耳机还没有收到，能帮我查一下吗？",
        "物流信息三天没有更新了，我很着急。",
        "Thanks for the quick reply, I really appreciate it.",
        "Order #48213377 was charged twice at 2024-03-15 10:30:45, please refund one.",
        "I am using version 2.14.3 of the app on Android 14.",
    };
    private static final String[] PII = {
        "You can reach me at %EMAIL% or on %PHONE% after 6pm.",
        "My card 4111 1111 1111 1111 was charged but the order was cancelled.",
        "Please send the refund to DE89 3704 0044 0532 0130 00.",
        "Meu CPF é 529.982.247-25 e o telefone (11) 98765-4321.",
        "我的身份证号是11010519491231002X，电话13800138000。",
        "Hi, my name is %NAME% and I placed the order.",
        "Mera naam %NAME% hai, number %PHONE% pe call karo.",
        "Kind regards, %NAME%",
    };
    private static final String[] NAMES = {"Maria Silva", "John Smith", "Priya Sharma", "Rahul Verma", "Ana Costa"};
    private static final String[] PHONES = {"+1 415-555-2671", "+44 20 7946 0958", "+91 98765 43210",
        "(11) 98765-4321", "+86 138 0013 8000"};

    private ChatMessages() {
    }

    static List<Message> generate(int count, long seed) {
        Random rnd = new Random(seed);
        List<Message> messages = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            String name = NAMES[rnd.nextInt(NAMES.length)];
            String email = name.toLowerCase().replace(' ', '.') + "@example.com";
            String phone = PHONES[rnd.nextInt(PHONES.length)];
            StringBuilder text = new StringBuilder();
            int sentences = 1 + rnd.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                String sentence = rnd.nextInt(4) == 0 ? PII[rnd.nextInt(PII.length)] : PLAIN[rnd.nextInt(PLAIN.length)];
                text.append(s == 0 ? "" : " ").append(sentence.replace("%EMAIL%", email).replace("%PHONE%", phone)
                    .replace("%NAME%", name));
            }
            messages.add(new Message(text.toString(), List.of(new LinkedValue(name, "PERSON_NAME"),
                new LinkedValue(email, "EMAIL"), new LinkedValue(phone, "PHONE"))));
        }
        return messages;
    }
}
