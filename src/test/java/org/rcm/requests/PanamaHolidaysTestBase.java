package org.rcm.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with a holiday file of the tests' own: Panama's holidays are the three weekdays after today,
 * and no other country has any, so that a due date counted in working days falls later for Panama than for everyone
 * else, whatever day the tests run. The test classes that extend this share one application.
 */
public abstract class PanamaHolidaysTestBase extends IntegrationTestBase {

    protected static final LocalDate TODAY = LocalDate.now();
    protected static final List<LocalDate> PANAMA_HOLIDAYS = nextWeekdays(TODAY, 3);

    @DynamicPropertySource
    static void holidays(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("holidays-", ".yaml");
            StringBuilder yaml = new StringBuilder("PA:\n  checked: true\n  holidays:\n");
            PANAMA_HOLIDAYS.forEach(day -> yaml.append("    ").append(day).append(": Feriado de prueba\n"));
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            registry.add("app.calendar.holidays-file", () -> "file:" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code count} weekdays after {@code from}. */
    protected static List<LocalDate> nextWeekdays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from.plusDays(1); days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
