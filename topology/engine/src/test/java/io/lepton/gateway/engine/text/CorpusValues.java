package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

/**
 * Random but valid (and deliberately invalid) values of every {@link TextPiiType} for the labeled corpus. The check
 * digits are computed here from the published algorithms, independently of the detectors' validators.
 */
final class CorpusValues {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "BR", "CN", "IN", "SG");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 7, 8, 6, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private final Random rnd;

    CorpusValues(Random rnd) {
        this.rnd = rnd;
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    String email() {
        String user = pick(List.of("maria.silva", "john.smith", "zhang.wei", "priya.sharma", "joao_santos",
            "li.na88", "rahul.k", "ana+orders", "wang-fang", "s.oliveira"));
        String domain = pick(List.of("example.com", "mail.example.org", "empresa.com.br", "qq.com", "163.com",
            "gmail.com", "outlook.in", "corp.example.co.uk"));
        return user + (rnd.nextBoolean() ? "" : String.valueOf(rnd.nextInt(100))) + "@" + domain;
    }

    String phone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumber example = PHONES.getExampleNumberForType(region,
            rnd.nextBoolean() ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE);
        PhoneNumber number;
        do {
            long nsn = example.getNationalNumber();
            long tail = (long) Math.pow(10, 4);
            number = new PhoneNumber().setCountryCode(example.getCountryCode())
                .setNationalNumber(nsn - nsn % tail + rnd.nextInt((int) tail));
        } while (!PHONES.isValidNumber(number));
        PhoneNumberFormat format = pick(List.of(PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL,
            PhoneNumberFormat.E164));
        return PHONES.format(number, format);
    }

    String card() {
        String prefix = pick(List.of("4", "4", "51", "55", "2221", "34", "37", "6011", "65", "3530", "62"));
        int len = prefix.startsWith("3") && prefix.length() == 2 ? 15 : 16;
        String body = prefix + digits(len - prefix.length() - 1);
        String number = body + luhnDigit(body);
        return switch (rnd.nextInt(3)) {
            case 0 -> number;
            case 1 -> len == 15 ? number.substring(0, 4) + " " + number.substring(4, 10) + " " + number.substring(10)
                : group(number, 4, ' ');
            default -> len == 15 ? number : group(number, 4, '-');
        };
    }

    String badCard() {
        String card = card();
        return flipLastDigit(card);
    }

    static char luhnDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    String iban() {
        String country = pick(List.of("DE", "GB", "FR", "ES", "NL", "BR", "IT", "PT"));
        String bban = switch (country) {
            case "DE" -> digits(18);
            case "GB" -> letters(4) + digits(14);
            case "FR" -> digits(10) + letters(1) + digits(10) + digits(2);
            case "ES" -> digits(20);
            case "NL" -> letters(4) + digits(10);
            case "BR" -> digits(23) + "C" + digits(1);
            case "IT" -> letters(1) + digits(10) + digits(12);
            default -> digits(21);
        };
        String iban = country + ibanCheck(country, bban) + bban;
        return rnd.nextBoolean() ? iban : group(iban, 4, ' ');
    }

    String badIban() {
        String iban = iban().replace(" ", "");
        int check = Integer.parseInt(iban.substring(2, 4));
        return iban.substring(0, 2) + String.format("%02d", (check + 1 + rnd.nextInt(90)) % 97 + 2)
            + iban.substring(4);
    }

    private static String ibanCheck(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int r = new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", 98 - r);
    }

    String ipv4() {
        return (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    String ipv6() {
        return switch (rnd.nextInt(3)) {
            case 0 -> "2001:db8:" + hexGroups(6, ":");
            case 1 -> "fe80::" + hexGroups(1 + rnd.nextInt(2), ":");
            default -> "2001:db8::" + hexGroups(1 + rnd.nextInt(3), ":");
        };
    }

    private String hexGroups(int count, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Integer.toHexString(1 + rnd.nextInt(0xFFFF)));
        }
        return sb.toString();
    }

    String ssn() {
        int area;
        do {
            area = 1 + rnd.nextInt(899);
        } while (area == 666);
        String s = String.format("%03d-%02d-%04d", area, 1 + rnd.nextInt(99), 1 + rnd.nextInt(9999));
        return rnd.nextInt(4) == 0 ? s.replace('-', ' ') : s;
    }

    String badSsn() {
        String area = pick(List.of("000", "666", "9" + digits(2)));
        return area + "-" + String.format("%02d", 1 + rnd.nextInt(99)) + "-" + String.format("%04d", 1 + rnd.nextInt(9999));
    }

    String cnId() {
        String province = pick(List.of("11", "31", "44", "51", "32", "33", "42", "61"));
        String body = province + digits(4) + (1950 + rnd.nextInt(55))
            + String.format("%02d%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)) + digits(3);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    String badCnId() {
        String id = cnId();
        char last = id.charAt(17);
        char other = last == 'X' ? '0' : (last == '9' ? 'X' : (char) (last + 1));
        return id.substring(0, 17) + other;
    }

    String aadhaar() {
        String body = (2 + rnd.nextInt(8)) + digits(10);
        int c = 0;
        for (int i = 0; i < body.length(); i++) {
            c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][body.charAt(body.length() - 1 - i) - '0']];
        }
        String number = body + VERHOEFF_INV[c];
        return rnd.nextBoolean() ? group(number, 4, ' ') : number;
    }

    String cpf() {
        String body = digits(9);
        int d1 = mod11(body, 10);
        int d2 = mod11(body + d1, 11);
        String cpf = body + d1 + d2;
        return rnd.nextBoolean() ? cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-"
            + cpf.substring(9) : cpf;
    }

    private static int mod11(String d, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            sum += (d.charAt(i) - '0') * (firstWeight - i);
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    String cnpj() {
        String body = digits(8) + "0001";
        int d1 = cnpjDigit(body, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        int d2 = cnpjDigit(body + d1, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        String c = body + d1 + d2;
        return rnd.nextBoolean() ? c.substring(0, 2) + "." + c.substring(2, 5) + "." + c.substring(5, 8) + "/"
            + c.substring(8, 12) + "-" + c.substring(12) : c;
    }

    private static int cnpjDigit(String d, int[] w) {
        int sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    String nino() {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = "" + first.charAt(rnd.nextInt(first.length())) + second.charAt(rnd.nextInt(second.length()));
        } while (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix));
        String d = digits(6);
        char suffix = "ABCD".charAt(rnd.nextInt(4));
        return rnd.nextBoolean() ? prefix + d + suffix
            : prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
    }

    String nric() {
        char prefix = "STFG".charAt(rnd.nextInt(4));
        String d = digits(7);
        int[] w = {2, 7, 6, 5, 4, 3, 2};
        int sum = prefix == 'T' || prefix == 'G' ? 4 : 0;
        for (int i = 0; i < 7; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        String table = prefix == 'S' || prefix == 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
        return prefix + d + table.charAt(sum % 11);
    }

    String badNric() {
        String n = nric();
        char wrong = (char) ('A' + (n.charAt(8) - 'A' + 1 + rnd.nextInt(20)) % 26);
        return n.substring(0, 8) + wrong;
    }

    String wallet() {
        byte[] payload = new byte[20];
        rnd.nextBytes(payload);
        if (rnd.nextBoolean()) {
            return bech32Segwit(payload);
        }
        byte[] versioned = new byte[21];
        versioned[0] = (byte) (rnd.nextBoolean() ? 0x00 : 0x05);
        System.arraycopy(payload, 0, versioned, 1, 20);
        byte[] check = sha256(sha256(versioned));
        byte[] full = new byte[25];
        System.arraycopy(versioned, 0, full, 0, 21);
        System.arraycopy(check, 0, full, 21, 4);
        return base58(full);
    }

    String badWallet() {
        String w = wallet();
        int i = 5 + rnd.nextInt(10);
        String alphabet = w.startsWith("bc1") ? BECH32 : BASE58;
        char replacement = alphabet.charAt((alphabet.indexOf(w.charAt(i)) + 1) % alphabet.length());
        return w.substring(0, i) + replacement + w.substring(i + 1);
    }

    private static String base58(byte[] data) {
        BigInteger value = new BigInteger(1, data);
        StringBuilder sb = new StringBuilder();
        BigInteger radix = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            sb.append(BASE58.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    private static String bech32Segwit(byte[] program) {
        int[] data = new int[1 + 32];
        data[0] = 0;
        int acc = 0;
        int bits = 0;
        int k = 1;
        for (byte b : program) {
            acc = (acc << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                data[k++] = (acc >>> bits) & 31;
            }
        }
        int[] values = new int[5 + k + 6];
        values[0] = 3;
        values[1] = 3;
        values[2] = 0;
        values[3] = 'b' & 31;
        values[4] = 'c' & 31;
        System.arraycopy(data, 0, values, 5, k);
        int mod = polymod(values) ^ 1;
        StringBuilder sb = new StringBuilder("bc1");
        for (int i = 0; i < k; i++) {
            sb.append(BECH32.charAt(data[i]));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(BECH32.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    String credentialUrl() {
        String token = alnum(24 + rnd.nextInt(16));
        return switch (rnd.nextInt(5)) {
            case 0 -> "https://admin:" + alnum(10) + "@db.internal.example.com:5432/orders";
            case 1 -> "https://api.example.com/v2/export?format=csv&access_token=" + token;
            case 2 -> "postgres://app:" + alnum(12) + "@10.0.3.7:5432/prod";
            case 3 -> "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Expires=3600&X-Amz-Signature=" + token;
            default -> "https://hooks.example.net/reset?user=42&token=" + token;
        };
    }

    String plainUrl() {
        return pick(List.of("https://example.com/help?lang=en&page=2", "https://www.example.com.br/pedidos/2024",
            "http://docs.example.org/v1.2.3/guide#install", "https://example.cn/zh/faq?q=refund",
            "https://status.example.in/incidents/8812"));
    }

    String dateOfBirth(String lang) {
        int y = 1950 + rnd.nextInt(55);
        int m = 1 + rnd.nextInt(12);
        int d = 1 + rnd.nextInt(28);
        if (lang.equals("zh")) {
            return y + "年" + m + "月" + d + "日";
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> String.format("%04d-%02d-%02d", y, m, d);
            case 1 -> String.format("%02d/%02d/%04d", d, m, y);
            case 2 -> d + " " + MONTHS.get(m - 1) + " " + y;
            default -> String.format("%02d.%02d.%04d", d, m, y);
        };
    }

    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December");

    String name(String lang) {
        return switch (lang) {
            case "zh" -> pick(List.of("张", "王", "李", "刘", "陈", "杨", "黄", "赵")) + pick(List.of("伟", "芳", "娜", "敏",
                "静", "磊", "洋", "秀英", "建国", "晓明"));
            case "pt" -> pick(List.of("Maria", "João", "Ana", "Pedro", "Luíza", "Carlos")) + " "
                + pick(List.of("Silva", "Santos", "Oliveira", "da Costa", "Ferreira", "Conceição"));
            case "hi" -> pick(List.of("Rahul", "Priya", "Amit", "Sunita", "Vikram", "Anjali")) + " "
                + pick(List.of("Sharma", "Verma", "Gupta", "Patel", "Reddy", "Iyer"));
            default -> pick(List.of("John", "Emily", "Michael", "Sarah", "David", "Laura")) + " "
                + pick(List.of("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke"));
        };
    }

    String letters(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    String alnum(int n) {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String flipLastDigit(String s) {
        int i = s.length() - 1;
        char c = s.charAt(i);
        return s.substring(0, i) + (char) ('0' + (c - '0' + 1 + rnd.nextInt(8)) % 10);
    }

    static String group(String s, int size, char sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(s, i, Math.min(s.length(), i + size));
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
