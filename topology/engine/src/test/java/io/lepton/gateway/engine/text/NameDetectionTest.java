package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names with cues in the five covered languages, names without a cue, and the common words that must not become
 * names ('⏎' stands for a line break, which a CSV source cannot hold). The names here are written for this test; the gazetteer is not read to build them.
 */
class NameDetectionTest {
    private static final FreeTextScanner SCANNER = FreeTextScanner.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hi, my name is «Daniel Okafor» and I need help",
        "MY NAME IS «DANIEL OKAFOR»",
        "my name is «daniel» and my card was charged twice",
        "Hallo, ich bin «Jonas Becker» aus Köln",
        "Ich heiße «Lena Vogel».",
        "Mit freundlichen Grüßen⏎«Hans Zimmermann»",
        "Sehr geehrte Frau «Schneider», danke",
        "Von: «Katrin Wolff»⏎An: support",
        "Olá, meu nome é «Ana Beatriz Souza»",
        "Atenciosamente,⏎«Rafael Costa»",
        "De: «Joana Ferreira»⏎Para: suporte",
        "Namaste, mera naam «Rohan Mehta» hai",
        "Dhanyavaad,⏎«Priyanka Iyer»",
        "From: «Michael Turner»⏎Subject: refund",
        "Thanks,⏎«Emily»",
        "我叫«张伟»，订单有问题",
        "联系人：«欧阳娜娜»",
        "请转告«王小明»先生",
        "«Smith, John» called about the refund",
        "I spoke with «Jennifer Martinez» yesterday",
        "{\"cpf\":\"111.444.777-35\",\"nome\":\"«João Ferreira»\"} apareceu na tela",
        "Name: «Walker, Sophie»⏎Account type: savings",
        "Kontoinhaber: «Hartmann, Tobias»",
        "Her maiden name is «O'Connor»",
        "Name: «James McAllister»⏎Phone: on file",
        "Name:    «Wei Li»⏎Address: 42 Elm Street",
        "I'd like to join accounts with ms. «Rahul»",
        "Hello, this is Mr. «MEGAN O'CONNOR». Who are you?",
        "My name is «suresh singh» and I want to dispute a transaction.",
        "Olá, meu nome é «juliana ferreira» e preciso de ajuda",
        "Kind regards,⏎«deepak verma»",
        "Dhanyavaad,⏎«NEHA REDDY»",
        "MY NAME IS «Henrik Schäfer» AND I WANT MY MONEY BACK",
    })
    void findsTheName(String marked) {
        int open = marked.indexOf('«');
        int close = marked.indexOf('»') - 1;
        String text = marked.replace("«", "").replace("»", "").replace('⏎', '\n');
        assertThat(SCANNER.scan(text)).as(text)
            .contains(new Detection(open, close, TextPiiType.PERSON_NAME));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Vielen Dank im Voraus!", "Thanks⏎Sent from my iPhone",
        "Dear Valued Customer,", "Hallo Team, bitte prüfen", "Hi All, the build is green", "I am Happy with it",
        "Best regards,⏎The Support Team", "Olá, bom dia", "This is Important: read it", "Grace period ends Monday",
        "my name is spelled wrong", "The name is not correct on the card", "Thanks,⏎bye now", "Name: see below",
        "Kind regards,⏎the support team", "Cheers,⏎SUPPORT TEAM", "Name: as above", "mein Name ist falsch geschrieben",
        "I am going to call later, it is fine"})
    void leavesCommonWordsAlone(String written) {
        String text = written.replace('⏎', '\n');
        assertThat(SCANNER.scan(text)).as(text).noneMatch(d -> d.type() == TextPiiType.PERSON_NAME);
    }

    /** Uncued names: only a known given name followed by a known surname is found; printed, as the README reports. */
    @Test
    void uncuedNamesNeedBothPartsInTheGazetteer() {
        List<String> names = List.of("James Wilson", "Maria Garcia", "Robert Chen", "Linda Nguyen", "Priya Raman",
            "Thiago Oliveira", "Jürgen Krause", "Wei Zhang", "Sarah Johnson", "Ahmed Khan");
        int found = 0;
        for (String name : names) {
            String text = "Please forward this to " + name + " before Friday.";
            found += SCANNER.scan(text).stream().anyMatch(d -> d.type() == TextPiiType.PERSON_NAME) ? 1 : 0;
        }
        System.out.printf("uncued names found: %d of %d%n", found, names.size());
        assertThat(found).isBetween(5, names.size());
    }
}
