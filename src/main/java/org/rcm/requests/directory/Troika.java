package org.rcm.requests.directory;

import java.util.List;

import org.springframework.stereotype.Component;

/** The Troika countries of the configuration, checked against the directory when the application starts. */
@Component
public class Troika {

    private final List<Party> countries;

    Troika(TroikaProperties properties, Directory directory) {
        this.countries = properties.countries().stream().map(code -> directory.find(code)
                .filter(party -> party.kind() == Party.Kind.COUNTRY && party.member())
                .orElseThrow(() -> new IllegalStateException("app.troika.countries names '" + code
                        + "', which is not a member country of the directory"))).toList();
    }

    public List<Party> countries() {
        return countries;
    }

    public List<String> codes() {
        return countries.stream().map(Party::code).toList();
    }
}
