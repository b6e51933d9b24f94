package org.rcm.requests.registry;

import org.rcm.requests.request.RequestState;

/**
 * What the registry list shows: the filters (each {@code null} or {@code false} when not set) and the page
 * (1-based) of {@code size} rows.
 */
public record RegistryFilter(RequestState state, String recipient, String meetingId, boolean overdueOnly,
                             String search, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public RegistryFilter {
        recipient = blankToNull(recipient);
        meetingId = blankToNull(meetingId);
        search = blankToNull(search);
        page = Math.max(1, page);
        size = Math.min(MAX_SIZE, Math.max(1, size));
    }

    /** Every request, first page. */
    public static RegistryFilter none() {
        return new RegistryFilter(null, null, null, false, null, 1, DEFAULT_SIZE);
    }

    public RegistryFilter withState(RequestState value) {
        return new RegistryFilter(value, recipient, meetingId, overdueOnly, search, page, size);
    }

    public RegistryFilter withRecipient(String value) {
        return new RegistryFilter(state, value, meetingId, overdueOnly, search, page, size);
    }

    public RegistryFilter withMeeting(String value) {
        return new RegistryFilter(state, recipient, value, overdueOnly, search, page, size);
    }

    public RegistryFilter withOverdueOnly(boolean value) {
        return new RegistryFilter(state, recipient, meetingId, value, search, page, size);
    }

    public RegistryFilter withSearch(String value) {
        return new RegistryFilter(state, recipient, meetingId, overdueOnly, value, page, size);
    }

    public RegistryFilter withPage(int value) {
        return new RegistryFilter(state, recipient, meetingId, overdueOnly, search, value, size);
    }

    /** Whether any filter or search narrows the list (the page and its size do not). */
    public boolean narrowed() {
        return state != null || recipient != null || meetingId != null || overdueOnly || search != null;
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
