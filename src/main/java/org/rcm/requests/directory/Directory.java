package org.rcm.requests.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the directory tables: each party with its primary contact. */
@Repository
public class Directory {

    private static final String SELECT = """
            select p.code, p.kind, p.name_es, p.name_en, p.member, c.name, c.email, c.language, p.article_es,
                   p.article_en, p.calendar_country
            from directory_party p
            join directory_contact c on c.party_code = p.code and c.primary_contact = true
            """;

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Party> all() {
        return jdbc.sql(SELECT + " order by p.kind desc, p.code").query(this::map).list();
    }

    public Optional<Party> find(String code) {
        return jdbc.sql(SELECT + " where p.code = ?").param(code).query(this::map).optional();
    }

    public Party get(String code) {
        return find(code).orElseThrow(() -> new UnknownPartyException(List.of(code)));
    }

    /** Replaces the primary contact's address of a party, for example after a bounce. */
    public void updateContactEmail(String code, String email) {
        int updated = jdbc.sql("update directory_contact set email = ? where party_code = ? and primary_contact = true")
                .params(email, code).update();
        if (updated == 0) {
            throw new UnknownPartyException(List.of(code));
        }
    }

    /**
     * The calendar whose working days count for a party's due dates ({@link Party#calendar()}): a code the directory
     * does not know is taken as a country code.
     */
    public String calendarOf(String code) {
        return jdbc.sql("select coalesce(calendar_country, code) from directory_party where code = ?").param(code)
                .query(String.class).optional().orElse(code);
    }

    /** The party whose contact has this address, or whose contacts share its domain. */
    public Optional<Party> findByEmail(String email) {
        String address = email == null ? "" : email.trim().toLowerCase();
        List<Party> parties = all();
        return parties.stream().filter(party -> party.email().equalsIgnoreCase(address)).findFirst()
                .or(() -> parties.stream().filter(party -> domain(party.email()).equals(domain(address))).findFirst());
    }

    public static String domain(String email) {
        return email == null ? "" : email.substring(email.indexOf('@') + 1).toLowerCase();
    }

    /** The codes among {@code codes} that the directory does not know. */
    public List<String> unknown(Collection<String> codes) {
        return codes.stream().filter(code -> find(code).isEmpty()).toList();
    }

    /**
     * What kind of recipients a request has, as the approval decision reads it: {@code member_countries} when
     * every recipient is a member country, {@code organizations} when none is a country, otherwise {@code mixed}.
     */
    public String scopeOf(Collection<String> codes) {
        List<Party> parties = codes.stream().map(this::get).toList();
        if (parties.stream().allMatch(party -> party.kind() == Party.Kind.COUNTRY && party.member())) {
            return "member_countries";
        }
        return parties.stream().noneMatch(party -> party.kind() == Party.Kind.COUNTRY) ? "organizations" : "mixed";
    }

    private Party map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Party(rs.getString(1), Party.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11));
    }
}
