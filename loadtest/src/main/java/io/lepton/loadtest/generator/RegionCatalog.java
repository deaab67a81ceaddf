package io.lepton.loadtest.generator;

import static io.lepton.loadtest.generator.Language.CHINESE;
import static io.lepton.loadtest.generator.Language.ENGLISH;
import static io.lepton.loadtest.generator.Language.GERMAN;
import static io.lepton.loadtest.generator.Language.HINDI_LATIN;
import static io.lepton.loadtest.generator.Language.PORTUGUESE;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The regions generated events come from: every built-in jurisdiction, US-CA beside other US states (which route to
 * the strict default policy), and a few countries no specific policy claims. Weights roughly follow where a global
 * consumer service's users are; the exact mix matters less than covering every jurisdiction with enough volume for
 * the fairness monitor's sample-size gate.
 */
public final class RegionCatalog {

    private static final List<RegionProfile> REGIONS = List.of(
            region("DE", "eu-gdpr", 14, GERMAN, List.of("Anna", "Lena", "Sophie", "Katrin", "Julia", "Sabine"),
                    List.of("Lukas", "Jonas", "Felix", "Thomas", "Michael", "Stefan"),
                    List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"),
                    "example.de", "+49 15# ########", "##################", NationalIdKind.NONE,
                    List.of(new City("Berlin", 52.520, 13.405), new City("Munich", 48.137, 11.575),
                            new City("Hamburg", 53.551, 9.993))),
            region("FR", "eu-gdpr", 8, ENGLISH, List.of("Camille", "Léa", "Chloé", "Manon", "Inès"),
                    List.of("Lucas", "Hugo", "Louis", "Nathan", "Julien"),
                    List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit"),
                    "example.fr", "+33 6 ## ## ## ##", "#######################", NationalIdKind.NONE,
                    List.of(new City("Paris", 48.857, 2.352), new City("Lyon", 45.764, 4.835))),
            region("ES", "eu-gdpr", 5, ENGLISH, List.of("Lucía", "María", "Carmen", "Sofía"),
                    List.of("Hugo", "Pablo", "Javier", "Alejandro"),
                    List.of("García", "Fernández", "González", "Rodríguez", "López"),
                    "example.es", "+34 6## ### ###", "####################", NationalIdKind.NONE,
                    List.of(new City("Madrid", 40.417, -3.704), new City("Barcelona", 41.385, 2.173))),
            region("IT", "eu-gdpr", 5, ENGLISH, List.of("Giulia", "Francesca", "Chiara", "Sara"),
                    List.of("Marco", "Luca", "Alessandro", "Matteo"),
                    List.of("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi"),
                    "example.it", "+39 3## ### ####", "A######################", NationalIdKind.NONE,
                    List.of(new City("Rome", 41.903, 12.496), new City("Milan", 45.464, 9.190))),
            region("NL", "eu-gdpr", 4, ENGLISH, List.of("Emma", "Sanne", "Fleur", "Lotte"),
                    List.of("Daan", "Sem", "Bram", "Jeroen"),
                    List.of("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker"),
                    "example.nl", "+31 6 ########", "AAAA##########", NationalIdKind.NONE,
                    List.of(new City("Amsterdam", 52.368, 4.904), new City("Rotterdam", 51.924, 4.478))),
            region("PL", "eu-gdpr", 3, ENGLISH, List.of("Zofia", "Anna", "Katarzyna", "Agnieszka"),
                    List.of("Jakub", "Piotr", "Krzysztof", "Tomasz"),
                    List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik"),
                    "example.pl", "+48 5## ### ###", "########################", NationalIdKind.NONE,
                    List.of(new City("Warsaw", 52.230, 21.012), new City("Kraków", 50.065, 19.945))),
            region("US-CA", "us-ccpa", 12, ENGLISH, List.of("Emily", "Olivia", "Jessica", "Ashley", "Maria"),
                    List.of("James", "Michael", "Daniel", "David", "Carlos"),
                    List.of("Smith", "Johnson", "Williams", "Brown", "Garcia", "Nguyen", "Lee"),
                    "example.com", "+1 (415) 555-01##", null, NationalIdKind.US_SSN,
                    List.of(new City("San Francisco", 37.775, -122.419), new City("Los Angeles", 34.052, -118.244),
                            new City("San Diego", 32.716, -117.161))),
            region("US-NY", "default", 6, ENGLISH, List.of("Emily", "Sarah", "Jennifer", "Rachel"),
                    List.of("John", "Robert", "Kevin", "Anthony"),
                    List.of("Smith", "Cohen", "Murphy", "Rivera", "Miller"),
                    "example.com", "+1 (212) 555-01##", null, NationalIdKind.US_SSN,
                    List.of(new City("New York", 40.713, -74.006), new City("Buffalo", 42.886, -78.878))),
            region("US-TX", "default", 5, ENGLISH, List.of("Madison", "Hannah", "Sofia", "Abigail"),
                    List.of("William", "Jose", "Ethan", "Tyler"),
                    List.of("Hernandez", "Jones", "Davis", "Martinez", "Wilson"),
                    "example.com", "+1 (512) 555-01##", null, NationalIdKind.US_SSN,
                    List.of(new City("Austin", 30.267, -97.743), new City("Houston", 29.760, -95.370))),
            region("GB", "default", 4, ENGLISH, List.of("Olivia", "Amelia", "Isla"), List.of("Oliver", "George", "Harry"),
                    List.of("Smith", "Jones", "Taylor", "Brown", "Wilson"),
                    "example.co.uk", "+44 7700 900###", "AAAA##############", NationalIdKind.NONE,
                    List.of(new City("London", 51.507, -0.128), new City("Manchester", 53.481, -2.243))),
            region("JP", "default", 4, ENGLISH, List.of("Yui", "Sakura", "Haruka"), List.of("Haruto", "Ren", "Takumi"),
                    List.of("Sato", "Suzuki", "Takahashi", "Tanaka"),
                    "example.jp", "+81 90-####-####", null, NationalIdKind.NONE,
                    List.of(new City("Tokyo", 35.690, 139.692), new City("Osaka", 34.694, 135.502))),
            region("CN", "cn-pipl", 10, CHINESE, List.of("静", "丽", "芳", "婷"), List.of("伟", "强", "磊", "军"),
                    List.of("王", "李", "张", "刘", "陈"),
                    "example.cn", "+86 13# #### ####", null, NationalIdKind.CN_RESIDENT_ID,
                    List.of(new City("Beijing", 39.904, 116.407), new City("Shanghai", 31.230, 121.474),
                            new City("Shenzhen", 22.543, 114.058))),
            region("BR", "br-lgpd", 8, PORTUGUESE, List.of("Maria", "Ana", "Juliana", "Beatriz"),
                    List.of("João", "Pedro", "Lucas", "Gabriel"),
                    List.of("Silva", "Santos", "Oliveira", "Souza", "Pereira"),
                    "example.com.br", "+55 11 9####-####", "#######################AA", NationalIdKind.BR_CPF,
                    List.of(new City("São Paulo", -23.551, -46.633), new City("Rio de Janeiro", -22.907, -43.173))),
            region("IN", "in-dpdp", 8, HINDI_LATIN, List.of("Priya", "Ananya", "Sneha", "Kavya"),
                    List.of("Rahul", "Arjun", "Amit", "Vikram"),
                    List.of("Sharma", "Patel", "Singh", "Kumar", "Reddy", "Iyer"),
                    "example.in", "+91 9#### #####", null, NationalIdKind.IN_AADHAAR,
                    List.of(new City("Mumbai", 19.076, 72.878), new City("Delhi", 28.704, 77.102),
                            new City("Bengaluru", 12.972, 77.595))),
            region("SG", "sg-pdpa", 4, ENGLISH, List.of("Mei Ling", "Hui Min", "Siti", "Priya"),
                    List.of("Wei Jie", "Jun Jie", "Muhammad", "Ravi"),
                    List.of("Tan", "Lim", "Lee", "Ng", "Wong"),
                    "example.sg", "+65 9### ####", null, NationalIdKind.SG_NRIC,
                    List.of(new City("Singapore", 1.352, 103.820))));

    private static final Map<String, RegionProfile> BY_CODE =
            REGIONS.stream().collect(Collectors.toUnmodifiableMap(RegionProfile::code, Function.identity()));

    private RegionCatalog() {}

    /** Every region, in a fixed order (so a seed picks the same regions on every run). */
    public static List<RegionProfile> all() {
        return REGIONS;
    }

    public static RegionProfile byCode(String code) {
        RegionProfile profile = BY_CODE.get(code);
        if (profile == null) {
            throw new IllegalArgumentException("no generator profile for region " + code);
        }
        return profile;
    }

    /** Jurisdictions the catalog covers, i.e. every built-in policy. */
    public static List<String> jurisdictions() {
        return REGIONS.stream().map(RegionProfile::jurisdiction).distinct().sorted().toList();
    }

    private static RegionProfile region(String code, String jurisdiction, double weight, Language language,
            List<String> female, List<String> male, List<String> family, String domain, String phone, String bban,
            NationalIdKind nationalId, List<City> cities) {
        return new RegionProfile(code, jurisdiction, weight, language, female, male, family, domain, phone, bban,
                nationalId, cities);
    }
}
