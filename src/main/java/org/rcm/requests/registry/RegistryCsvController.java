package org.rcm.requests.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.rcm.requests.web.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /registry.csv}: every request the registry's filters select, one line each, written chunk by chunk as it is
 * read, so that a large registry never sits in memory whole.
 */
@Controller
class RegistryCsvController {

    static final int MAX_ROWS = 100_000;
    private static final int CHUNK = 1_000;
    private static final List<String> COLUMNS = List.of("reference", "subject", "state", "replyDue", "daysOverdue",
            "recipients", "meeting", "agreement", "createdAt");

    private final RegistryQuery query;
    private final RegistryFilters filters;
    private final MessageSource messages;
    private final Clock clock;

    RegistryCsvController(RegistryQuery query, RegistryFilters filters, MessageSource messages, Clock clock) {
        this.query = query;
        this.filters = filters;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/registry.csv")
    void csv(@RequestParam Map<String, String> params, Locale locale, HttpServletResponse response)
            throws IOException {
        RegistryFilter filter = filters.read(params).filter();
        long total = query.count(filter);
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("registry-" + LocalDate.now(clock) + ".csv").build().toString());
        Writer out = response.getWriter();
        // the byte order mark tells spreadsheet programs that the file is UTF-8 (accents in Spanish subjects)
        out.write(CsvWriter.BOM);
        CsvWriter.write(out, COLUMNS.stream().map(column -> messages.getMessage("registry.csv." + column, null,
                locale)).toList());
        query.each(filter, MAX_ROWS, CHUNK, rows -> {
            try {
                for (RegistryRow row : rows) {
                    CsvWriter.write(out, cells(row));
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (total > MAX_ROWS) {
            CsvWriter.write(out, List.of(messages.getMessage("registry.csv.truncated", new Object[] {MAX_ROWS, total},
                    locale)));
        }
        out.flush();
    }

    private static List<Object> cells(RegistryRow row) {
        String recipients = row.recipients().stream().map(r -> r.code() + ":" + r.state())
                .collect(Collectors.joining("; "));
        return java.util.Arrays.asList(row.reference(), row.subject(), row.state(), row.replyDue(),
                row.daysOverdue(), recipients, row.meetingId(), row.agreementNumber(), row.createdAt());
    }
}
