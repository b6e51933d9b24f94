package org.rcm.requests.directory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rcm.requests.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Secretariat's page of focal points ({@code /focal-points}): the current ones per country and topic, and history. */
@Controller
@Page
class FocalPointsPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FocalPoints focalPoints;
    private final Directory directory;
    private final ZoneId zone;

    FocalPointsPageController(FocalPoints focalPoints, Directory directory, Clock clock) {
        this.focalPoints = focalPoints;
        this.directory = directory;
        this.zone = clock.getZone();
    }

    /** What the page shows of a focal point: the country's name in the page's language, times formatted. */
    record Row(FocalPoint focal, String country, String accepted, String replaced) {
    }

    @GetMapping("/focal-points")
    String page(Locale locale, Model model) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "es";
        Map<String, String> names = directory.all().stream().collect(Collectors.toMap(Party::code,
                party -> party.name(language)));
        Function<FocalPoint, Row> row = focal -> new Row(focal, names.getOrDefault(focal.countryCode(),
                focal.countryCode()), time(focal.acceptedAt()), time(focal.replacedAt()));
        List<Row> current = focalPoints.current().stream().map(row).toList();
        List<Row> history = focalPoints.history().stream().map(row).toList();
        model.addAttribute("current", current);
        model.addAttribute("history", history);
        return "directory/focal-points";
    }

    private String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.withZone(zone).format(instant);
    }
}
