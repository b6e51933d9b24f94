package org.rcm.requests.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.rcm.requests.mail.inbound.Classification;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestState;
import org.rcm.requests.request.RequestText;
import org.springframework.stereotype.Component;

/**
 * Opens a reply link: a token that verifies, for a request that exists and names the token's recipient, gives the
 * {@link ReplyCase}; anything else gives empty, and nothing about any request.
 */
@Component
class ReplyCases {

    /** Real tokens are about 100 characters; anything far longer is not worth verifying. */
    static final int MAX_TOKEN_LENGTH = 1000;

    private final ReplyTokens tokens;
    private final RequestService requests;
    private final RequestRegistry registry;
    private final Directory directory;
    private final ReplyProperties properties;

    ReplyCases(ReplyTokens tokens, RequestService requests, RequestRegistry registry, Directory directory,
               ReplyProperties properties) {
        this.tokens = tokens;
        this.requests = requests;
        this.registry = registry;
        this.directory = directory;
        this.properties = properties;
    }

    Optional<ReplyCase> open(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return tokens.verify(token).flatMap(holder -> requests.details(holder.reference())
                .flatMap(details -> caseOf(details, holder.recipient())));
    }

    private Optional<ReplyCase> caseOf(RequestDetails details, String recipient) {
        Optional<RequestDetails.Recipient> addressed = details.recipients() == null ? Optional.empty()
                : details.recipients().stream().filter(r -> r.code().equals(recipient)).findFirst();
        if (addressed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Party> party = directory.find(recipient);
        Instant closed = ReplyClosing.since(details, addressed.get());
        String language = ReplyTexts.choose(party.map(Party::language).orElse(null), details.language());
        // the request as the recipient's email gave it: in the recipient's language, else in the request's own
        RequestText text = RequestText.choose(registry.texts(details.reference()), language);
        return Optional.of(new ReplyCase(details.reference(), recipient, party.map(Party::nameEs).orElse(null),
                party.map(Party::nameEn).orElse(null), language, text.language(), text.subject(), text.body(),
                Objects.requireNonNullElse(addressed.get().replyDue(), details.replyDue()),
                details.state() == RequestState.CLOSED || details.state() == RequestState.REJECTED,
                received(details, recipient), closed == null ? null : closed.plus(properties.closedGrace()),
                party.orElse(null)));
    }

    /** The answers that came in from this recipient, by email or through the link; not auto-replies or bounces. */
    private static List<Instant> received(RequestDetails details, String recipient) {
        return details.correspondence() == null ? List.of() : details.correspondence().stream()
                .filter(entry -> entry.direction() == CorrespondenceEntry.Direction.IN)
                .filter(entry -> recipient.equals(entry.recipient()))
                .filter(entry -> entry.classification() == null
                        || Classification.HUMAN_REPLY.name().equals(entry.classification()))
                .map(CorrespondenceEntry::createdAt).filter(Objects::nonNull).sorted().toList();
    }
}
