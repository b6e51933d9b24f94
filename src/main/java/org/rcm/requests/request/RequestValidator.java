package org.rcm.requests.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rcm.requests.directory.Directory;
import org.springframework.stereotype.Component;

/** Checks a submitted request field by field; messages are bilingual, as the officers' forms are. */
@Component
public class RequestValidator {

    static final int MAX_SUBJECT = 500;
    /** The registry's column holds a million; a request text of a few hundred pages is still a text. */
    public static final int MAX_BODY = 500_000;

    private final Directory directory;
    private final Clock clock;

    RequestValidator(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The request, cleaned and with defaults; or a {@link RequestValidationException} naming every bad field. */
    public ValidRequest validate(NewRequest input) {
        Map<String, String> errors = new LinkedHashMap<>();
        String subject = trim(input.subject());
        if (subject.isEmpty()) {
            errors.put("subject", "El asunto es obligatorio / Subject is required");
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            errors.put("subject", "El asunto debe ser una sola línea / Subject must be a single line");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.put("subject", "El asunto admite hasta " + MAX_SUBJECT + " caracteres / Subject is limited to "
                    + MAX_SUBJECT + " characters");
        }
        String body = trim(input.body());
        if (body.isEmpty()) {
            errors.put("body", "El texto de la solicitud es obligatorio / Body is required");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "El texto admite hasta " + MAX_BODY + " caracteres; adjunte los documentos más largos / "
                    + "Body is limited to " + MAX_BODY + " characters; attach longer documents");
        }
        List<String> recipients = RecipientCodes.parse(input.recipients());
        if (recipients.isEmpty()) {
            errors.put("recipients", "Indique al menos un destinatario / At least one recipient is required");
        } else {
            List<String> unknown = directory.unknown(recipients);
            if (!unknown.isEmpty()) {
                errors.put("recipients", "Código desconocido en el directorio / Unknown directory code: "
                        + String.join(", ", unknown));
            }
        }
        LocalDate replyDue = parseDue(trim(input.replyDue()), errors);
        RequestKind kind = RequestKind.INFORMATION;
        if (!trim(input.kind()).isEmpty()) {
            kind = RequestKind.parse(trim(input.kind())).orElse(null);
            if (kind == null) {
                errors.put("kind", "Tipo desconocido / Unknown kind '" + input.kind() + "' (information, support, "
                        + "invitation, data_collection, administrative_reminder)");
            }
        }
        String language = trim(input.language()).isEmpty() ? "es" : trim(input.language()).toLowerCase();
        if (!language.equals("es") && !language.equals("en")) {
            errors.put("language", "Idioma no admitido / Unsupported language '" + input.language() + "' (es, en)");
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new ValidRequest(subject, body, recipients, replyDue, kind, language);
    }

    private LocalDate parseDue(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put("replyDue", "La fecha límite de respuesta es obligatoria / Reply due date is required");
            return null;
        }
        try {
            LocalDate due = RequestDates.parse(text);
            if (due.isBefore(LocalDate.now(clock))) {
                errors.put("replyDue", "La fecha límite no puede estar en el pasado / Reply due date is in the past: "
                        + due);
            }
            return due;
        } catch (DateTimeParseException e) {
            errors.put("replyDue", "Fecha no válida, use AAAA-MM-DD / Invalid date, use YYYY-MM-DD: " + text);
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
