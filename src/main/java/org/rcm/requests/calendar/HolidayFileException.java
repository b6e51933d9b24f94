package org.rcm.requests.calendar;

import java.util.List;

/** A holiday file that cannot be used, naming the file and, for each problem, its line and entry. */
public class HolidayFileException extends IllegalStateException {

    private final List<String> problems;

    HolidayFileException(String file, List<String> problems) {
        super("Archivo de feriados / holiday file " + file + ": " + String.join("; ", problems)
                + " (docs/calendar.md)");
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code línea 12: … / line 12: …}. */
    public List<String> problems() {
        return problems;
    }

    static String at(int line, String spanish, String english) {
        return line > 0 ? "línea " + line + ": " + spanish + " / line " + line + ": " + english
                : spanish + " / " + english;
    }
}
