package org.rcm.requests.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.rcm.requests.directory.TestDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The emails' sentences that name a party, rendered by the real templates for every organization and country of the
 * directory (the application's migrations over an H2 database), in both languages: each with its article, and Spanish's
 * "al"/"del" where the article is "el". The expected sentences are written out here, one per party: a party added to
 * the directory fails {@link #everyPartyOfTheDirectoryHasItsExpectedSentence} until someone writes how it reads.
 */
class MailTemplatesTest {

    /** "se dirige …" and "addresses the following request …", as a reader expects them. */
    private static final Map<String, List<String>> ADDRESSED = Map.ofEntries(
            Map.entry("IOM", List.of("a la Organización Internacional para las Migraciones (OIM)",
                    "to the International Organization for Migration (IOM)")),
            Map.entry("PAHO", List.of("a la Organización Panamericana de la Salud (OPS)",
                    "to the Pan American Health Organization (PAHO)")),
            Map.entry("ICRC", List.of("al Comité Internacional de la Cruz Roja (CICR)",
                    "to the International Committee of the Red Cross (ICRC)")),
            Map.entry("UNHCR", List.of("al Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
                    "to the United Nations High Commissioner for Refugees (UNHCR)")),
            Map.entry("UNODC", List.of("a la Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)",
                    "to the United Nations Office on Drugs and Crime (UNODC)")),
            Map.entry("CSM", List.of("a la Secretaría Técnica de la Conferencia Suramericana sobre Migraciones (CSM)",
                    "to the Technical Secretariat of the South American Conference on Migration (SACM)")),
            Map.entry("CA", List.of("a Canadá", "to Canada")),
            Map.entry("CR", List.of("a Costa Rica", "to Costa Rica")),
            Map.entry("SV", List.of("a El Salvador", "to El Salvador")),
            Map.entry("US", List.of("a Estados Unidos de América", "to the United States of America")),
            Map.entry("GT", List.of("a Guatemala", "to Guatemala")),
            Map.entry("HN", List.of("a Honduras", "to Honduras")),
            Map.entry("MX", List.of("a México", "to Mexico")),
            Map.entry("PA", List.of("a Panamá", "to Panama")),
            Map.entry("DO", List.of("a la República Dominicana", "to the Dominican Republic")),
            Map.entry("BZ", List.of("a Belice", "to Belize")),
            Map.entry("NI", List.of("a Nicaragua", "to Nicaragua")),
            Map.entry("BR", List.of("a Brasil", "to Brazil")),
            Map.entry("EC", List.of("a Ecuador", "to Ecuador")),
            Map.entry("CO", List.of("a Colombia", "to Colombia")));

    /**
     * What a name without its article, or with an article Spanish contracts, looks like after "a"/"to" (as whole
     * words: "La Secretaría Técnica" starts every Spanish request, "Estimado/a" its greeting).
     */
    private static final List<String> WRONG = List.of("a Organización", "a Oficina", "a Comité", "a Alto Comisionado",
            "a Secretaría", "a República", "a el ", "de el ", "al El Salvador", "del El Salvador",
            "to International", "to Pan American", "to United", "to Technical", "to Dominican");

    private static DriverManagerDataSource dataSource;
    private static Directory directory;

    private final MailComposer composer = new MailComposer();

    @BeforeAll
    static void directory() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:directory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        directory = TestDirectory.directory(JdbcClient.create(dataSource));
    }

    @AfterAll
    static void dropDatabase() {
        JdbcClient.create(dataSource).sql("shutdown").update();
    }

    @Test
    void everyPartyOfTheDirectoryHasItsExpectedSentence() {
        assertThat(directory.all()).as("parties of the directory, each with its sentence written out in this test")
                .extracting(Party::code).containsExactlyInAnyOrderElementsOf(ADDRESSED.keySet());
    }

    static Stream<Arguments> partiesAndLanguages() {
        return ADDRESSED.keySet().stream().sorted().flatMap(code -> Stream.of(Arguments.of(code, "es"),
                Arguments.of(code, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("partiesAndLanguages")
    void requestEmailAddressesThePartyWithItsArticle(String code, String language) {
        Party party = directory.get(code);
        boolean english = language.equals("en");
        String addressed = ADDRESSED.get(code).get(english ? 1 : 0);
        String sentence = english
                ? "The Technical Secretariat of the Regional Conference on Migration (RCM) addresses the following "
                + "request " + addressed + "."
                : "La Secretaría Técnica de la Conferencia Regional sobre Migración (CRM) se dirige " + addressed
                + " con la siguiente solicitud.";

        ComposedMail mail = composer.compose(MailKind.REQUEST, language, model(party, party, language));

        assertThat(mail.text()).as("plain text of the request to " + code + " in " + language).contains(sentence);
        assertThat(Jsoup.parse(mail.html()).text()).as("HTML of the request to " + code + " in " + language)
                .contains(sentence);
        for (String wrong : WRONG) {
            assertThat(mail.text() + "\n" + Jsoup.parse(mail.html()).text()).as("request to " + code + " in "
                    + language + " reads without '" + wrong + "'")
                    .doesNotContainPattern("(?<![\\p{L}/])" + Pattern.quote(wrong));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("partiesAndLanguages")
    void reminderNamesThePartyAsTheRequestDid(String code, String language) {
        Party party = directory.get(code);
        String addressed = ADDRESSED.get(code).get(language.equals("en") ? 1 : 0);

        ComposedMail mail = composer.compose(MailKind.REMINDER, language, model(party, party, language));

        assertThat(mail.text()).as("reminder to " + code + " in " + language)
                .contains((language.equals("en") ? "addressed " : "dirigida ") + addressed + ",");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "HN | es | La solicitud CRM-2026-0007 espera la decisión de Honduras como miembro de la Troika.",
            "SV | es | La solicitud CRM-2026-0007 espera la decisión de El Salvador como miembro de la Troika.",
            "MX | es | La solicitud CRM-2026-0007 espera la decisión de México como miembro de la Troika.",
            "DO | es | La solicitud CRM-2026-0007 espera la decisión de la República Dominicana como miembro",
            "US | en | Request CRM-2026-0007 awaits the decision of the United States of America as a member",
            "MX | en | Request CRM-2026-0007 awaits the decision of Mexico as a member of the Troika."})
    void approvalReminderNamesTheCountryAfterDe(String code, String language, String sentence) {
        Party country = directory.get(code);

        ComposedMail mail = composer.compose(MailKind.APPROVAL_REMINDER, language, model(country, country, language));

        assertThat(mail.text()).as("approval reminder to " + code + " in " + language).contains(sentence);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "ICRC | es | que el Comité Internacional de la Cruz Roja (CICR) no ha respondido",
            "ICRC | es | apoyo de la Troika ante el Comité Internacional de la Cruz Roja (CICR).",
            "PAHO | es | que la Organización Panamericana de la Salud (OPS) no ha respondido",
            "US | es | que Estados Unidos de América no ha respondido",
            "IOM | en | that the International Organization for Migration (IOM) has not answered",
            "US | en | The Troika's support with the United States of America would be appreciated."})
    void escalationNamesTheSilentPartyWithItsArticle(String about, String language, String sentence) {
        Party troikaCountry = directory.get("HN");

        ComposedMail mail = composer.compose(MailKind.ESCALATION, language,
                model(troikaCountry, directory.get(about), language));

        assertThat(mail.text()).as("escalation about " + about + " in " + language).contains(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "es, Responder en línea, o abra este enlace:",
            "en, Reply online, or open this link:"})
    void replyLinkIsAButtonWithAShortActionAndTheLinkInPlainText(String language, String action, String plain) {
        String link = "https://crm.example.org/reply/abc.def";
        Map<String, Object> model = model(directory.get("PAHO"), directory.get("PAHO"), language);
        model.put("replyLink", link);

        ComposedMail mail = composer.compose(MailKind.REQUEST, language, model);

        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("a#reply-button").text()).as("the button's text in " + language).isEqualTo(action);
        assertThat(html.select("a#reply-button").attr("href")).as("the button's link").isEqualTo(link);
        assertThat(html.select("#reply-link").text()).as("the link in plain text below the button")
                .isEqualTo(plain + " " + link);
        assertThat(mail.text()).as("the plain-text part in " + language).contains(action + ": " + link);
        assertThat(mail.text() + html.text()).as("no sentence ends in a colon before the link")
                .doesNotContain("personal link:").doesNotContain("enlace personal:");
    }

    @ParameterizedTest(name = "{1} text to a reader of {0}")
    @CsvSource({
            "en, es, This request is sent in Spanish.",
            "es, en, Esta solicitud se envía en inglés."})
    void aTextInTheOtherLanguageCarriesALineInTheReadersLanguage(String language, String textLanguage, String note) {
        Map<String, Object> model = model(directory.get("IOM"), directory.get("IOM"), language);
        model.put("textLanguage", textLanguage);

        ComposedMail mail = composer.compose(MailKind.REQUEST, language, model);

        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("#text-language").text()).as("the line above the text in the HTML").isEqualTo(note);
        assertThat(mail.text()).as("the line above the text in the plain-text part")
                .contains("\n\n" + note + "\n\n---");
        assertThat(html.select("[lang=" + textLanguage + "]").text()).as("the text marked with its language")
                .contains("Solicitamos información.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"es", "en"})
    void aTextInTheReadersLanguageHasNoSuchLine(String language) {
        Map<String, Object> model = model(directory.get("IOM"), directory.get("IOM"), language);
        model.put("textLanguage", language);

        ComposedMail mail = composer.compose(MailKind.REQUEST, language, model);

        assertThat(Jsoup.parse(mail.html()).select("#text-language")).as("the line in the HTML").isEmpty();
        assertThat(mail.text()).as("the plain-text part").doesNotContain("This request is sent in")
                .doesNotContain("Esta solicitud se envía en");
    }

    private static Map<String, Object> model(Party recipient, Party about, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "CRM-2026-0007");
        model.put("subject", "Ventanas de enfermedades");
        model.put("body", "Solicitamos información.");
        model.put("contactName", recipient.contactName());
        MailNames.put(model, recipient, about, language);
        model.put("replyDue", "28 de julio de 2026");
        model.put("secretariatName", "Secretaría Técnica");
        model.put("secretariatAddress", "secretaria@crm.example.org");
        return model;
    }
}
