package org.rcm.requests.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rcm.requests.request.RequestState;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registry's query parameters ({@code state, recipient, meeting, overdue, q, page, size}) read leniently: a value
 * that makes no sense is dropped or clamped and named in a notice, never an error page.
 */
final class RegistryFilterForm {

    /** A message key of bundle {@code registry} with the value it is about. */
    record Notice(String key, String value) {
    }

    record Parsed(RegistryFilter filter, List<Notice> notices) {
    }

    private RegistryFilterForm() {
    }

    static Parsed parse(Map<String, String> params, Set<String> recipients, Set<String> meetings) {
        List<Notice> notices = new ArrayList<>();
        RequestState state = state(params.get("state"), notices);
        String recipient = known(params.get("recipient"), recipients, "registry.notice.recipient", notices);
        String meeting = known(params.get("meeting"), meetings, "registry.notice.meeting", notices);
        boolean overdue = isChecked(params.get("overdue"));
        int page = number(params.get("page"), 1, 1, Integer.MAX_VALUE, "registry.notice.page", notices);
        int size = number(params.get("size"), RegistryFilter.DEFAULT_SIZE, 1, RegistryFilter.MAX_SIZE,
                "registry.notice.size", notices);
        return new Parsed(new RegistryFilter(state, recipient, meeting, overdue, params.get("q"), page, size),
                notices);
    }

    /** The query string of {@code filter} at {@code page} on {@code path}; {@code page} 0 leaves the page out. */
    static String link(String path, RegistryFilter filter, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (filter.state() != null) {
            uri.queryParam("state", filter.state().name());
        }
        if (filter.recipient() != null) {
            uri.queryParam("recipient", filter.recipient());
        }
        if (filter.meetingId() != null) {
            uri.queryParam("meeting", filter.meetingId());
        }
        if (filter.overdueOnly()) {
            uri.queryParam("overdue", "true");
        }
        if (filter.search() != null) {
            uri.queryParam("q", filter.search());
        }
        if (page > 0) {
            if (filter.size() != RegistryFilter.DEFAULT_SIZE) {
                uri.queryParam("size", filter.size());
            }
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static RequestState state(String value, List<Notice> notices) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            notices.add(new Notice("registry.notice.state", value));
            return null;
        }
    }

    private static String known(String value, Set<String> known, String notice, List<Notice> notices) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!known.contains(value.strip())) {
            notices.add(new Notice(notice, value));
            return null;
        }
        return value.strip();
    }

    private static boolean isChecked(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")
                || value.equals("1"));
    }

    private static int number(String value, int fallback, int min, int max, String notice, List<Notice> notices) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            notices.add(new Notice(notice, value));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            notices.add(new Notice(notice, value));
            return Math.max(min, Math.min(max, parsed));
        }
        return parsed;
    }
}
