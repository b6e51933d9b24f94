package org.rcm.requests.directory;

import java.time.Instant;

/**
 * A focal point of the directory: the person a country named for a topic, from which reply, accepted by whom and when;
 * {@code replacesId} the one it took over from, {@code replacedAt} when a later nomination took over from it (null
 * while it is current).
 */
public record FocalPoint(long id, String countryCode, String topic, String name, String position, String institution,
                         String email, String phone, String language, String reference, Long correspondenceId,
                         String messageId, String acceptedBy, Instant acceptedAt, Long replacesId,
                         Instant replacedAt) {

    public boolean current() {
        return replacedAt == null;
    }
}
