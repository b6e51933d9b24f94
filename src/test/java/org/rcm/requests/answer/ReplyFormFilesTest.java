package org.rcm.requests.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rcm.requests.TestProcesses;
import org.rcm.requests.request.RequestKind;

/**
 * The reply forms of {@code processes/} as the reply page and the review read them: both languages, the checks the
 * page makes, and the review form showing the same fields (Task_ReviewReply completes only its own form's fields).
 */
class ReplyFormFilesTest {

    private static ReplyForm form(String id) throws Exception {
        return ReplyForm.parse(Files.readAllBytes(TestProcesses.FOLDER.resolve(id + ".form")));
    }

    @Test
    void theFocalPointFormAsksNamePositionInstitutionEmailPhoneLanguageAndTopicInBothLanguages() throws Exception {
        ReplyForm focal = form(RequestKind.FOCAL_POINTS.replyFormId());

        assertThat(focal.fields()).extracting(ReplyForm.Field::key).containsExactly(FocalPointFields.NAME,
                FocalPointFields.POSITION, FocalPointFields.INSTITUTION, FocalPointFields.EMAIL, FocalPointFields.PHONE,
                FocalPointFields.LANGUAGE, FocalPointFields.TOPIC);
        assertThat(focal.fields()).allSatisfy(field -> {
            assertThat(field.label("es")).as("%s in Spanish", field.key()).isNotBlank();
            assertThat(field.label("en")).as("%s in English", field.key()).isNotBlank().isNotEqualTo(field.label("es"));
        });
        assertThat(focal.fields()).filteredOn(ReplyForm.Field::email).extracting(ReplyForm.Field::key)
                .containsExactly(FocalPointFields.EMAIL);
        assertThat(focal.fields()).filteredOn(field -> "topic".equals(field.fromRequest()))
                .extracting(ReplyForm.Field::key).as("asked only when the request has no topic")
                .containsExactly(FocalPointFields.TOPIC);
    }

    @Test
    void theConsulatesFormIsATableOfCountryCityTypeAddressAndContact() throws Exception {
        ReplyForm consulates = form(RequestKind.CONSULATES.replyFormId());

        assertThat(consulates.tables()).singleElement().satisfies(table -> {
            assertThat(table.key()).isEqualTo("consulates");
            assertThat(table.columns()).extracting(ReplyForm.Field::key)
                    .containsExactly("country", "city", "type", "address", "contact");
            assertThat(table.columns().get(2).optionLabel("embassy", "en")).isEqualTo("Embassy");
            assertThat(table.columns().get(2).optionLabel("embassy", "es")).isEqualTo("Embajada");
        });
    }

    @Test
    void theReviewFormShowsEveryFieldOfEachReplyFormOfTheSameKindAndEachTableAsLines() throws Exception {
        ReplyForm review = form("Form_ReviewReply");
        Map<String, String> shown = fieldTypes(review);

        for (RequestKind kind : List.of(RequestKind.FOCAL_POINTS, RequestKind.CONSULATES)) {
            ReplyForm reply = form(kind.replyFormId());
            assertThat(shown).as("Form_ReviewReply shows the fields of %s", reply.id())
                    .containsAllEntriesOf(fieldTypes(reply));
            for (ReplyForm.Table table : reply.tables()) {
                assertThat(shown).as("the rows of %s, as lines", table.key()).containsEntry(table.key(), "textarea");
                ReplyForm.Field lines = review.fields().stream().filter(f -> f.key().equals(table.key())).findFirst()
                        .orElseThrow();
                String columns = table.columns().stream().map(column -> column.label("es")
                        .replaceFirst(" \\(.*", "")).collect(Collectors.joining(" | "));
                assertThat(lines.description("es")).as("the columns in their order").contains(columns);
                assertThat(lines.description("en")).contains(table.columns().stream()
                        .map(column -> column.label("en").replaceFirst(" \\(.*", ""))
                        .collect(Collectors.joining(" | ")));
            }
        }
    }

