package io.lepton.gateway.engine.text.corpusv2;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Person names per language, written for this corpus by its author from general knowledge of naming customs (not
 * taken from census lists, which another gazetteer uses, nor from the detectors). Chinese names include compound
 * surnames; English-language text draws from every list's Latin-script names, as customers in SG, IN or the US do.
 */
public final class NameBank {

    private static final Map<String, List<String>> GIVEN = Map.of(
            "en", List.of("Emily", "James", "Olivia", "Daniel", "Grace", "Michael", "Chloe", "Ethan", "Hannah",
                    "Ryan", "Sophie", "Nathan", "Megan", "Connor", "Abigail", "Tyler", "Wei Ming", "Siew Ling",
                    "Aisha", "Marcus"),
            "de", List.of("Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Maximilian", "Sophie", "Leon", "Jana",
                    "Tobias", "Katrin", "Jürgen", "Sabine", "Uwe", "Birgit", "Henrik", "Lisa-Marie", "Moritz", "Greta"),
            "pt", List.of("João", "Maria", "Ana Beatriz", "Pedro", "Lucas", "Gabriel", "Juliana", "Fernanda",
                    "Rafael", "Camila", "Bruno", "Larissa", "Thiago", "Beatriz", "Mateus", "Luíza", "Caio", "Letícia"),
            "hi", List.of("Rahul", "Priya", "Amit", "Sneha", "Rohan", "Anjali", "Vikram", "Pooja", "Arjun", "Kavya",
                    "Suresh", "Neha", "Deepak", "Sunita", "Manoj", "Ishaan", "Meera", "Karthik"),
            "zh", List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "秀英",
                    "晓明", "子涵", "浩然", "雨萱", "思远", "佳怡", "建国"));
    private static final Map<String, List<String>> FAMILY = Map.of(
            "en", List.of("Walker", "Thompson", "Bennett", "Harris", "Collins", "Morgan", "Reed", "Hughes", "Foster",
                    "Tan", "Lim", "Ong", "O'Connor", "McAllister", "Rahman", "Fernandes"),
            "de", List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                    "Hoffmann", "Koch", "Richter", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hartmann",
                    "Lange", "Krause", "Vogel", "Schäfer"),
            "pt", List.of("Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
                    "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Araújo", "Barbosa", "Nascimento"),
            "hi", List.of("Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Reddy", "Iyer", "Nair", "Joshi",
                    "Mehta", "Chopra", "Agarwal", "Bose", "Das", "Yadav", "Menon", "Kulkarni"),
            "zh", List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
                    "何", "林", "高", "罗"));
    private static final List<String> ZH_COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容",
            "令狐", "司徒", "夏侯", "尉迟", "公孙");
    private static final List<String> PINYIN_GIVEN = List.of("Wei", "Fang", "Xiaoming", "Jing", "Lei", "Yuxuan",
            "Haoran", "Min");
    private static final List<String> PINYIN_FAMILY = List.of("Zhang", "Wang", "Li", "Chen", "Liu", "Huang", "Ouyang",
            "Zhou");

    private final Random random;

    public NameBank(Random random) {
        this.random = random;
    }

    /** A name as written in {@code lang}: (given, family). */
    public String[] name(String lang, boolean compoundSurname) {
        if (lang.equals("zh")) {
            String family = compoundSurname || random.nextInt(6) == 0 ? pick(ZH_COMPOUND) : pick(FAMILY.get("zh"));
            return new String[] {pick(GIVEN.get("zh")), family};
        }
        if (lang.equals("en")) {
            int source = random.nextInt(6);
            return switch (source) {
                case 0, 1 -> new String[] {pick(GIVEN.get("en")), pick(FAMILY.get("en"))};
                case 2 -> new String[] {pick(PINYIN_GIVEN), pick(PINYIN_FAMILY)};
                default -> {
                    String other = List.of("de", "pt", "hi").get(source - 3);
                    yield new String[] {pick(GIVEN.get(other)), pick(FAMILY.get(other))};
                }
            };
        }
        return new String[] {pick(GIVEN.get(lang)), pick(FAMILY.get(lang))};
    }

    /** "Given Family", or "FamilyGiven" in Chinese script. */
    public static String full(String lang, String[] name) {
        return lang.equals("zh") ? name[1] + name[0] : name[0] + " " + name[1];
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
