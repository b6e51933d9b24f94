package org.rcm.requests.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rcm.requests.web.Page;
import org.rcm.requests.web.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** The statistics page: who answers and how fast, as a chart and as a table (and the table as CSV). */
@Controller
@Page
class StatisticsController {

    private final Statistics statistics;
    private final MessageSource messages;
    private final ObjectMapper json;

    StatisticsController(Statistics statistics, MessageSource messages, ObjectMapper json) {
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/statistics")
    String page(StatisticsFilterForm form, Locale locale, HttpServletRequest request, Model model)
            throws JsonProcessingException {
        StatisticsFilterForm.Parsed parsed = form.parse();
        StatisticsReport report = statistics.report(parsed.filter(), locale);
        model.addAttribute("form", form);
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("filtered", !parsed.filter().equals(new StatisticsFilter(null, null, null)));
        List<Statistics.Meeting> meetings = statistics.meetings();
        model.addAttribute("meetings", meetings);
        model.addAttribute("filter", parsed.filter());
        model.addAttribute("meetingName", meetings.stream()
                .filter(meeting -> meeting.id().equals(parsed.filter().meetingId())).map(Statistics.Meeting::name)
                .findFirst().orElse(parsed.filter().meetingId()));
        model.addAttribute("report", report);
        model.addAttribute("json", json.writeValueAsString(StatisticsChart.of(report, locale, messages)));
        // the same filter; the language stays the session's (lang is what switched it)
        model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/statistics.csv").query(request.getQueryString())
                .replaceQueryParam("lang").build().toUriString());
        return "registry/statistics";
    }

    @GetMapping("/statistics.csv")
    ResponseEntity<byte[]> csv(StatisticsFilterForm form, Locale locale) {
        StatisticsReport report = statistics.report(form.parse().filter(), locale);
        // a byte order mark, so that a spreadsheet reads the accents of the parties' names as UTF-8
        byte[] body = (CsvWriter.BOM + StatisticsCsv.of(report, locale, messages)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statistics.csv").build().toString())
                .body(body);
    }
}
