package org.rcm.requests.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** What a completion may carry, against the real forms of {@code processes/}. */
class SubmissionCheckTest {

    private static final Function<String, Object> NOTHING_SHOWN = name -> null;

    @Test
    void theApprovalFormTakesTheDecisionAndTheCommentOnly() throws IOException {
        Map<String, FormField> approval = form("Form_ApproveRequest");

        SubmissionCheck.Checked checked = SubmissionCheck.check("Form_ApproveRequest", approval,
                Map.of("decision", "changes", "comment", "Cite the 2024 declaration"), NOTHING_SHOWN);

        assertThat(checked.variables()).as("an approval's own fields go on to the engine")
                .containsOnlyKeys("decision", "comment");
        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", approval,
                Map.of("decision", "approve", "recipientList", List.of("UNODC")), NOTHING_SHOWN))
                .as("a variable the approval form does not declare")
                .isInstanceOf(SubmissionRefused.class)
                .hasMessageStartingWith("recipientList: ")
                .hasMessageContaining("Form_ApproveRequest has no such field (decision, comment)");
    }

    @Test
    void aDisplayFieldComesBackUnchangedAndIsNotWrittenBack() throws IOException {
        Map<String, Object> shown = Map.of("subject", "Datos de retorno", "troikaCountry", "HN");

        SubmissionCheck.Checked checked = SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("decision", "approve", "subject", "Datos de retorno", "troikaCountry", "HN"), shown::get);

        assertThat(checked.variables()).as("the disabled subject and country fields only show values")
                .containsOnlyKeys("decision");
        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("decision", "approve", "troikaCountry", "MX"), shown::get))
                .as("a display field sent back changed").hasMessageStartingWith("troikaCountry: ")
                .hasMessageContaining("cannot be changed");
    }

    @Test
    void aValueTheFieldDoesNotOfferIsRefused() throws IOException {
        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("decision", "maybe"), NOTHING_SHOWN))
                .as("a decision outside the radio's values")
                .hasMessage("decision: elija approve, changes, reject / choose approve, changes, reject (was 'maybe')");
    }

    @Test
    void objectsAndFilesAreRefusedWhateverTheirType() throws IOException {
        TypedValue foreignObject = Variables.serializedObjectValue("{\"host\":\"example.org\"}")
                .objectTypeName("java.net.URL").serializationDataFormat("application/json").create();
        TypedValue file = Variables.fileValue("a.txt").file(new byte[] {1}).create();

        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("comment", foreignObject), NOTHING_SHOWN))
                .as("an object value naming a foreign type").hasMessageStartingWith("comment: ")
                .hasMessageContaining("(was object)");
        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("comment", file), NOTHING_SHOWN))
                .as("a file value").hasMessageContaining("(was file)");
        assertThatThrownBy(() -> SubmissionCheck.check("Form_ApproveRequest", form("Form_ApproveRequest"),
                Map.of("comment", new java.net.URL("http://example.org")), NOTHING_SHOWN))
                .as("a Java object from the API").hasMessageContaining("(was java.net.URL)");
    }

    @Test
    void aTextLongerThanTheEngineHoldsGoesOnTransient() throws IOException {
        String body = "x".repeat(100_000);

        SubmissionCheck.Checked checked = SubmissionCheck.check("Form_DraftRequest", form("Form_DraftRequest"),
                Map.of("body", body, "subject", "Short"), NOTHING_SHOWN);

        TypedValue whole = (TypedValue) checked.variables().get("bodyWhole");
        assertThat(whole.isTransient()).as("the whole body travels transient").isTrue();
        assertThat(whole.getValue()).as("the whole body").isEqualTo(body);
        assertThat(Variables.fromMap(checked.variables()).getValue("body", String.class))
                .as("what the engine's body variable keeps")
                .hasSizeLessThan(SubmissionCheck.ENGINE_TEXT_LIMIT).startsWith(body.substring(0, 3_000));
        assertThat(Variables.fromMap(checked.variables()).getValue("subject", String.class))
                .as("a short text goes on as it came").isEqualTo("Short");
    }

    @Test
    void aTextOverTheFieldsMaximumIsRefused() throws IOException {
        assertThatThrownBy(() -> SubmissionCheck.check("Form_DraftRequest", form("Form_DraftRequest"),
                Map.of("subject", "s".repeat(501)), NOTHING_SHOWN))
                .as("a subject over the form's 500").hasMessageStartingWith("subject: ")
                .hasMessageContaining("limited to 500 characters");
    }

    @Test
    void aTaskWithoutFormTakesNoVariables() {
        assertThatThrownBy(() -> SubmissionCheck.check("(no form)", Map.of(), Map.of("anything", "x"),
                NOTHING_SHOWN)).as("a variable for a task without form").hasMessageStartingWith("anything: ");
        assertThat(SubmissionCheck.check("(no form)", Map.of(), Map.of(), NOTHING_SHOWN).variables())
                .as("nothing submitted").isEmpty();
    }

    private static Map<String, FormField> form(String name) throws IOException {
        try (InputStream json = Files.newInputStream(Path.of("processes", name + ".form"))) {
            return FormFields.read(json);
        }
    }
}
