package org.rcm.requests.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import of a meeting's conclusions: agreements, linked drafts in Tasklist, idempotence, and the demo meeting. */
public class MeetingImportIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<String> MEMBERS = List.of("CA", "CR", "DO", "GT", "HN", "MX", "PA", "SV", "US");

    @Autowired
    MeetingImporter importer;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeetingsProperties properties;

    /** A meeting file with a unique id: 1a asks for two requests (one past due, one future), 2b for none. */
    public static String meetingFile(String id, String extra) {
        LocalDate future = LocalDate.now().plusDays(60);
        return """
                meeting:
                  id: %s
                  name: Reunión de prueba %s
                  place: Ciudad de Panamá, Panamá
                  from: 2016-07-13
                  to: 2016-07-14
                agreements:
                  - number: 1a
                    text: Solicitar a la OIM y a la OPS la información indicada.
                    responsible: ST
                    due: 2016-07-28
                    requests:
                      - subject: Solicitud de información a la OIM %s
                        body: Solicitamos la información indicada.
                        recipients: [IOM]
                        kind: information
                      - subject: Solicitud de información a la OPS %s
                        body: Solicitamos la información indicada.
                        recipients: [PAHO, ICRC]
                        kind: support
                        due: %s
                  - number: 2b
                    text: Presentar de manera conjunta la situación en otros foros.
                    responsible: Países miembros
                %s""".formatted(id, id, id, id, future, extra);
    }

    public static String uniqueId() {
        return "test-import-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    private ImportReport importText(String yaml) {
        return importer.importFile(yaml.getBytes(StandardCharsets.UTF_8), "officer1");
    }

    @Test
    void importCreatesTheMeetingItsAgreementsAndOneLinkedDraftPerRequest() {
        String id = uniqueId();

        ImportReport report = importText(meetingFile(id, ""));

        assertThat(report.meetingAdded()).as("meeting added").isTrue();
        assertThat(report.agreementsAdded()).as("agreements added").containsExactly("1a", "2b");
        assertThat(report.requests()).as("drafts created").extracting(ImportReport.CreatedRequest::agreement,
                ImportReport.CreatedRequest::position).containsExactly(
                tuple("1a", 1), tuple("1a", 2));
        for (ImportReport.CreatedRequest created : report.requests()) {
            Map<String, Object> row = jdbc.sql("select meeting_id, agreement_number, agreement_position, state, "
                    + "subject from request where reference = ?").param(created.reference()).query().singleRow();
            assertThat(row).as("registry row of " + created.reference()).containsEntry("MEETING_ID", id)
                    .containsEntry("AGREEMENT_NUMBER", "1a").containsEntry("AGREEMENT_POSITION", created.position())
                    .containsEntry("STATE", "DRAFTING").containsEntry("SUBJECT", created.subject());
            List<Task> drafts = tasks.createTaskQuery().processInstanceBusinessKey(created.reference())
                    .taskDefinitionKey(Elements.DRAFT_REQUEST).list();
            assertThat(drafts).as("draft tasks of " + created.reference()).hasSize(1);
            assertThat(tasks.getVariable(drafts.get(0).getId(), Variables.SUBJECT)).as("subject prefilled")
                    .isEqualTo(created.subject());
        }
        assertThat(jdbc.sql("select party_code from request_recipient where reference = ? order by party_code")
                .param(report.requests().get(1).reference()).query(String.class).list())
                .as("recipients of the second request").containsExactly("ICRC", "PAHO");
        assertThat(jdbc.sql("select count(*) from agreement where meeting_id = ?").param(id).query(Integer.class)
                .single()).as("agreements stored").isEqualTo(2);
    }

    @Test
    void aPastDueDateGivesTheDraftAFreshOneWhileTheAgreementKeepsItsOwn() {
        String id = uniqueId();
        LocalDate fresh = LocalDate.now().plusDays(properties.replyDays());

        ImportReport report = importText(meetingFile(id, ""));

        assertThat(report.requests().get(0).replyDue()).as("draft due of the past-due request").isEqualTo(fresh);
        assertThat(report.requests().get(1).replyDue()).as("a future due date is kept")
                .isEqualTo(LocalDate.now().plusDays(60));
        assertThat(report.notes()).as("import notes")
                .contains("1a: fecha 2016-07-28 vencida; borrador con fecha " + fresh + " / date 2016-07-28 passed; "
                        + "draft due " + fresh);
        assertThat(jdbc.sql("select due_on from agreement where meeting_id = ? and number = '1a'").param(id)
                .query(LocalDate.class).single()).as("the agreement's own date").isEqualTo(LocalDate.of(2016, 7, 28));
    }

    @Test
    void importingTheSameFileTwiceCreatesNothingNew() {
        String id = uniqueId();
        String yaml = meetingFile(id, "");
        importText(yaml);
        int requestsBefore = count("select count(*) from request where meeting_id = ?", id);
        long draftsBefore = drafts(id);

        ImportReport again = importText(yaml);

        assertThat(again.nothingNew()).as("second import reports nothing new: " + again).isTrue();
        assertThat(again.notes()).as("notes of the second import").contains("1a: ya importado / already imported",
                "2b: ya importado / already imported");
        assertThat(count("select count(*) from request where meeting_id = ?", id)).as("requests after re-import")
                .isEqualTo(requestsBefore);
        assertThat(count("select count(*) from agreement where meeting_id = ?", id)).as("agreements after re-import")
                .isEqualTo(2);
        assertThat(drafts(id)).as("draft tasks of the meeting after re-import").isEqualTo(draftsBefore).isEqualTo(2);
    }

    @Test
    void aReimportedFileAddsOnlyItsNewAgreementsAndRequests() {
        String id = uniqueId();
        importText(meetingFile(id, ""));
        String grown = meetingFile(id, """
                  - number: 3b
                    text: Solicitar apoyo a la UNODC.
                    responsible: ST
                    requests:
                      - subject: Apoyo para la campaña %s
                        body: Solicitamos su apoyo.
                        recipients: [UNODC]
                """.formatted(id));

        ImportReport report = importText(grown);

        assertThat(report.meetingAdded()).as("meeting added again").isFalse();
        assertThat(report.agreementsAdded()).as("agreements added by the re-import").containsExactly("3b");
        assertThat(report.requests()).as("drafts created by the re-import").singleElement()
                .satisfies(created -> assertThat(created.agreement()).as("agreement of the new draft")
                        .isEqualTo("3b"));
        assertThat(count("select count(*) from request where meeting_id = ?", id)).as("requests of the meeting")
                .isEqualTo(3);
    }

    @Test
    void aFileWithErrorsImportsNothing() {
        String id = uniqueId();
        String broken = meetingFile(id, "").replace("recipients: [IOM]", "recipients: [IOM, XX]");

        MeetingFileException refused = catchThrowableOfType(MeetingFileException.class, () -> importText(broken));

        assertThat(refused).as("the file is refused").isNotNull();
        assertThat(refused.errors()).as("errors").anySatisfy(error -> assertThat(error)
                .contains("line 15: unknown directory code: XX"));
        assertThat(count("select count(*) from meeting where id = ?", id)).as("meeting stored").isZero();
    }

    @Test
    void aRequestInBothLanguagesIsDraftedWithBothAndOneOnlyInEnglishInEnglish() {
        String id = uniqueId();
        String yaml = """
                meeting:
                  id: %s
                  name: Reunión de prueba
                  place: Ciudad de Panamá, Panamá
                  from: 2016-07-13
                  to: 2016-07-14
                agreements:
                  - number: 2c
                    text: Solicitar a la OPS y al CICR información sobre las ventanas de enfermedades.
                    responsible: ST
                    requests:
                      - subject: Ventanas de enfermedades
                        body: Solicitamos la información indicada.
                        subjects: {en: Disease windows}
                        bodies: {en: We request the information indicated.}
                        recipients: [PAHO, ICRC]
                      - subjects: {en: Campaign support}
                        bodies: {en: We request support for the campaign.}
                        recipients: [UNODC]
                """.formatted(id);

        ImportReport report = importText(yaml);

        String bilingual = report.requests().get(0).reference();
        assertThat(texts(bilingual)).as("texts of the request in both languages").containsExactly(
                "es: Ventanas de enfermedades / Solicitamos la información indicada.",
                "en: Disease windows / We request the information indicated.");
        Task draft = tasks.createTaskQuery().processInstanceBusinessKey(bilingual)
                .taskDefinitionKey(Elements.DRAFT_REQUEST).singleResult();
        assertThat(tasks.getVariable(draft.getId(), Variables.SUBJECT_EN)).as("English subject in the draft form")
                .isEqualTo("Disease windows");
        String english = report.requests().get(1).reference();
        assertThat(texts(english)).as("texts of the request given only in English")
                .containsExactly("en: Campaign support / We request support for the campaign.");
        assertThat(report.requests().get(1).subject()).as("subject in the import report").isEqualTo(
                "Campaign support");
    }

    private List<String> texts(String reference) {
        return jdbc.sql("""
                select language, subject, body, 0 as position from request where reference = ?
                union all
                select language, subject, body, 1 as position from request_text where reference = ?
                order by position, language
                """).params(reference, reference).query((rs, row) -> rs.getString(1) + ": " + rs.getString(2) + " / "
                + rs.getString(3).strip()).list();
    }

    @Test
    void theDemoMeetingHoldsTheRequestsOfTheDesign() throws IOException {
        byte[] demo;
        try (InputStream in = getClass().getResourceAsStream("/demo/meetings/gah-panama-2016-07.yaml")) {
            assertThat(in).as("demo file on the classpath").isNotNull();
            demo = in.readAllBytes();
        }

        importer.importFile(demo, "demo");
        ImportReport again = importer.importFile(demo, "demo");

        assertThat(again.nothingNew()).as("demo import is idempotent: " + again).isTrue();
        assertThat(jdbc.sql("select number from agreement where meeting_id = 'gah-panama-2016-07' order by position")
                .query(String.class).list()).as("agreements of the demo meeting")
                .containsExactly("1a", "1b", "2a", "2b", "2c", "2d", "2e", "2f", "3a", "3b", "3c");
        assertThat(recipients("1a", 1)).as("1a focal points").isEqualTo(MEMBERS);
        assertThat(recipients("1a", 2)).as("1a statistics").isEqualTo(MEMBERS);
        assertThat(recipients("1b", 1)).as("1b matrix").containsExactly("IOM");
        assertThat(recipients("2a", 1)).as("2a joint Troika meeting").containsExactly("CSM");
        assertThat(recipients("2a", 2)).as("2a September invitation").containsExactly("BR", "CO", "EC");
        assertThat(recipients("2c", 1)).as("2c disease windows").containsExactly("ICRC", "PAHO");
        assertThat(jdbc.sql("select t.subject from request_text t join request r on r.reference = t.reference"
                + " where r.meeting_id = 'gah-panama-2016-07' and r.agreement_number = '2c' and t.language = 'en'")
                .query(String.class).single()).as("2c in English too, for the ICRC").startsWith("Information on the");
        assertThat(recipients("2d", 1)).as("2d training").containsExactly("UNHCR");
        assertThat(recipients("2f", 1)).as("2f consulates").isEqualTo(MEMBERS);
        assertThat(recipients("3b", 1)).as("3b campaign").containsExactly("UNODC");
        assertThat(count("select count(*) from request where meeting_id = ?", "gah-panama-2016-07"))
                .as("requests of the demo meeting").isEqualTo(9);
        assertThat(jdbc.sql("select kind from request where meeting_id = 'gah-panama-2016-07' and agreement_number"
                + " = '1a' and agreement_position = 1").query(String.class).single()).as("kind of 1a")
                .isEqualTo("focal_points");
        assertThat(jdbc.sql("select topic from request where meeting_id = 'gah-panama-2016-07' and agreement_number"
                + " = '1a' and agreement_position = 1").query(String.class).single()).as("topic of 1a")
                .isEqualTo("flujos-extrarregionales");
        assertThat(jdbc.sql("select kind from request where meeting_id = 'gah-panama-2016-07' and agreement_number"
                + " = '2f'").query(String.class).single()).as("kind of 2f").isEqualTo("consulates");
    }

    private List<String> recipients(String agreement, int position) {
        return jdbc.sql("""
                select rr.party_code from request_recipient rr join request r on r.reference = rr.reference
                where r.meeting_id = 'gah-panama-2016-07' and r.agreement_number = ? and r.agreement_position = ?
                order by rr.party_code
                """).params(agreement, position).query(String.class).list();
    }

    /** Draft tasks of the meeting's requests (other tests' processes run in the same engine). */
    private long drafts(String meetingId) {
        String[] references = jdbc.sql("select reference from request where meeting_id = ?").param(meetingId)
                .query(String.class).list().toArray(String[]::new);
        return tasks.createTaskQuery().taskDefinitionKey(Elements.DRAFT_REQUEST)
                .processInstanceBusinessKeyIn(references).count();
    }

    private int count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }
}
