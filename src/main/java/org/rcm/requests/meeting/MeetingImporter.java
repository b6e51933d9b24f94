package org.rcm.requests.meeting;

import static org.rcm.requests.meeting.MeetingFileException.at;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rcm.requests.meeting.ImportReport.CreatedRequest;
import org.rcm.requests.meeting.MeetingFile.AgreementEntry;
import org.rcm.requests.meeting.MeetingFile.RequestEntry;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a meeting's conclusions: the meeting, its agreements, and a draft request for each request an agreement
 * asks for, linked to it. Idempotent by meeting id, agreement number and request position: importing a file again
 * adds only what is new in it. All or nothing, in one transaction.
 */
@Service
public class MeetingImporter {

    private final MeetingFileParser parser;
    private final Meetings meetings;
    private final RequestService requests;
    private final MeetingsProperties properties;
    private final Clock clock;

    MeetingImporter(MeetingFileParser parser, Meetings meetings, RequestService requests,
                    MeetingsProperties properties, Clock clock) {
        this.parser = parser;
        this.meetings = meetings;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws MeetingFileException naming every problem of the file with its line; then nothing is imported */
    @Transactional
    public ImportReport importFile(byte[] content, String importedBy) {
        MeetingFile file = parser.parse(content);
        String meetingId = file.meeting().id();
        List<String> notes = new ArrayList<>();
        boolean meetingAdded = !meetings.exists(meetingId);
        if (meetingAdded) {
            meetings.insert(file.meeting(), clock.instant());
        } else {
            notes.add(at(0, "reunión " + meetingId + " ya importada: solo se añade lo nuevo",
                    "meeting " + meetingId + " already imported: only what is new is added"));
        }
        Set<String> existingAgreements = meetings.agreementNumbers(meetingId);
        Set<String> existingRequests = meetings.linkedRequests(meetingId);
        List<String> agreementsAdded = new ArrayList<>();
        List<CreatedRequest> created = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < file.agreements().size(); i++) {
            AgreementEntry agreement = file.agreements().get(i);
            if (existingAgreements.contains(agreement.number())) {
                notes.add(agreement.number() + ": ya importado / already imported");
            } else {
                meetings.insertAgreement(meetingId, agreement, i + 1);
                agreementsAdded.add(agreement.number());
            }
            for (int position = 1; position <= agreement.requests().size(); position++) {
                if (!existingRequests.contains(Meetings.key(agreement.number(), position))) {
                    created.add(start(meetingId, agreement, position, today, notes, importedBy));
                }
            }
        }
        return new ImportReport(meetingId, meetingAdded, agreementsAdded, created, notes);
    }

    private CreatedRequest start(String meetingId, AgreementEntry agreement, int position, LocalDate today,
                                 List<String> notes, String importedBy) {
        RequestEntry request = agreement.requests().get(position - 1);
        LocalDate due = request.due() != null ? request.due() : agreement.due();
        LocalDate replyDue = due;
        // a date already past (the conclusions of an earlier meeting) would be refused: the draft gets a fresh one,
        // the agreement keeps its own
        if (due == null || due.isBefore(today)) {
            replyDue = today.plusDays(properties.replyDays());
            notes.add(due == null
                    ? agreement.number() + ": sin fecha; borrador con fecha " + replyDue + " / no date; draft due "
                    + replyDue
                    : agreement.number() + ": fecha " + due + " vencida; borrador con fecha " + replyDue
                    + " / date " + due + " passed; draft due " + replyDue);
        }
        NewRequest input = new NewRequest(request.subject(), request.body(), request.recipients(),
                replyDue.toString(), request.kind().code(), request.language(), request.subjects(), request.bodies(),
                null, request.acknowledgement(), request.topic());
        try {
            String reference = requests.startForAgreement(input, meetingId, agreement.number(), position, importedBy)
                    .reference();
            String subject = request.subject() != null ? request.subject()
                    : request.subjects().getOrDefault(request.language(), request.subjects().values().stream()
                    .findFirst().orElse(null));
            return new CreatedRequest(agreement.number(), position, reference, subject, replyDue);
        } catch (RequestValidationException e) {
            throw new MeetingFileException(List.of(at(request.line(), "solicitud no válida: " + e.getMessage(),
                    "invalid request: " + e.getMessage())));
        }
    }
}
