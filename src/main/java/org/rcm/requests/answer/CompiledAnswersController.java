package org.rcm.requests.answer;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.rcm.requests.web.CsvWriter;
import org.rcm.requests.web.Page;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request's compiled answers: {@code /registry/{reference}/answers} (the page), {@code .csv} (one line per answer
 * line, with its recipient's status; a recipient with no accepted answer has a line with its status only) and
 * {@code /answers/print}.
 */
@Controller
@Page
class CompiledAnswersController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CompiledAnswers compiled;
    private final MessageSource messages;
    private final ZoneId zone;

    CompiledAnswersController(CompiledAnswers compiled, MessageSource messages, java.time.Clock clock) {
        this.compiled = compiled;
        this.messages = messages;
        this.zone = clock.getZone();
    }

    /** Formats the page's times in the application's zone. */
    public record Times(ZoneId zone) {
        public String of(Instant instant) {
            return instant == null ? "" : TIME.withZone(zone).format(instant);
        }
    }

    @GetMapping("/registry/{reference}/answers")
    String page(@PathVariable String reference, Locale locale, Model model) {
        return show(reference, locale, model, "answers/compiled");
    }

    @GetMapping("/registry/{reference}/answers/print")
    String print(@PathVariable String reference, Locale locale, Model model) {
        return show(reference, locale, model, "answers/print");
    }

    @GetMapping("/registry/{reference}/answers.csv")
    void csv(@PathVariable String reference, Locale locale, HttpServletResponse response) throws IOException {
        CompiledAnswers.Compilation c = find(reference, locale);
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(c.request().reference() + "-answers.csv").build().toString());
        Writer out = response.getWriter();
        out.write(CsvWriter.BOM);
        List<Object> head = new ArrayList<>();
        for (String column : List.of("recipient", "name", "state", "replyDue", "sent", "acknowledged", "answered",
                "overdue", "extended", "reply", "acceptedBy")) {
            head.add(messages.getMessage("answers.csv." + column, null, locale));
        }
        c.columns().forEach(column -> head.add(column.label()));
        CsvWriter.write(out, head);
        Times times = new Times(zone);
        for (CompiledAnswers.Status status : c.recipients()) {
            List<CompiledAnswers.Line> lines = c.lines().stream().filter(line -> line.code().equals(status.code()))
                    .toList();
            String state = messages.getMessage("answers.state." + status.state().name(), null, locale);
            String yes = messages.getMessage("answers.yes", null, locale);
            List<Object> statusCells = java.util.Arrays.asList(status.code(), status.name(), state, status.replyDue(),
                    times.of(status.sentAt()), times.of(status.acknowledgedAt()), times.of(status.answeredAt()),
                    status.overdue() ? yes : "", status.extended() ? yes : "", null, status.acceptedBy());
            if (lines.isEmpty()) {
                List<Object> cells = new ArrayList<>(statusCells);
                c.columns().forEach(column -> cells.add(null));
                CsvWriter.write(out, cells);
            }
            for (CompiledAnswers.Line line : lines) {
                List<Object> cells = new ArrayList<>(statusCells);
                cells.set(9, line.correspondenceId() == null ? null : "/api/correspondence/" + line.correspondenceId()
                        + "/source");
                cells.addAll(line.values());
                CsvWriter.write(out, cells);
            }
        }
        out.flush();
    }

    private String show(String reference, Locale locale, Model model, String view) {
        model.addAttribute("c", find(reference, locale));
        model.addAttribute("times", new Times(zone));
        return view;
    }

    private CompiledAnswers.Compilation find(String reference, Locale locale) {
        return compiled.of(reference.toUpperCase(Locale.ROOT), "en".equals(locale.getLanguage()) ? "en" : "es")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No request " + reference));
    }
}
