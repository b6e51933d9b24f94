package org.rcm.requests.request;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rcm.requests.calendar.Holidays;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a submitted request field by field; messages are bilingual, as the officers' forms are. A request has its text
 * in its own language and may have it in the other working language too: each text needs both subject and body. The
 * due date is a date, or a number of working days counted from today in each recipient's calendar.
 */
@Component
public class RequestValidator {

    static final int MAX_SUBJECT = 500;
    /** The registry's column holds a million; a request text of a few hundred pages is still a text. */
    public static final int MAX_BODY = 500_000;
    /** About a year of working days. */
    public static final int MAX_WORKING_DAYS = 260;

    private final Directory directory;
    private final Clock clock;
    private final WorkingDays workingDays;

    @Autowired
    RequestValidator(Directory directory, Clock clock, WorkingDays workingDays) {
        this.directory = directory;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /** Working days without holidays (weekends only), in each recipient's calendar of the directory. */
    RequestValidator(Directory directory, Clock clock) {
        this(directory, clock, new WorkingDays(Holidays.none(), directory::calendarOf));
    }

    /** The request, cleaned and with defaults; or a {@link RequestValidationException} naming every bad field. */
    public ValidRequest validate(NewRequest input) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> subjects = byLanguage(input.subjects(), "subjects", errors);
        Map<String, String> bodies = byLanguage(input.bodies(), "bodies", errors);
        String language = language(input, subjects, bodies, errors);
        String subject = inLanguage(trim(input.subject()), subjects, "subject", language, errors);
        String body = inLanguage(trim(input.body()), bodies, "body", language, errors);
        checkSubject("subject", subject, Label.OWN, errors);
        checkBody("body", body, Label.OWN, errors);
        List<RequestText> otherTexts = new ArrayList<>();
        for (String other : RequestText.LANGUAGES) {
            String otherSubject = trim(subjects.get(other));
            String otherBody = trim(bodies.get(other));
            if (other.equals(language) || otherSubject.isEmpty() && otherBody.isEmpty()) {
                continue;
            }
            Label label = Label.in(other);
            checkSubject("subjects." + other, otherSubject, label, errors);
            checkBody("bodies." + other, otherBody, label, errors);
            otherTexts.add(new RequestText(other, otherSubject, otherBody));
        }
        List<String> recipients = RecipientCodes.parse(input.recipients());
        boolean knownRecipients = false;
        if (recipients.isEmpty()) {
            errors.put("recipients", "Indique al menos un destinatario / At least one recipient is required");
        } else {
            List<String> unknown = directory.unknown(recipients);
            if (!unknown.isEmpty()) {
                errors.put("recipients", "Código desconocido en el directorio / Unknown directory code: "
                        + String.join(", ", unknown));
            }
            knownRecipients = unknown.isEmpty();
        }
        String dueText = trim(input.replyDue());
        String workingDaysText = trim(input.replyDueWorkingDays());
        LocalDate replyDue = null;
        Integer replyDueWorkingDays = null;
        Map<String, LocalDate> recipientDue = Map.of();
        if (!dueText.isEmpty() && !workingDaysText.isEmpty()) {
            errors.put("replyDueWorkingDays", "Indique la fecha límite (replyDue) o los días hábiles "
                    + "(replyDueWorkingDays), no ambos / Give either the reply due date (replyDue) or the working "
                    + "days to reply (replyDueWorkingDays), not both");
        } else if (!workingDaysText.isEmpty()) {
            replyDueWorkingDays = parseWorkingDays(workingDaysText, errors);
            if (replyDueWorkingDays != null && knownRecipients) {
                recipientDue = workingDays.plusWorkingDays(LocalDate.now(clock), replyDueWorkingDays, recipients);
                replyDue = recipientDue.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            }
        } else {
            replyDue = parseDue(dueText, errors);
        }
        RequestKind kind = RequestKind.INFORMATION;
        if (!trim(input.kind()).isEmpty()) {
            kind = RequestKind.parse(trim(input.kind())).orElse(null);
            if (kind == null) {
                errors.put("kind", "Tipo desconocido / Unknown kind '" + input.kind() + "' (information, support, "
                        + "invitation, data_collection, administrative_reminder, focal_points, consulates)");
            }
        }
        String topic = RequestTopics.normalize(input.topic());
        if (topic != null && !RequestTopics.valid(topic)) {
            errors.put("topic", RequestTopics.problem(topic));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new ValidRequest(subject, body, recipients, replyDue, kind, language, List.copyOf(otherTexts),
                replyDueWorkingDays, recipientDue, Boolean.TRUE.equals(input.acknowledgement()), topic);
    }

    /** How the messages name a text: the request's own, or the one in a given language. */
    private record Label(String es, String en) {
        static final Label OWN = new Label("", "");

        static Label in(String language) {
            return language.equals("en") ? new Label(" en inglés", "English ") : new Label(" en español", "Spanish ");
        }
    }

    private static void checkSubject(String field, String subject, Label label, Map<String, String> errors) {
        if (subject.isEmpty()) {
            errors.put(field, "El asunto" + label.es() + " es obligatorio / " + capital(label.en() + "subject")
                    + " is required");
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            errors.put(field, "El asunto" + label.es() + " debe ser una sola línea / " + capital(label.en()
                    + "subject") + " must be a single line");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.put(field, "El asunto" + label.es() + " admite hasta " + MAX_SUBJECT + " caracteres / "
                    + capital(label.en() + "subject") + " is limited to " + MAX_SUBJECT + " characters");
        }
    }

    private static void checkBody(String field, String body, Label label, Map<String, String> errors) {
        if (body.isEmpty()) {
            errors.put(field, "El texto de la solicitud" + label.es() + " es obligatorio / " + capital(label.en()
                    + "body") + " is required");
        } else if (body.length() > MAX_BODY) {
            errors.put(field, "El texto" + label.es() + " admite hasta " + MAX_BODY + " caracteres; adjunte los "
                    + "documentos más largos / " + capital(label.en() + "body") + " is limited to " + MAX_BODY
                    + " characters; attach longer documents");
        }
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The texts of {@code subjects} or {@code bodies}, by language, trimmed; a language other than the working
     * languages is an error.
     */
    private static Map<String, String> byLanguage(Map<String, String> texts, String field,
                                                  Map<String, String> errors) {
        Map<String, String> byLanguage = new HashMap<>();
        if (texts == null) {
            return byLanguage;
        }
        texts.forEach((language, text) -> {
            String key = trim(language).toLowerCase(Locale.ROOT);
            if (!RequestText.LANGUAGES.contains(key)) {
                errors.put(field, "Idioma no admitido / Unsupported language '" + language + "' (es, en)");
            } else if (!trim(text).isEmpty()) {
                byLanguage.put(key, trim(text));
            }
        });
        return byLanguage;
    }

    /**
     * The request's own language: the one given; else Spanish, unless the request comes only in English (through
     * {@code subjects} and {@code bodies}).
     */
    private static String language(NewRequest input, Map<String, String> subjects, Map<String, String> bodies,
                                   Map<String, String> errors) {
        String given = trim(input.language()).toLowerCase(Locale.ROOT);
        if (!given.isEmpty()) {
            if (RequestText.LANGUAGES.contains(given)) {
                return given;
            }
            errors.put("language", "Idioma no admitido / Unsupported language '" + input.language() + "' (es, en)");
            return "es";
        }
        boolean onlyEnglish = trim(input.subject()).isEmpty() && trim(input.body()).isEmpty()
                && !subjects.containsKey("es") && !bodies.containsKey("es")
                && (subjects.containsKey("en") || bodies.containsKey("en"));
        return onlyEnglish ? "en" : "es";
    }

    /**
     * The subject or body in the request's own language: {@code subject} (or {@code body}), or the same language's
     * entry of {@code subjects} (or {@code bodies}); two different texts for one language are an error.
     */
    private static String inLanguage(String plain, Map<String, String> byLanguage, String field, String language,
                                     Map<String, String> errors) {
        String keyed = trim(byLanguage.get(language));
        if (!plain.isEmpty() && !keyed.isEmpty() && !plain.equals(keyed)) {
            errors.put(field + "s." + language, field + "s." + language + " no coincide con " + field + ", que es el "
                    + "texto en el idioma de la solicitud (" + language + ") / " + field + "s." + language
                    + " differs from " + field + ", which is the text in the request's language (" + language + ")");
        }
        return plain.isEmpty() ? keyed : plain;
    }

    private static Integer parseWorkingDays(String text, Map<String, String> errors) {
        try {
            int days = new BigDecimal(text).intValueExact();
            if (days >= 1 && days <= MAX_WORKING_DAYS) {
                return days;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // the message below
        }
        errors.put("replyDueWorkingDays", "Los días hábiles para responder deben ser un número entero entre 1 y "
                + MAX_WORKING_DAYS + " / Working days to reply must be a whole number from 1 to " + MAX_WORKING_DAYS
                + ": " + text);
        return null;
    }

    private LocalDate parseDue(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put("replyDue", "Indique la fecha límite de respuesta o los días hábiles para responder "
                    + "(replyDueWorkingDays) / Give the reply due date or the working days to reply "
                    + "(replyDueWorkingDays)");
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
