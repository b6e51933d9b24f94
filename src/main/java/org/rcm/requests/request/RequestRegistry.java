package org.rcm.requests.request;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** The request and request_recipient tables, and the yearly reference counter. */
@Repository
public class RequestRegistry {

    private static final String SELECT = """
            select reference, subject, kind, language, state, outcome, reply_due, process_instance_id, created_by,
                   created_at, closed_at, reply_due_working_days, acknowledgement
            from request
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactCheck contactCheck;

    RequestRegistry(JdbcClient jdbc, Clock clock, ContactCheck contactCheck) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contactCheck = contactCheck;
    }

    /** The next reference of the current year, {@code CRM-2026-0007}; the counter row is locked until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextReference() {
        int year = LocalDate.now(clock).getYear();
        String bump = "update request_reference_counter set last_value = last_value + 1 where ref_year = ?";
        if (jdbc.sql(bump).param(year).update() == 0) {
            // the first reference of a year, possibly on two nodes at once: on PostgreSQL a failed insert aborts the
            // whole transaction, so it runs under a savepoint and only the insert is undone when another node won
            TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
            Object savepoint = transaction.createSavepoint();
            try {
                jdbc.sql("insert into request_reference_counter (ref_year, last_value) values (?, 1)").param(year)
                        .update();
                transaction.releaseSavepoint(savepoint);
            } catch (DuplicateKeyException raced) {
                transaction.rollbackToSavepoint(savepoint);
                jdbc.sql(bump).param(year).update();
            }
        }
        int value = jdbc.sql("select last_value from request_reference_counter where ref_year = ?").param(year)
                .query(Integer.class).single();
        return "CRM-%d-%04d".formatted(year, value);
    }

    public void insert(String reference, ValidRequest request, String createdBy) {
        jdbc.sql("""
                insert into request (reference, subject, body, kind, language, reply_due, reply_due_working_days, state,
                                     created_by, created_at, acknowledgement, topic)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(reference, request.subject(), request.body(), request.kind().code(), request.language(),
                Date.valueOf(request.replyDue()), request.replyDueWorkingDays(), RequestState.DRAFTING.name(),
                createdBy, now(), request.acknowledgement(), request.topic()).update();
        insertOtherTexts(reference, request);
        insertRecipients(reference, request);
    }

    /**
     * Takes the drafted text, due date and recipients; recipients not yet contacted are replaced. The draft goes to
     * the Troika afresh: a new approval round opens.
     */
    public void updateDraft(String reference, ValidRequest request) {
        jdbc.sql("update request set subject = ?, body = ?, kind = ?, language = ?, reply_due = ?, "
                        + "reply_due_working_days = ?, acknowledgement = ?, topic = ?, "
                        + "approval_round = approval_round + 1 where reference = ?")
                .params(request.subject(), request.body(), request.kind().code(), request.language(),
                        Date.valueOf(request.replyDue()), request.replyDueWorkingDays(), request.acknowledgement(),
                        request.topic(), reference).update();
        jdbc.sql("delete from request_text where reference = ?").param(reference).update();
        insertOtherTexts(reference, request);
        jdbc.sql("delete from request_recipient where reference = ?").param(reference).update();
        insertRecipients(reference, request);
    }

    private void insertOtherTexts(String reference, ValidRequest request) {
        for (RequestText text : request.otherTexts()) {
            jdbc.sql("insert into request_text (reference, language, subject, body) values (?, ?, ?, ?)")
                    .params(reference, text.language(), text.subject(), text.body()).update();
        }
    }

    private void insertRecipients(String reference, ValidRequest request) {
        for (String code : request.recipients()) {
            jdbc.sql("insert into request_recipient (reference, party_code, state, reply_due) values (?, ?, ?, ?)")
                    .params(reference, code, RecipientState.PENDING.name(), Date.valueOf(request.replyDue(code)))
                    .update();
        }
    }

    public void attachProcess(String reference, String processInstanceId) {
        jdbc.sql("update request set process_instance_id = ? where reference = ?")
                .params(processInstanceId, reference).update();
    }

    /** Links a request to the meeting agreement it was made for; the triple is unique (the import's idempotence). */
    public void linkAgreement(String reference, String meetingId, String agreementNumber, int position) {
        jdbc.sql("update request set meeting_id = ?, agreement_number = ?, agreement_position = ? where reference = ?")
                .params(meetingId, agreementNumber, position, reference).update();
    }

    public String findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select reference from request where process_instance_id = ?").param(processInstanceId)
                .query(String.class).optional().orElse(null);
    }

    public boolean exists(String reference) {
        return jdbc.sql("select count(*) from request where reference = ?").param(reference)
                .query(Integer.class).single() > 0;
    }

    public void setState(String reference, RequestState state) {
        jdbc.sql("update request set state = ? where reference = ?").params(state.name(), reference).update();
    }

    public void close(String reference, RequestState state, RequestOutcome outcome) {
        jdbc.sql("update request set state = ?, outcome = ?, closed_at = ? where reference = ?")
                .params(state.name(), outcome.name(), now(), reference).update();
    }

    /** Moves a recipient to {@code state}, stamping the time the state stands for. */
    public void setRecipientState(String reference, String code, RecipientState state) {
        String stamp = switch (state) {
            case ANSWERED -> ", answered_at = ?";
            case CLOSED_UNANSWERED, UNDELIVERABLE -> ", closed_at = ?";
            default -> "";
        };
        var statement = jdbc.sql("update request_recipient set state = ?" + stamp
                        + " where reference = ? and party_code = ?").param(state.name());
        if (!stamp.isEmpty()) {
            statement = statement.param(now());
        }
        statement.param(reference).param(code).update();
    }

    public void markSent(String reference, String code) {
        jdbc.sql("update request_recipient set sent_at = coalesce(sent_at, ?), state = ? "
                        + "where reference = ? and party_code = ?")
                .params(now(), RecipientState.AWAITING_REPLY.name(), reference, code).update();
    }

    /**
     * Stamps a recipient's first acknowledgement of receipt; a later one changes nothing. It is no reply: the
     * recipient's state stays as it is.
     *
     * @return whether this was the first
     */
    public boolean acknowledge(String reference, String code, Receipt via) {
        return jdbc.sql("update request_recipient set acknowledged_at = ?, acknowledged_via = ? "
                        + "where reference = ? and party_code = ? and acknowledged_at is null")
                .params(now(), via.name(), reference, code).update() == 1;
    }

    public void setRecipientDue(String reference, String code, LocalDate due) {
        jdbc.sql("update request_recipient set reply_due = ? where reference = ? and party_code = ?")
                .params(Date.valueOf(due), reference, code).update();
    }

    /** The request's own due date (for a due date in working days, the latest of its recipients'). */
    public void setReplyDue(String reference, LocalDate due) {
        jdbc.sql("update request set reply_due = ? where reference = ?").params(Date.valueOf(due), reference).update();
    }

    /** The working days a request's recipients have to reply, when its due date was given so. */
    public Optional<Integer> replyDueWorkingDays(String reference) {
        return jdbc.sql("select reply_due_working_days from request where reference = ?").param(reference)
                .query((rs, row) -> (Integer) rs.getObject(1, Integer.class)).optional()
                .flatMap(Optional::ofNullable);
    }

    /** One recipient's due date; empty when it is no recipient of the request. */
    public Optional<LocalDate> recipientDue(String reference, String code) {
        return jdbc.sql("select reply_due from request_recipient where reference = ? and party_code = ?")
                .params(reference, code).query((rs, row) -> rs.getDate(1).toLocalDate()).optional();
    }

    /**
     * The request as the record has it, for the application's own work (sending, matching, forms): its recipients
     * without the "check the contact" of {@link #details}, which costs two reads of the correspondence each.
     */
    public Optional<RequestDetails> find(String reference) {
        return jdbc.sql(SELECT + " where reference = ?").param(reference).query(this::map).optional()
                .map(details -> details.withRecipients(recipients(reference, false)));
    }

    /** The request as its readers see it (the API, the reply link): each recipient with its contact check. */
    public Optional<RequestDetails> details(String reference) {
        return jdbc.sql(SELECT + " where reference = ?").param(reference).query(this::map).optional()
                .map(details -> details.withRecipients(recipients(reference)));
    }

    public void addAttachment(String reference, Attachment attachment) {
        jdbc.sql("insert into request_attachment (reference, filename, content_type, content) values (?, ?, ?, ?)")
                .params(reference, attachment.filename(), attachment.contentType(), attachment.content()).update();
    }

    public List<Attachment> attachments(String reference) {
        return jdbc.sql("select filename, content_type, content from request_attachment where reference = ? order by id")
                .param(reference).query((rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /** The request as registered: the record the process and the mail read. */
    public Optional<ValidRequest> request(String reference) {
        return request(reference, "");
    }

    /** A request registered by the API or an import whose process has not started yet. */
    public Optional<ValidRequest> awaitingStart(String reference) {
        return request(reference, " and process_instance_id is null");
    }

    private Optional<ValidRequest> request(String reference, String condition) {
        return jdbc.sql("select subject, body, kind, language, reply_due, reply_due_working_days, acknowledgement, "
                        + "topic from request where reference = ?" + condition)
                .param(reference).query((rs, row) -> {
                    Integer workingDays = rs.getObject(6, Integer.class);
                    Map<String, LocalDate> recipientDue = new LinkedHashMap<>();
                    if (workingDays != null) {
                        recipients(reference).forEach(recipient -> recipientDue.put(recipient.code(),
                                recipient.replyDue()));
                    }
                    return new ValidRequest(rs.getString(1), rs.getString(2), recipientCodes(reference),
                            rs.getDate(5).toLocalDate(), RequestKind.parse(rs.getString(3)).orElseThrow(),
                            rs.getString(4), otherTexts(reference), workingDays, recipientDue, rs.getBoolean(7),
                            rs.getString(8));
                })
                .optional();
    }

    /** The request's topic, if it has one. */
    public Optional<String> topic(String reference) {
        return jdbc.sql("select topic from request where reference = ?").param(reference).query(String.class)
                .optional();
    }

    /** Every text of a request, its own language's first; empty when there is no such request. */
    public List<RequestText> texts(String reference) {
        List<RequestText> texts = new ArrayList<>(jdbc.sql("select language, subject, body from request "
                        + "where reference = ?").param(reference)
                .query((rs, row) -> new RequestText(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        if (!texts.isEmpty()) {
            texts.addAll(otherTexts(reference));
        }
        return texts;
    }

    private List<RequestText> otherTexts(String reference) {
        return jdbc.sql("select language, subject, body from request_text where reference = ? order by language")
                .param(reference).query((rs, row) -> new RequestText(rs.getString(1), rs.getString(2),
                        rs.getString(3))).list();
    }

    /** The codes of a request's recipients. */
    public List<String> recipientCodes(String reference) {
        return jdbc.sql("select party_code from request_recipient where reference = ? order by party_code")
                .param(reference).query(String.class).list();
    }

    public Optional<String> body(String reference) {
        return jdbc.sql("select body from request where reference = ?").param(reference).query(String.class)
                .optional();
    }

    /** Requests, newest first, filtered by state, by a recipient, and by whether any recipient is overdue. */
    public List<RequestDetails> list(RequestState state, String recipient, boolean overdueOnly, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            where.append(" and state = ?");
            params.add(state.name());
        }
        if (recipient != null) {
            where.append(" and reference in (select reference from request_recipient where party_code = ?)");
            params.add(recipient);
        }
        if (overdueOnly) {
            where.append(" and reference in (select reference from request_recipient where reply_due < ?"
                    + " and state in ('AWAITING_REPLY', 'OVERDUE'))");
            params.add(Date.valueOf(LocalDate.now(clock)));
        }
        params.add(limit);
        List<RequestDetails> requests = jdbc.sql(SELECT + where + " order by created_at desc, reference desc"
                        + " fetch first ? rows only").params(params).query(this::map).list();
        return withRecipients(requests);
    }

    /**
     * With each recipient whether its contact needs a check ({@link ContactCheck}): from the last time its request
     * email went out, and whether a person's answer of it ever came in (the inbox's classification
     * {@code HUMAN_REPLY}).
     */
    public List<RequestDetails.Recipient> recipients(String reference) {
        return recipients(reference, true);
    }

    private List<RequestDetails.Recipient> recipients(String reference, boolean contactChecks) {
        String checks = !contactChecks ? "" : """
                ,
                       (select max(c.sent_at) from correspondence c where c.reference = r.reference
                          and c.party_code = r.party_code and c.kind = 'REQUEST' and c.direction = 'OUT')
                         as request_sent,
                       (select count(*) from correspondence c where c.reference = r.reference
                          and c.party_code = r.party_code and c.direction = 'IN'
                          and c.classification = 'HUMAN_REPLY') as answers""";
        return jdbc.sql("select r.party_code, r.state, r.reply_due, r.sent_at, r.answered_at, r.closed_at, "
                        + "r.acknowledged_at, r.acknowledged_via" + checks
                        + " from request_recipient r where r.reference = ? order by r.party_code")
                .param(reference).query((rs, row) -> {
                    RecipientState state = RecipientState.valueOf(rs.getString(2));
                    Instant sent = instant(rs, 4);
                    Instant acknowledged = instant(rs, 7);
                    Instant requestSent = contactChecks ? instant(rs, 9) : null;
                    return new RequestDetails.Recipient(rs.getString(1), state, rs.getDate(3).toLocalDate(), sent,
                            instant(rs, 5), instant(rs, 6), acknowledged,
                            rs.getString(8) == null ? null : Receipt.valueOf(rs.getString(8)),
                            contactChecks && contactCheck.due(state, requestSent != null ? requestSent : sent,
                                    acknowledged, rs.getInt(10) > 0, rs.getString(1)));
                }).list();
    }

    private List<RequestDetails> withRecipients(List<RequestDetails> requests) {
        return requests.stream().map(request -> request.withRecipients(recipients(request.reference()))).toList();
    }

    private RequestDetails map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new RequestDetails(rs.getString("reference"), rs.getString("subject"), rs.getString("kind"),
                rs.getString("language"), RequestState.valueOf(rs.getString("state")),
                outcome == null ? null : RequestOutcome.valueOf(outcome), rs.getDate("reply_due").toLocalDate(),
                rs.getString("process_instance_id"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "closed_at"), List.of(), List.of(), rs.getObject("reply_due_working_days", Integer.class),
                rs.getBoolean("acknowledgement"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
