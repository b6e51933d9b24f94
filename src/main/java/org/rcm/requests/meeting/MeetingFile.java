package org.rcm.requests.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rcm.requests.request.RequestKind;

/** A meeting's conclusions as a YAML file gives them, checked; {@code line} points back into the file. */
record MeetingFile(Header meeting, List<AgreementEntry> agreements) {

    record Header(String id, String name, String place, LocalDate from, LocalDate to, String language) {
    }

    /** @param due the agreement's own date, or {@code null} */
    record AgreementEntry(String number, String text, String responsible, LocalDate due,
                          List<RequestEntry> requests, int line) {
    }

    /**
     * @param subject  the subject in {@code language}, or {@code null} when {@code subjects} gives it; {@code body}
     *                 likewise
     * @param subjects the subject by working language ({@code es}, {@code en}), possibly empty; {@code bodies} likewise
     * @param due      the request's own date, or {@code null} for the agreement's
     * @param topic    what the request is about (a code), or {@code null}; {@code acknowledgement}: ask for one
     */
    record RequestEntry(String subject, String body, Map<String, String> subjects, Map<String, String> bodies,
                        List<String> recipients, RequestKind kind, LocalDate due, String language, String topic,
                        boolean acknowledgement, int line) {
    }
}
