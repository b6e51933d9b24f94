package org.rcm.requests.meeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rcm.requests.meeting.MeetingView.AgreementView;
import org.rcm.requests.meeting.MeetingView.RecipientView;
import org.rcm.requests.meeting.MeetingView.RequestView;
import org.rcm.requests.web.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The meeting report as CSV: one row per agreement, request and recipient (an agreement without requests has one
 * row of its own), headers in the reader's language, states as their codes so that a spreadsheet can filter them.
 */
@Component
class MeetingReportCsv {

    private static final List<String> COLUMNS = List.of("agreement", "text", "responsible", "agreementDue",
            "reference", "subject", "recipient", "recipientName", "state", "replyDue", "sent", "answered",
            "daysOverdue");

    private final MessageSource messages;

    MeetingReportCsv(MessageSource messages) {
        this.messages = messages;
    }

    String write(MeetingView meeting, Locale locale) {
        StringBuilder csv = new StringBuilder(CsvWriter.BOM);
        csv.append(CsvWriter.row(COLUMNS.stream()
                .map(column -> messages.getMessage("meetings.csv." + column, null, column, locale)).toList()));
        for (AgreementView agreement : meeting.agreements()) {
            List<Object> facts = Arrays.asList(agreement.number(), agreement.text(), agreement.responsible(),
                    agreement.due());
            if (agreement.requests().isEmpty()) {
                List<Object> cells = new ArrayList<>(facts);
                cells.addAll(Arrays.asList(new Object[COLUMNS.size() - facts.size()]));
                csv.append(CsvWriter.row(cells));
            }
            for (RequestView request : agreement.requests()) {
                for (RecipientView recipient : request.recipients()) {
                    List<Object> cells = new ArrayList<>(facts);
                    cells.addAll(Arrays.asList(request.reference(), request.subject(), recipient.code(),
                            recipient.name(locale.getLanguage()), recipient.state().name(), recipient.replyDue(),
                            recipient.sentOn(), recipient.answeredOn(), recipient.daysOverdue()));
                    csv.append(CsvWriter.row(cells));
                }
            }
        }
        return csv.toString();
    }
}
