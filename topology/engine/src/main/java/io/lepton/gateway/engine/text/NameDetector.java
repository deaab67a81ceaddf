package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isHan;
import static io.lepton.gateway.engine.text.CharClasses.isWordChar;

import java.util.Locale;
import java.util.Set;

/**
 * Person names introduced by a context cue. There is no dictionary and no model: a name is reported only when it
 * follows an introduction ("my name is", "I am", "this is", "meu nome é", "me chamo", "mera naam", "我叫", "我是"), a
 * salutation ("Dear", "Hi", "Olá", "Namaste") or a sign-off ("Regards,", "Thanks,", "Obrigada,", "Dhanyavaad,").
 *
 * <p><b>Recall limit.</b> Names that appear without such a cue ("ask Maria about it", "张伟说..."), names written in
 * lower case, and Chinese names whose surname is not among the hundred or so common surnames listed here are not
 * detected. Latin names are one to three capitalised words (with particles such as "da", "van"); Chinese
 * names are a common surname plus one or two characters. Names of the record's own subject are still removed by
 * linked-field scrubbing (see {@link FreeTextScrubber}), which does not depend on cues.
 */
final class NameDetector {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
        + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛";
    private static final boolean[] IS_SURNAME = new boolean[0x9FFF - 0x4E00 + 1];

    static {
        for (char c : SURNAMES.toCharArray()) {
            IS_SURNAME[c - 0x4E00] = true;
        }
    }

    private static final String[] HAN_CUES = {"我叫", "我是", "名字是", "名字叫", "姓名：", "姓名:", "联系人："};
    private static final String HAN_STOP = "的了在是和先女你我他她要想有从来现今已不也就都会需请打刚买用订说，。！？、";
    private static final Set<String> SALUTATIONS = Set.of("dear", "hi", "hello", "hey", "olá", "ola", "oi",
        "prezado", "prezada", "caro", "cara", "namaste", "namaskar");
    private static final Set<String> SIGN_OFFS = Set.of("regards", "thanks", "cheers", "sincerely", "best",
        "obrigado", "obrigada", "atenciosamente", "abraços", "dhanyavaad", "dhanyavad", "shukriya", "you");
    private static final Set<String> STOP_WORDS = Set.of("team", "customer", "support", "sir", "madam", "there",
        "all", "everyone", "sorry", "thanks", "thank", "please", "the", "this", "that", "not", "very", "so", "here",
        "calling", "writing", "just", "still", "really", "happy", "glad", "going", "trying", "looking", "also", "ok",
        "okay", "good", "morning", "afternoon", "evening", "friend", "friends", "guys", "folks", "again", "yes", "no",
        "bom", "boa", "dia", "tarde", "noite", "equipe", "pessoal", "time", "from", "a", "an", "in", "on", "at",
        "unable", "interested", "new", "your", "my", "our", "we", "i", "it");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "dona",
        "shri", "smt", "prof");
    private static final Set<String> PARTICLES = Set.of("da", "de", "do", "dos", "das", "van", "von", "bin");
    private static final int MAX_NAME_WORDS = 3;

    private NameDetector() {
    }

    /** {@code [start, end)} is a word; returns where scanning resumes. */
    static int detectLatin(CharSequence text, int start, int end, CandidateSink sink) {
        if (!capitalised(text, start, end) || !cued(text, start)) {
            return end;
        }
        int nameStart = start;
        int nameEnd = end;
        if (TITLES.contains(lower(text, start, end))) {
            int p = end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
            if (p >= text.length() || text.charAt(p) != ' ') {
                return end;
            }
            nameStart = p + 1;
            nameEnd = CharClasses.wordEnd(text, nameStart);
            if (!capitalised(text, nameStart, nameEnd)) {
                return end;
            }
        } else if (STOP_WORDS.contains(lower(text, start, end))) {
            return end;
        }
        int words = 1;
        while (words < MAX_NAME_WORDS && nameEnd + 1 < text.length() && text.charAt(nameEnd) == ' ') {
            int ws = nameEnd + 1;
            int we = CharClasses.wordEnd(text, ws);
            if (capitalised(text, ws, we) && !STOP_WORDS.contains(lower(text, ws, we))) {
                nameEnd = we;
                words++;
            } else if (PARTICLES.contains(lower(text, ws, we)) && we + 1 < text.length() && text.charAt(we) == ' ') {
                int ns = we + 1;
                int ne = CharClasses.wordEnd(text, ns);
                if (!capitalised(text, ns, ne)) {
                    break;
                }
                nameEnd = ne;
                words++;
            } else {
                break;
            }
        }
        sink.add(nameStart, nameEnd, TextPiiType.PERSON_NAME);
        return nameEnd;
    }

    /** {@code text.charAt(at)} is a Han character; returns where scanning resumes. */
    static int detectHan(CharSequence text, int at, CandidateSink sink) {
        if (!IS_SURNAME[text.charAt(at) - 0x4E00] || !hanCued(text, at)) {
            return at + 1;
        }
        int end = at + 1;
        while (end < text.length() && end - at < 3 && isHan(text.charAt(end)) && HAN_STOP.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == at + 1) {
            return end;
        }
        sink.add(at, end, TextPiiType.PERSON_NAME);
        return end;
    }

    private static boolean hanCued(CharSequence text, int at) {
        for (String cue : HAN_CUES) {
            int s = at - cue.length();
            if (s >= 0 && regionMatches(text, s, cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(CharSequence text, int from, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (text.charAt(from + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalised(CharSequence text, int start, int end) {
        if (end - start < 2 || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean cued(CharSequence text, int start) {
        int p = start;
        boolean punctuation = false;
        while (p > 0 && start - p < 4 && " \t\r\n,:".indexOf(text.charAt(p - 1)) >= 0) {
            char c = text.charAt(p - 1);
            punctuation |= c == ',' || c == '\n' || c == ':';
            p--;
        }
        if (p == start) {
            return false;
        }
        int w1End = p;
        int w1Start = previousWordStart(text, w1End);
        if (w1Start == w1End) {
            return false;
        }
        String w1 = lower(text, w1Start, w1End);
        if (SALUTATIONS.contains(w1)) {
            return true;
        }
        String w2 = "";
        if (w1Start > 1 && text.charAt(w1Start - 1) == ' ') {
            w2 = lower(text, previousWordStart(text, w1Start - 1), w1Start - 1);
        }
        if (punctuation) {
            return SIGN_OFFS.contains(w1) && (!w1.equals("you") || w2.equals("thank"))
                || w1.equals("name") || w1.equals("nome");
        }
        return switch (w1) {
            case "is" -> w2.equals("name") || w2.equals("this");
            case "am" -> w2.equals("i");
            case "i'm", "im" -> true;
            case "é" -> w2.equals("nome");
            case "chamo" -> w2.equals("me");
            case "naam", "nam" -> w2.equals("mera");
            default -> false;
        };
    }

    private static int previousWordStart(CharSequence text, int end) {
        int s = end;
        while (s > 0 && end - s < 16 && (isWordChar(text.charAt(s - 1)) || text.charAt(s - 1) == '\'')) {
            s--;
        }
        return s;
    }

    private static String lower(CharSequence text, int start, int end) {
        return text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    }
}
