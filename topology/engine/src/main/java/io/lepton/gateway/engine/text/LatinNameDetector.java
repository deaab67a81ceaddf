package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isWordChar;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Person names in Latin script, in English, German, Portuguese and Hindi written in Latin letters. A name is one to
 * three words reported only with context:
 *
 * <ul>
 *   <li>a <b>strong cue</b> just before it: an introduction ("my name is", "I'm", "ich bin", "ich heiße", "mein Name
 *       ist", "meu nome é", "me chamo", "eu sou", "mera naam"), a mail header at a line start ({@code From:},
 *       {@code Von:}, {@code De:}, {@code Para:}, {@code An:}, {@code To:}) or a title (Mr, Mrs, Dr, Herr, Frau, Sr.,
 *       Sra., Dona, Shri, Smt); then the name may be capitalised, all capitals or a known name in lower case;</li>
 *   <li>a <b>weak cue</b>: a salutation ("Dear", "Hi", "Hallo", "Liebe", "Olá", "Prezado", "Namaste") or a sign-off
 *       followed by a comma or a line break ("Regards,", "Thanks,", "Mit freundlichen Grüßen", "Viele Grüße",
 *       "Atenciosamente", "Obrigada", "Dhanyavaad"); then a capitalised word that is not a known name must end the
 *       phrase or line ("Thanks\nSent from my iPhone" keeps "Sent");</li>
 *   <li>no cue, but a known given name followed by a known surname ("Maria Silva"), or "Surname, Given" ("Smith,
 *       John"), per the {@link NameGazetteer}.</li>
 * </ul>
 *
 * Cues are matched ignoring case. A phrase followed by a role noun ("Dear Valued Customer", "Hallo Team") is not a
 * name. Recall limit: uncued names outside the gazetteer ("ask Priya about it") are not detected; names of the
 * record's own subject are still removed by linked-field scrubbing.
 */
final class LatinNameDetector implements Detector {
    private static final int MAX_NAME_WORDS = 3;
    private static final String[] STRONG_PAIRS = {"name is", "i am", "this is", "call me", "ich bin", "ich heiße",
        "ich heisse", "name ist", "hier ist", "hier spricht", "nome é", "nome e", "me chamo", "eu sou", "aqui é",
        "mera naam", "mera nam", "naam hai"};
    private static final Set<String> STRONG_WORDS = Set.of("i'm", "heiße", "heisse", "chamo");
    private static final Set<String> LABELS = Set.of("name", "nome", "naam", "vorname", "nachname", "contato",
        "contact", "kontakt", "customer", "kunde", "cliente", "from", "von", "de", "para", "an", "to", "cc", "titular",
        "kontoinhaber", "inhaber", "holder", "nominee");
    /**
     * Cues that say the next words are a name outright ("my name is", "Name:", "Mr."), after which a name is taken
     * in lower case too ("my name is suresh singh and ..."): people type their own name that way. Generic cues such
     * as "this is" or "I am" are followed by lower-case prose far too often for that.
     */
    private static final Set<String> NAMING_PAIRS = Set.of("name is", "name ist", "nome é", "nome e", "me chamo",
        "mera naam", "mera nam", "ich heiße", "ich heisse");
    /** Labels that introduce a name only as a mail header at the start of a line ("To:"), not inside a sentence. */
    private static final Set<String> HEADER_ONLY_LABELS = Set.of("from", "von", "de", "para", "an", "to", "cc");
    private static final Set<String> NAMING_LABELS = Set.of("name", "nome", "naam", "vorname", "nachname", "titular",
        "kontoinhaber", "inhaber", "holder");
    /** Words that may follow a lower-case name in its sentence ("... suresh singh and I", "... juliana e preciso"). */
    private static final Set<String> CONNECTORS = Set.of("and", "und", "e", "hai", "aur", "but", "from", "here",
        "speaking", "bol", "aqui", "hier");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "herr", "frau", "sr", "sra",
        "srta", "dona", "shri", "smt", "prof", "sir");
    private static final Set<String> SALUTATIONS = Set.of("dear", "hi", "hello", "hey", "hallo", "liebe", "lieber",
        "servus", "moin", "olá", "ola", "oi", "prezado", "prezada", "caro", "cara", "namaste", "namaskar", "hii");
    private static final Set<String> SIGN_OFFS = Set.of("regards", "thanks", "cheers", "sincerely", "best", "you",
        "grüßen", "grüße", "gruß", "grüssen", "grüsse", "gruss", "mfg", "lg", "vg", "danke", "obrigado", "obrigada",
        "atenciosamente", "abraços", "abraço", "att", "dhanyavaad", "dhanyavad", "shukriya", "wishes");
    private static final Set<String> STOP_WORDS = Set.of(
        "team", "customer", "customers", "support", "sir", "madam", "there", "all", "everyone", "sorry", "thanks",
        "thank", "please", "the", "this", "that", "not", "very", "so", "here", "calling", "writing", "just", "still",
        "really", "happy", "glad", "going", "trying", "looking", "also", "ok", "okay", "good", "morning",
        "afternoon", "evening", "friend", "friends", "guys", "folks", "again", "yes", "no", "bom", "boa", "dia",
        "tarde", "noite", "equipe", "pessoal", "time", "from", "a", "an", "in", "on", "at", "unable", "interested",
        "new", "your", "my", "our", "we", "i", "it", "valued", "zusammen", "leute", "alle", "kunde", "kundin",
        "kunden", "damen", "herren", "und", "ich", "sie", "wir", "der", "die", "das", "sent", "get", "best", "kind",
        "warm", "regards", "cliente", "clientes", "senhor", "senhora", "user", "member", "client", "colleague",
        "colleagues", "manager", "hiring", "sales", "service", "billing", "account", "admin", "voraus", "dank", "is",
        "ist", "am", "é", "sou", "bin", "hai", "hoon", "vielen", "grüße", "yours", "ji", "bhai", "sahab", "hope",
        "for", "to", "and", "with", "spelled", "spelt", "see", "below", "above", "attached", "provided", "given",
        "siehe", "geschrieben", "unten", "oben", "anexo", "abaixo", "acima", "wrong", "incorrect", "missing",
        "correct", "different", "listed", "shown", "printed", "written", "misspelled", "same", "right", "already",
        "too", "required", "invalid", "empty", "blank", "unknown", "changed", "updated", "falsch", "richtig",
        "korrekt", "errado", "incorreto", "diferente", "galat", "sahi", "what", "fine", "nicht", "não", "nao",
        "nahi", "of", "bye", "now", "later", "soon", "care", "be", "but", "was", "are", "will", "has", "have", "had",
        "can", "could", "would", "should", "do", "does", "did", "if", "as", "by", "or", "than", "then", "which",
        "who", "whom", "whose", "his", "her", "their", "its", "mein", "meine", "meu", "minha", "mera", "meri", "ein",
        "eine", "um", "uma", "o", "os", "e", "ou", "oder", "aur", "ka", "ki", "ke", "se", "ko", "pe", "par", "na",
        "em", "im");
    private static final Set<String> PARTICLES = Set.of("da", "de", "do", "dos", "das", "van", "von", "bin", "der",
        "di", "del", "la", "le", "zu", "al", "e");

    /** What a word before a name can be, as bits of its value in {@link #CUE_WORDS}. */
    private static final int LABEL = 1;
    private static final int NAMING_LABEL = 2;
    private static final int HEADER_ONLY = 4;
    private static final int STRONG_WORD = 8;
    private static final int PAIR_END = 16;
    private static final int SALUTATION = 32;
    private static final int SIGN_OFF = 64;
    /** Values in {@link #PAIRS}. */
    private static final int STRONG_PAIR = 1;
    private static final int NAMING_PAIR = 2;

    /** Every word that can end a cue, with what it can be, so the word before a name is looked up once. */
    private static final WordHashes CUE_WORDS = cueWords();
    private static final WordHashes PAIRS = pairs();
    private static final WordHashes STOP = WordHashes.of(STOP_WORDS);
    private static final WordHashes TITLE = WordHashes.of(TITLES);
    private static final WordHashes PARTICLE = WordHashes.of(PARTICLES);

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.PERSON_NAME);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.WORD);
    }

    @Override
    public String validator() {
        return "introduction, header, title, salutation or sign-off cue; or gazetteer given name + surname";
    }

    @Override
    public String oracleTest() {
        return "NameDetectionTest";
    }

    /** {@code [start, end)} is a word; returns where scanning resumes, or -1 when it is not (part of) a name. */
    @Override
    public int detect(CharSequence text, int start, int end, CandidateSink sink) {
        if (!Character.isLetter(text.charAt(start))) {
            return -1;
        }
        if (isTitle(text, start, end)) {
            int p = end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
            if (p + 1 >= text.length() || text.charAt(p) != ' ') {
                return -1;
            }
            int nameEnd = nameWordEnd(text, p + 1);
            return nameEnd > p + 1 ? name(text, p + 1, nameEnd, shape(text, p + 1, nameEnd), Cue.NAMING, sink) : -1;
        }
        int wordEnd = isApostrophe(text, end) ? nameWordEnd(text, start) : end;
        Shape shape = shape(text, start, wordEnd);
        if (shape == Shape.OTHER) {
            return -1;
        }
        Cue cue = cueBefore(text, start);
        if (cue != Cue.NONE) {
            return name(text, start, wordEnd, shape, cue, sink);
        }
        return shape == Shape.CAPITALISED ? uncued(text, start, wordEnd, sink) : -1;
    }

    /**
     * How strongly the text before a word says a name follows, weakest first: a salutation or sign-off on the same
     * line ({@code WEAK}), a sign-off closing its line ({@code SIGN_OFF}: a signature follows, in any case), an
     * introduction, header or title ({@code STRONG}), a statement of the name itself ({@code NAMING}).
     */
    private enum Cue { NONE, WEAK, SIGN_OFF, STRONG, NAMING }

    /** {@code [start, end)} is a word of shape {@code first} after {@code cue}; returns the name's end or -1. */
    private static int name(CharSequence text, int start, int end, Shape first, Cue cue, CandidateSink sink) {
        boolean known = NameGazetteer.isKnown(text, start, end);
        boolean anyCase = cue == Cue.NAMING || cue == Cue.SIGN_OFF;
        if (first == Shape.OTHER || isStop(text, start, end)
            || (first == Shape.LOWER && !known && !anyCase)
            || (first == Shape.UPPER && cue.compareTo(Cue.SIGN_OFF) < 0 && !known)) {
            return -1;
        }
        int nameEnd = end;
        int words = 1;
        boolean allKnown = known;
        while (words < MAX_NAME_WORDS && nameEnd + 1 < text.length() && text.charAt(nameEnd) == ' ') {
            int ws = nameEnd + 1;
            int we = nameWordEnd(text, ws);
            if (we == ws) {
                break;
            }
            if (continues(text, ws, we, first, anyCase)) {
                nameEnd = we;
                words++;
                allKnown &= NameGazetteer.isKnown(text, ws, we);
            } else if (first != Shape.LOWER && isParticle(text, ws, we) && we + 1 < text.length()
                && text.charAt(we) == ' ') {
                int ne = nameWordEnd(text, we + 1);
                if (ne == we + 1 || !continues(text, we + 1, ne, first, anyCase)) {
                    break;
                }
                nameEnd = ne;
                words++;
            } else {
                break;
            }
        }
        if (nameEnd < text.length() && text.charAt(nameEnd) == ':' && cue.compareTo(Cue.STRONG) >= 0) {
            return -1; // "This is Important: ..." is a heading, not an introduction
        }
        if (followedByStopWord(text, nameEnd)) {
            return -1; // "Dear Valued Customer", "Hallo Team"
        }
        if ((cue == Cue.WEAK || cue == Cue.SIGN_OFF) && !allKnown && !endsPhrase(text, nameEnd)) {
            return -1; // "Thanks\nSent from my iPhone"
        }
        if (first == Shape.LOWER && !allKnown && !lowerCaseNameFits(text, words, nameEnd, cue)) {
            return -1;
        }
        if (words == 1 && cue.compareTo(Cue.STRONG) >= 0) {
            nameEnd = givenNameAfterComma(text, nameEnd, first);
        }
        sink.add(start, nameEnd, TextPiiType.PERSON_NAME);
        return nameEnd;
    }

    /**
     * A name typed in lower case is taken only as a given name and surname (two or three words, none a common word)
     * that closes its line or phrase, or is followed by a connector ("and", "e", "hai"): a single lower-case word
     * after "my name is" is too often something else ("... is spelled wrong").
     */
    private static boolean lowerCaseNameFits(CharSequence text, int words, int nameEnd, Cue cue) {
        if (words < 2) {
            return false;
        }
        if (cue == Cue.SIGN_OFF ? endsLine(text, nameEnd) : endsPhrase(text, nameEnd)) {
            return true;
        }
        if (cue != Cue.NAMING || nameEnd + 2 >= text.length() || text.charAt(nameEnd) != ' ') {
            return false;
        }
        int we = CharClasses.wordEnd(text, nameEnd + 1);
        return we > nameEnd + 1 && CONNECTORS.contains(text.subSequence(nameEnd + 1, we).toString());
    }

    /** "Walker, Sophie" after a strong cue: the surname, a comma and the given name(s) closing the line. */
    private static int givenNameAfterComma(CharSequence text, int surnameEnd, Shape first) {
        if (surnameEnd + 2 >= text.length() || text.charAt(surnameEnd) != ',' || text.charAt(surnameEnd + 1) != ' ') {
            return surnameEnd;
        }
        int p = surnameEnd + 2;
        int end = surnameEnd;
        for (int words = 0; words < MAX_NAME_WORDS - 1; words++) {
            int we = nameWordEnd(text, p);
            if (we == p || shape(text, p, we) != first || isStop(text, p, we)) {
                break;
            }
            end = we;
            if (we + 1 >= text.length() || text.charAt(we) != ' ') {
                break;
            }
            p = we + 1;
        }
        return end > surnameEnd && endsLine(text, end) ? end : surnameEnd;
    }

    /** Whether {@code end} is the end of the text or of its line, or of a sentence. */
    private static boolean endsLine(CharSequence text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return c == '\n' || c == '\r' || c == '.' || c == '"' || c == ';';
    }

    /**
     * End of a name word: a run of word characters, continued across an apostrophe by another run ("O'Connor",
     * "D'Souza"), which the scanner's words stop at.
     */
    private static int nameWordEnd(CharSequence text, int start) {
        int end = CharClasses.wordEnd(text, start);
        while (isApostrophe(text, end) && end - start <= 3) {
            end = CharClasses.wordEnd(text, end + 1);
        }
        return end;
    }

    /** Whether an apostrophe at {@code at} is followed by a letter (the apostrophe inside "O'Connor"). */
    private static boolean isApostrophe(CharSequence text, int at) {
        return at + 1 < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '\u2019')
            && Character.isLetter(text.charAt(at + 1));
    }

    /**
     * "Maria Silva" (known given name + known surname) or "Silva, Maria", where {@code [start, end)} is a capitalised
     * word; returns the end or -1.
     */
    private static int uncued(CharSequence text, int start, int end, CandidateSink sink) {
        if (end + 2 >= text.length()) {
            return -1;
        }
        char next = text.charAt(end);
        if (next == ' ' && Character.isUpperCase(text.charAt(end + 1))) {
            int se = CharClasses.wordEnd(text, end + 1);
            if (shape(text, end + 1, se) == Shape.CAPITALISED && NameGazetteer.isGivenName(text, start, end)
                && NameGazetteer.isSurname(text, end + 1, se)) {
                sink.add(start, se, TextPiiType.PERSON_NAME);
                return se;
            }
        } else if (next == ',' && text.charAt(end + 1) == ' ' && end + 2 < text.length()
            && Character.isUpperCase(text.charAt(end + 2))) {
            int ge = CharClasses.wordEnd(text, end + 2);
            if (shape(text, end + 2, ge) == Shape.CAPITALISED && NameGazetteer.isSurname(text, start, end)
                && NameGazetteer.isGivenName(text, end + 2, ge)) {
                sink.add(start, ge, TextPiiType.PERSON_NAME);
                return ge;
            }
        }
        return -1;
    }

    private static boolean continues(CharSequence text, int start, int end, Shape first, boolean anyCase) {
        Shape s = shape(text, start, end);
        if (isStop(text, start, end)) {
            return false;
        }
        return s == Shape.CAPITALISED || (s == Shape.UPPER && first == Shape.UPPER)
            || (s == Shape.LOWER && first == Shape.LOWER && (anyCase || NameGazetteer.isKnown(text, start, end)));
    }

    /** The cue that the text before {@code start} gives, looking back over at most two words. */
    private static Cue cueBefore(CharSequence text, int start) {
        int p = start;
        boolean comma = false;
        boolean lineBreak = false;
        boolean colon = false;
        while (p > 0 && start - p < 8 && " \t\r\n,:\"".indexOf(text.charAt(p - 1)) >= 0) {
            char c = text.charAt(p - 1);
            comma |= c == ',';
            lineBreak |= c == '\n';
            colon |= c == ':';
            p--;
        }
        if (p == start || p == 0) {
            return Cue.NONE;
        }
        int w1End = p;
        int w1Start = previousWordStart(text, w1End);
        if (w1Start == w1End || w1End - w1Start > 24) {
            return Cue.NONE;
        }
        int cueWord = CUE_WORDS.value(text, w1Start, w1End);
        if (cueWord == 0) {
            return Cue.NONE; // most words are not cue words
        }
        boolean lineStart = w1Start == 0 || text.charAt(w1Start - 1) == '\n';
        if (colon && (cueWord & LABEL) != 0 && (lineStart || (cueWord & HEADER_ONLY) == 0)) {
            return (cueWord & NAMING_LABEL) != 0 ? Cue.NAMING : Cue.STRONG;
        }
        if ((cueWord & STRONG_WORD) != 0) {
            return Cue.STRONG;
        }
        if ((cueWord & PAIR_END) != 0 && w1Start > 1 && text.charAt(w1Start - 1) == ' ') {
            int w2Start = previousWordStart(text, w1Start - 1);
            int pair = w2Start < w1Start - 1 ? PAIRS.value(text, w2Start, w1End) : 0;
            if (pair != 0) {
                return pair == NAMING_PAIR ? Cue.NAMING : Cue.STRONG;
            }
        }
        if ((cueWord & SALUTATION) != 0) {
            return Cue.WEAK;
        }
        if ((comma || lineBreak) && (cueWord & SIGN_OFF) != 0) {
            return lineBreak ? Cue.SIGN_OFF : Cue.WEAK;
        }
        return Cue.NONE;
    }

    /** Every word that can end a cue (the last word of a pair included), with its {@code LABEL}... bits. */
    private static WordHashes cueWords() {
        Map<String, Integer> words = new HashMap<>();
        for (String pair : STRONG_PAIRS) {
            words.merge(pair.substring(pair.lastIndexOf(' ') + 1), PAIR_END, (a, b) -> a | b);
        }
        for (String label : LABELS) {
            words.merge(label, LABEL | (NAMING_LABELS.contains(label) ? NAMING_LABEL : 0)
                | (HEADER_ONLY_LABELS.contains(label) ? HEADER_ONLY : 0), (a, b) -> a | b);
        }
        STRONG_WORDS.forEach(w -> words.merge(w, STRONG_WORD, (a, b) -> a | b));
        SALUTATIONS.forEach(w -> words.merge(w, SALUTATION, (a, b) -> a | b));
        SIGN_OFFS.forEach(w -> words.merge(w, SIGN_OFF, (a, b) -> a | b));
        return WordHashes.of(words);
    }

    private static WordHashes pairs() {
        Map<String, Integer> pairs = new HashMap<>();
        for (String pair : STRONG_PAIRS) {
            pairs.put(pair, NAMING_PAIRS.contains(pair) ? NAMING_PAIR : STRONG_PAIR);
        }
        return WordHashes.of(pairs);
    }

    /** A title, capitalised ("Mr", "Frau") or in lower case with its period ("ms."). */
    private static boolean isTitle(CharSequence text, int start, int end) {
        return end - start <= 4 && (Character.isUpperCase(text.charAt(start))
            || (end < text.length() && text.charAt(end) == '.')) && TITLE.contains(text, start, end);
    }

    private static boolean isStop(CharSequence text, int start, int end) {
        return end - start <= 12 && STOP.contains(text, start, end);
    }

    private static boolean isParticle(CharSequence text, int start, int end) {
        return end - start <= 3 && PARTICLE.contains(text, start, end);
    }

    private static boolean followedByStopWord(CharSequence text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ') {
            return false;
        }
        int we = CharClasses.wordEnd(text, end + 1);
        return we > end + 1 && shape(text, end + 1, we) == Shape.CAPITALISED && isStop(text, end + 1, we);
    }

    /** Whether the phrase ends at {@code end}: end of text or line, or punctuation. */
    private static boolean endsPhrase(CharSequence text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return c == '\n' || c == '\r' || c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':'
            || c == ')' || (c == ' ' && (end + 1 >= text.length() || !isWordChar(text.charAt(end + 1))));
    }

    private enum Shape { CAPITALISED, UPPER, LOWER, OTHER }

    /**
     * The case pattern of a name word; an apostrophe joins parts that are judged together ("O'Connor" capitalised,
     * "O'CONNOR" upper case), and "McAllister", "MacDonald" count as capitalised.
     */
    private static Shape shape(CharSequence text, int start, int end) {
        Shape plain = wordShape(text, start, end);
        return plain != Shape.OTHER || end - start < 3 ? plain : joinedShape(text, start, end);
    }

    /** The rarer name words: parts joined by an apostrophe, and the Mc/Mac prefixes. */
    private static Shape joinedShape(CharSequence text, int start, int end) {
        int apostrophe = start + 1;
        while (apostrophe < end && text.charAt(apostrophe) != '\'' && text.charAt(apostrophe) != '\u2019') {
            apostrophe++;
        }
        if (apostrophe < end) {
            Shape head = apostrophe - start == 1
                ? (isUpper(text.charAt(start)) ? null : isLower(text.charAt(start)) ? Shape.LOWER : Shape.OTHER)
                : wordShape(text, start, apostrophe);
            Shape tail = shape(text, apostrophe + 1, end);
            return head == null || head == tail ? tail : Shape.OTHER;
        }
        if (end - start >= 4 && text.charAt(start) == 'M' && text.charAt(start + 1) == 'c') {
            return wordShape(text, start + 2, end) == Shape.CAPITALISED ? Shape.CAPITALISED : Shape.OTHER;
        }
        if (end - start >= 5 && text.charAt(start) == 'M' && text.charAt(start + 1) == 'a'
            && text.charAt(start + 2) == 'c') {
            return wordShape(text, start + 3, end) == Shape.CAPITALISED ? Shape.CAPITALISED : Shape.OTHER;
        }
        return Shape.OTHER;
    }

    private static Shape wordShape(CharSequence text, int start, int end) {
        if (end - start < 2) {
            return Shape.OTHER;
        }
        boolean firstUpper = isUpper(text.charAt(start));
        if (!firstUpper && !isLower(text.charAt(start))) {
            return Shape.OTHER;
        }
        boolean restLower = true;
        boolean restUpper = true;
        for (int i = start + 1; i < end && (restLower || restUpper); i++) {
            char c = text.charAt(i);
            restLower &= isLower(c);
            restUpper &= isUpper(c);
        }
        if (restLower) {
            return firstUpper ? Shape.CAPITALISED : Shape.LOWER;
        }
        return firstUpper && restUpper ? Shape.UPPER : Shape.OTHER;
    }

    private static boolean isUpper(char c) {
        return c < 128 ? CharClasses.isAsciiUpper(c) : Character.isUpperCase(c);
    }

    private static boolean isLower(char c) {
        return c < 128 ? CharClasses.isAsciiLower(c) : Character.isLowerCase(c);
    }

    private static int previousWordStart(CharSequence text, int end) {
        int s = end;
        while (s > 0 && end - s < 24 && (isWordChar(text.charAt(s - 1)) || text.charAt(s - 1) == '\'')) {
            s--;
        }
        return s;
    }
}
