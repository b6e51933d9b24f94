package org.rcm.requests.registry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.springframework.stereotype.Component;

/** The choices the registry's filters offer, and the request parameters read against them. */
@Component
class RegistryFilters {

    private final Directory directory;
    private final RegistryQuery query;

    RegistryFilters(Directory directory, RegistryQuery query) {
        this.directory = directory;
        this.query = query;
    }

    List<Party> parties() {
        return directory.all();
    }

    List<MeetingOption> meetings() {
        return query.meetings();
    }

    RegistryFilterForm.Parsed read(Map<String, String> params) {
        return RegistryFilterForm.parse(params,
                parties().stream().map(Party::code).collect(Collectors.toSet()),
                meetings().stream().map(MeetingOption::id).collect(Collectors.toSet()));
    }
}
