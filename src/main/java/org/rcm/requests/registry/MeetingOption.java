package org.rcm.requests.registry;

/** A meeting as the registry's meeting filter offers it. */
public record MeetingOption(String id, String name) {
}
