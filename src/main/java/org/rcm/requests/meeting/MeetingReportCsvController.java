package org.rcm.requests.meeting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.rcm.requests.web.CsvWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /meetings/{id}/report.csv}: the meeting report for a spreadsheet (UTF-8 with BOM, RFC 4180). */
@Controller
class MeetingReportCsvController {

    private final MeetingViews views;
    private final MeetingReportCsv csv;

    MeetingReportCsvController(MeetingViews views, MeetingReportCsv csv) {
        this.views = views;
        this.csv = csv;
    }

    @GetMapping("/meetings/{id}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable String id, Locale locale) {
        MeetingView meeting = views.meeting(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + id));
        // the id is [a-z0-9-] (checked at import), safe in a file name
        String filename = meeting.meeting().id() + "-report-" + meeting.today() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CsvWriter.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(csv.write(meeting, locale).getBytes(StandardCharsets.UTF_8));
    }
}