    @Test
    void aTablesRowsGoToTheReviewAsLinesAndComeBackAsRows() throws Exception {
        ReplyForm.Table table = form(RequestKind.CONSULATES.replyFormId()).tables().get(0);
        List<Map<String, String>> rows = List.of(
                Map.of("country", "México", "city", "Tapachula", "type", "consulate", "address", "Av. 5"),
                Map.of("country", "Perú", "city", "Lima", "type", "embassy", "address", "Jr. 1", "contact", "+51 1"));

        String lines = TableLines.format(table, rows);

        assertThat(lines).isEqualTo("México | Tapachula | Consulado | Av. 5\nPerú | Lima | Embajada | Jr. 1 | +51 1");
        assertThat(TableLines.parse(table, lines + "\n\nChile | Santiago | Consulate general | Av. 2", List.of()))
                .as("labels in either language, blank lines skipped").extracting(row -> row.get("type"))
                .containsExactly("consulate", "embassy", "consulate_general");

        List<Map<String, String>> many = java.util.Collections.nCopies(200, rows.get(1));
        String cut = TableLines.format(table, many);
        assertThat(cut.length()).as("fits a text variable").isLessThan(TableLines.MAX_TEXT);
        assertThat(cut).contains("[… filas ");
        assertThat(TableLines.parse(table, cut, many)).as("the marker keeps the rows not shown").hasSize(200);
    }

    @Test
    void aTypedAnswerIsCheckedForRequiredFieldsEmailsOptionsAndLengthsRowByRow() throws Exception {
        ReplyForm consulates = form(RequestKind.CONSULATES.replyFormId());
        Answer typed = new Answer(Map.of(), Map.of("consulates", List.of(
                Map.of("country", "México", "city", "Tapachula", "type", "consulate", "address", "Av. 5"),
                Map.of(),
                Map.of("country", "Guatemala", "type", "castle", "address", "x".repeat(301)))));

        List<AnswerCheck.Problem> problems = AnswerCheck.check(consulates, typed);

        assertThat(problems).extracting(AnswerCheck.Problem::path, AnswerCheck.Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("consulates.1.city", AnswerCheck.Code.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("consulates.1.type", AnswerCheck.Code.OPTION),
                org.assertj.core.groups.Tuple.tuple("consulates.1.address", AnswerCheck.Code.TOO_LONG));
        assertThat(problems.get(0).message("es")).as("the blank row is left out: Guatemala is row 2")
                .isEqualTo("Representaciones, fila 2: Ciudad: este campo es obligatorio.");
        assertThat(problems.get(0).bilingual()).contains("this field is required").contains("obligatorio");

        ReplyForm focal = form(RequestKind.FOCAL_POINTS.replyFormId());
        assertThat(AnswerCheck.check(focal, new Answer(Map.of("focalEmail", "ana@inm"), Map.of())))
                .extracting(AnswerCheck.Problem::path).contains("focalName", "focalEmail", "focalTopic");
        assertThat(AnswerCheck.check(focal, new Answer(Map.of("focalName", "Ana", "focalPosition", "Directora",
                "focalInstitution", "INM", "focalEmail", "ana.perez@inm.gob.mx", "focalLanguage", "es"), Map.of()),
                java.util.Set.of("focalTopic"))).as("a complete answer, its topic given by the request").isEmpty();
    }

    @Test
    void anAnswerKeepsItsFieldsAndRowsThroughItsStoredForm() {
        Answer answer = new Answer(Map.of("focalName", " Ana "), Map.of("consulates", List.of(Map.of("city", "Lima"))));

        Answer back = Answer.fromJson(answer.toJson());

        assertThat(back.field("focalName")).as("trimmed").isEqualTo("Ana");
        assertThat(back.rows("consulates")).containsExactly(Map.of("city", "Lima"));
    }

    private static Map<String, String> fieldTypes(ReplyForm form) {
        return form.fields().stream().collect(Collectors.toMap(ReplyForm.Field::key, ReplyForm.Field::type));
    }
}
