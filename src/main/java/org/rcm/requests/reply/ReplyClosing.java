package org.rcm.requests.reply;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.mail.inbound.Classification;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestState;

/**
 * Since when a reply link's recipient is done with: the recipient answered (and the answer was accepted), was closed
 * unanswered or is undeliverable, or the whole request ended; whichever came first. Null while none did.
 */
final class ReplyClosing {

    private ReplyClosing() {
    }

    static Instant since(RequestDetails details, RequestDetails.Recipient recipient) {
        boolean ended = details.state() == RequestState.CLOSED || details.state() == RequestState.REJECTED;
        Instant recipientClosed = switch (recipient.state()) {
            case ANSWERED -> recipient.answeredAt();
            case CLOSED_UNANSWERED -> recipient.closedAt();
            // the registry stamps no time for this state: the bounce that led to it is the time
            case UNDELIVERABLE -> recipient.closedAt() != null ? recipient.closedAt()
                    : lastBounce(details, recipient.code());
            default -> null;
        };
        return Stream.of(ended ? details.closedAt() : null, recipientClosed).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    private static Instant lastBounce(RequestDetails details, String recipient) {
        return details.correspondence() == null ? null : details.correspondence().stream()
                .filter(entry -> entry.direction() == CorrespondenceEntry.Direction.IN)
                .filter(entry -> recipient.equals(entry.recipient()))
                .filter(entry -> Classification.BOUNCE.name().equals(entry.classification()))
                .map(CorrespondenceEntry::createdAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
