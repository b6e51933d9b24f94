package org.rcm.requests.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MailComposerTest {

    private final MailComposer composer = new MailComposer();

    @ParameterizedTest
    @CsvSource({
            "es, Estimado/a Punto focal, Atentamente",
            "en, Dear Punto focal, Yours sincerely"})
    void requestIsWrittenInTheRecipientsLanguage(String language, String greeting, String signature) {
        ComposedMail mail = composer.compose(MailKind.REQUEST, language, model());

        assertThat(mail.subject()).as("subject").isEqualTo("[CRM-2026-0007] Ventanas de enfermedades");
        assertThat(mail.text()).as("plain text in " + language).contains(greeting).contains(signature)
                .contains("Solicitamos información <urgente>").contains("[CRM-2026-0007]");
        assertThat(mail.html()).as("HTML in " + language).contains(greeting).contains("lang=\"" + language + "\"");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyKindHasEveryTextInBothLanguages(MailKind kind) {
        for (String language : new String[] {"es", "en"}) {
            ComposedMail mail = composer.compose(kind, language, model());

            assertThat(mail.text() + mail.html()).as(kind + " in " + language + " has no missing text").doesNotContain("??");
            assertThat(mail.subject()).as(kind + " subject in " + language).startsWith("[CRM-2026-0007] ");
        }
    }

    @ParameterizedTest
    @CsvSource({"REMINDER, es, Recordatorio:", "REMINDER, en, Reminder:", "CLARIFICATION, en, Clarification:",
            "ESCALATION, es, Sin respuesta:"})
    void followUpMessagesSayWhatTheyAreInTheSubject(MailKind kind, String language, String prefix) {
        assertThat(composer.compose(kind, language, model()).subject()).as("subject of " + kind)
                .isEqualTo("[CRM-2026-0007] " + prefix + " Ventanas de enfermedades");
    }

    @org.junit.jupiter.api.Test
    void requestTextIsEscapedInTheHtmlPart() {
        ComposedMail mail = composer.compose(MailKind.REQUEST, "es", model());

        assertThat(mail.html()).as("HTML part").contains("Solicitamos información &lt;urgente&gt;")
                .doesNotContain("<urgente>");
    }

    @org.junit.jupiter.api.Test
    void clarificationCarriesTheQuestion() {
        Map<String, Object> model = model();
        model.put("clarification", "¿Incluye los datos de 2015?");

        assertThat(composer.compose(MailKind.CLARIFICATION, "es", model).text()).as("clarification text")
                .contains("¿Incluye los datos de 2015?");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "CRM-2026-0007");
        model.put("subject", "Ventanas de enfermedades");
        model.put("body", "Solicitamos información <urgente>.");
        model.put("recipientName", "la OPS");
        model.put("recipientTo", "a la OPS");
        model.put("recipientOf", "de la OPS");
        model.put("contactName", "Punto focal");
        model.put("aboutName", "la OIM");
        model.put("replyDue", "28 de julio de 2016");
        model.put("secretariatName", "Secretaría Técnica");
        model.put("secretariatAddress", "secretaria@crm.example.org");
        return model;
    }
}
