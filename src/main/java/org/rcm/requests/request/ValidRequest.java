package org.rcm.requests.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request that passed {@link RequestValidator}: known recipients, a due date not in the past, defaults applied.
 * {@code subject} and {@code body} are its text in {@code language}; {@code otherTexts} the same request in the other
 * working language, when the Secretariat wrote it in both (empty otherwise). {@code topic}: a lower-case code, or null.
 */
public record ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue,
                           RequestKind kind, String language, List<RequestText> otherTexts, String topic) {

    /** A request without a topic. */
    public ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue, RequestKind kind,
                        String language, List<RequestText> otherTexts) {
        this(subject, body, recipients, replyDue, kind, language, otherTexts, null);
    }

    /** A request in one language. */
    public ValidRequest(String subject, String body, List<String> recipients, LocalDate replyDue, RequestKind kind,
                        String language) {
        this(subject, body, recipients, replyDue, kind, language, List.of(), null);
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
