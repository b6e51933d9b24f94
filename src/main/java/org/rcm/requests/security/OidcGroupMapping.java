package org.rcm.requests.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which of the application's groups a single-sign-on user belongs to: the identity provider's groups, read from
 * the claim {@code groups-claim} of the ID token or user info, mapped by {@code group-mapping} (an organization's
 * group name to one or more of {@code secretariat}, {@code troika}, {@code troika-XX}, {@code camunda-admin},
 * {@code process-owner}). A group the mapping does not name gives nothing.
 */
@ConfigurationProperties("app.security.oidc")
record OidcGroupMapping(@DefaultValue("groups") String groupsClaim, Map<String, List<String>> groupMapping) {

    OidcGroupMapping {
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    }

    Set<String> map(Collection<String> providerGroups) {
        Set<String> groups = new LinkedHashSet<>();
        providerGroups.forEach(group -> groups.addAll(groupMapping.getOrDefault(group, List.of())));
        return groups;
    }

    /** The application's groups that single sign-on manages: memberships of the others are left alone. */
    Set<String> managed() {
        Set<String> groups = new LinkedHashSet<>();
        groupMapping.values().forEach(groups::addAll);
        return groups;
    }

    boolean grants(String group) {
        return managed().contains(group);
    }
}
