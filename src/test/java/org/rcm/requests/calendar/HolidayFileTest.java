package org.rcm.requests.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The holiday file the Secretariat edits: the application's default data, and the messages of a broken file. */
class HolidayFileTest {

    private static final List<String> MEMBERS = List.of("CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO", "BZ",
            "NI");

    @Test
    void defaultDataCoversEveryMemberCountryThisYearAndNextToBeChecked() {
        Holidays holidays = HolidayFile.read("classpath:calendar/holidays.yaml");

        assertThat(holidays.countries()).as("the countries of the default file").containsOnlyKeys(MEMBERS);
        for (String country : MEMBERS) {
            assertThat(holidays.of(country)).as("%s's New Year's Day and Christmas, 2026 and 2027", country)
                    .containsKeys(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1),
                            LocalDate.of(2027, 12, 25));
        }
        assertThat(holidays.unchecked()).as("countries still to be checked by the Secretariat")
                .containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 9, 15), "CR")).as("Costa Rica's Independence Day")
                .isFalse();
    }

    @Test
    void problemsNameTheFileAndEachLineAndEntry() {
        String file = """
                CR:
                  checked: false
                  holidays:
                    2026-09-15: Día de la Independencia
                    2026-02-30: Día que no existe
                    2026-09-15: Otra vez
                    2026-12-25:
                PA:
                  holiday:
                    2026-11-03: Separación de Colombia
                panama:
                  holidays: {}
                """;

        assertThatThrownBy(() -> read(file)).as("a file with five problems")
                .isInstanceOfSatisfying(HolidayFileException.class, e -> {
                    assertThat(e.getMessage()).as("the message").startsWith("Archivo de feriados / holiday file "
                            + "test-holidays.yaml: ");
                    assertThat(e.problems()).as("every problem, with its line and entry").containsExactly(
                            "línea 5: CR: '2026-02-30' no es una fecha AAAA-MM-DD / line 5: CR: '2026-02-30' is not "
                                    + "a date YYYY-MM-DD",
                            "línea 6: CR 2026-09-15: fecha repetida / line 6: CR 2026-09-15: date appears twice",
                            "línea 7: CR 2026-12-25: falta el nombre del feriado / line 7: CR 2026-12-25: the "
                                    + "holiday has no name",
                            "línea 9: PA: clave desconocida 'holiday' (admitidas: name, checked, holidays) / line 9: "
                                    + "PA: unknown key 'holiday' (allowed: name, checked, holidays)",
                            "línea 11: 'panama' no es un código de país de dos letras mayúsculas (CR) / line 11: "
                                    + "'panama' is not a two-letter upper-case country code (CR)");
                });
    }

    @Test
    void fileThatIsNotYamlNamesItsLine() {
        assertThatThrownBy(() -> read("CR:\n  holidays:\n    2026-09-15: [unclosed\n"))
                .as("a file that is not YAML").isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("test-holidays.yaml").hasMessageContaining("line 4");
        assertThatThrownBy(() -> HolidayFile.read("file:/nonexistent/holidays.yaml")).as("a file that is missing")
                .isInstanceOf(HolidayFileException.class).hasMessageContaining("file:/nonexistent/holidays.yaml")
                .hasMessageContaining("does not exist");
    }

    @Test
    void emptyFileAndCountryWithoutHolidaysMeanWeekendsOnly() {
        assertThat(read("# nothing yet\n").countries()).as("an empty file").isEmpty();
        Holidays holidays = read("BR:\n  holidays:\n");

        assertThat(holidays.of("BR")).as("a country without holidays").isEmpty();
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 9, 7), "BR")).as("a Monday there").isTrue();
    }

    private static Holidays read(String content) {
        return HolidayFile.read("test-holidays.yaml", new ByteArrayInputStream(content.getBytes(
                StandardCharsets.UTF_8)));
    }
}
