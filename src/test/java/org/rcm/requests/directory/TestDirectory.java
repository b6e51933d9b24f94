package org.rcm.requests.directory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real directory classes over a test database, for tests of other packages (the constructors are this
 * package's).
 */
public final class TestDirectory {

    private TestDirectory() {
    }

    public static Directory directory(JdbcClient jdbc) {
        return new Directory(jdbc);
    }

    public static FocalPoints focalPoints(JdbcClient jdbc, java.time.Clock clock) {
        return new FocalPoints(jdbc, clock);
    }

    /** The Troika of these member countries, checked against the directory as the application does at start. */
    public static Troika troika(Directory directory, List<String> countries) {
        return new Troika(new TroikaProperties(countries), directory);
    }
}
