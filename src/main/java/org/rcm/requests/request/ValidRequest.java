package org.rcm.requests.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that passed {@link RequestValidator}: known recipients, a due date not in the past, defaults applied.
 * {@code subject} and {@code body} are its text in {@code language}; {@code otherTexts} the same request in the other
 * working language, when the Secretariat wrote it in both (empty otherwise). A due date given in working days keeps
 * their number ({@code replyDueWorkingDays}, else null) and each recipient's date counted in its own calendar
 * ({@code recipientDue}); {@code replyDue} is then the latest of them. {@code acknowledgement}: the request email asks
 * each recipient to confirm its receipt. {@code topic}: a lower-case code, or null.
 */
public record ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue,
                           RequestKind kind, String language, List<RequestText> otherTexts,
                           Integer replyDueWorkingDays, Map<String, LocalDate> recipientDue, boolean acknowledgement,
                           String topic) {

    public ValidRequest {
        recipientDue = recipientDue == null ? Map.of() : Map.copyOf(recipientDue);
    }

    /** A request due on one date for every recipient, without an acknowledgement of receipt or a topic. */
    public ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue, RequestKind kind,
                        String language, List<RequestText> otherTexts) {
        this(subject, body, recipients, replyDue, kind, language, otherTexts, null, Map.of(), false, null);
    }

    /** A request in one language. */
    public ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue, RequestKind kind,
                        String language) {
        this(subject, body, recipients, replyDue, kind, language, List.of());
    }

    /** The due date of one recipient: its own when counted in working days, else the request's. */
    public LocalDate replyDue(String recipient) {
        return recipientDue.getOrDefault(recipient, replyDue);
    }

    /** Every text of the request, its own language's first. */
    public List<RequestText> texts() {
        List<RequestText> texts = new ArrayList<>();
        texts.add(new RequestText(language, subject, body));
        texts.addAll(otherTexts);
        return texts;
    }

    /** The text in {@code lang}, if the request has one. */
    public Optional<RequestText> text(String lang) {
        return texts().stream().filter(text -> text.language().equals(lang)).findFirst();
    }
}
