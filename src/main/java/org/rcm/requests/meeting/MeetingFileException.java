package org.rcm.requests.meeting;

import java.util.List;

/** A meeting file that cannot be imported, with every problem found, each naming its line; nothing was imported. */
public class MeetingFileException extends IllegalArgumentException {

    private final List<String> errors;

    MeetingFileException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** {@code línea 12: fecha no válida 2016-13-01 / line 12: invalid date 2016-13-01} */
    static String at(int line, String spanish, String english) {
        return line > 0 ? "línea " + line + ": " + spanish + " / line " + line + ": " + english
                : spanish + " / " + english;
    }

    public List<String> errors() {
        return errors;
    }
}
