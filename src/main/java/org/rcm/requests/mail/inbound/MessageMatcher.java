package org.rcm.requests.mail.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.FocalPoints;
import org.rcm.requests.directory.Party;
import org.rcm.requests.mail.MailSigning;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Component;

/**
 * Finds the request and recipient an inbound message belongs to, in the order of the design: the signed address it
 * was sent to (reply address or return path), the signed Message-IDs it answers, then the subject tag together with
 * the sender's organization. A reply whose sender does not belong to the recipient's organization is not taken as
 * its answer. Keys that do not verify ({@link MailSigning}) are not trusted: anyone can guess an unsigned one. With a
 * trusted authserv-id configured, a message whose sender the organization's receiving server does not vouch for
 * ({@link SenderVerification}) is not taken as an answer or a bounce either: its reading names the problem, with the
 * evidence, and the message goes to triage.
 */
@Component
public class MessageMatcher {

    private static final Pattern TAG = Pattern.compile("\\[(CRM-\\d{4}-\\d{4})]", Pattern.CASE_INSENSITIVE);

    private final FocalPoints focalPoints;
    private final InboundMessages messages;
    private final RequestRegistry registry;
    private final Directory directory;
    private final String trustedAuthservId;
    private final MailSigning signing;

    MessageMatcher(InboundMessages messages, RequestRegistry registry, Directory directory,
                   InboundProperties properties, MailSigning signing, FocalPoints focalPoints) {
        this.focalPoints = focalPoints;
        this.messages = messages;
        this.registry = registry;
        this.directory = directory;
        this.trustedAuthservId = properties.trustedAuthservId();
        this.signing = signing;
    }

    public Reading read(ParsedMessage message) {
        Reading reading = match(message);
        if (trustedAuthservId == null) {
            return reading;
        }
        SenderVerification sender = SenderVerification.check(trustedAuthservId, message.from(),
                message.authenticationResults());
        if (sender.verified()) {
            return reading;
        }
        return new Reading(reading.classification(), reading.match(), SenderVerification.NOT_VERIFIED + ": "
                + sender.evidence() + (reading.problem() == null ? "" : "; " + reading.problem()),
                reading.suggestions());
    }

    private Reading match(ParsedMessage message) {
        String classification = message.classification().name();
        if (message.classification() == Classification.BOUNCE) {
            return bounce(message);
        }
        Optional<Party> sender = directory.findByEmail(message.from());
        Optional<Match> match = bySignedAddress(message, true)
                .or(() -> messages.sentAs(signed(answered(message)), "in-reply-to"))
                .or(() -> byTagAndSender(message, sender));
        if (match.isEmpty()) {
            return new Reading(message.classification() == Classification.HUMAN_REPLY ? Reading.UNRELATED
                    : classification, null, "no request matches", suggestions(message, match, sender));
        }
        if (!belongsToRecipient(message.from(), match.get().recipient())) {
            return new Reading(classification, match.get(), "sender " + message.from() + " does not belong to the "
                    + "organization of " + match.get().recipient(), suggestions(message, match, sender));
        }
        return new Reading(classification, match.get(), null, List.of(match.get()));
    }

    /**
     * A bounce is acted on only when it shows that it concerns a message of ours: it came back to that message's
     * return path, or it quotes its signed Message-ID. The failing address alone is a guess: only a suggestion.
     */
    private Reading bounce(ParsedMessage message) {
        Optional<Match> bounced = bySignedAddress(message, false)
                .or(() -> messages.sentAs(signed(message.originalMessageIds()), "in-reply-to"));
        if (bounced.isPresent()) {
            return new Reading(Classification.BOUNCE.name(), bounced.get(), null, List.of(bounced.get()));
        }
        return new Reading(Classification.BOUNCE.name(), null, "bounce not verified: it came back to no signed return "
                + "path and quotes no signed Message-ID of ours", message.bounce().addresses().stream()
                .map(messages::lastSentTo).flatMap(Optional::stream).distinct().limit(5).toList());
    }

    /** The first address the message went to that is a signed reply address (if taken) or return path of ours. */
    private Optional<Match> bySignedAddress(ParsedMessage message, boolean replyAddresses) {
        for (String address : message.addressedTo()) {
            Optional<Match> match = replyAddresses ? signing.addresseeOf(address).flatMap(this::recipientOf)
                    : Optional.empty();
            if (match.isEmpty()) {
                OptionalLong sent = signing.messageKeyOf(address);
                match = sent.isPresent() ? messages.sentWithId(sent.getAsLong(), "return-path") : Optional.empty();
            }
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private Optional<Match> recipientOf(MailSigning.Addressee addressee) {
        return registry.find(addressee.reference()).flatMap(request -> request.recipients().stream()
                .filter(recipient -> recipient.code().equalsIgnoreCase(addressee.recipient())).findFirst()
                .map(recipient -> new Match(request.reference(), recipient.code(), "reply-address")));
    }

    private List<String> signed(List<String> messageIds) {
        return messageIds.stream().filter(signing::isSigned).toList();
    }

    private static List<String> answered(ParsedMessage message) {
        List<String> ids = new ArrayList<>();
        if (message.inReplyTo() != null) {
            ids.add(message.inReplyTo());
        }
        ids.addAll(message.references());
        ids.addAll(message.originalMessageIds());
        return ids;
    }

    private Optional<Match> byTagAndSender(ParsedMessage message, Optional<Party> sender) {
        return tags(message).stream().flatMap(reference -> registry.find(reference).stream())
                .flatMap(request -> request.recipients().stream()
                        .filter(recipient -> sender.map(Party::code).filter(recipient.code()::equals).isPresent())
                        .map(recipient -> new Match(request.reference(), recipient.code(), "subject-tag")))
                .findFirst();
    }

    /** The likeliest requests for an officer to choose from: the match, tagged requests, the sender's requests. */
    private List<Match> suggestions(ParsedMessage message, Optional<Match> match, Optional<Party> sender) {
        Set<Match> found = new LinkedHashSet<>();
        match.ifPresent(found::add);
        for (String reference : tags(message)) {
            registry.find(reference).ifPresent(request -> request.recipients().forEach(recipient -> {
                if (sender.isEmpty() || sender.get().code().equals(recipient.code())) {
                    found.add(new Match(reference, recipient.code(), "subject-tag"));
                }
            }));
        }
        sender.ifPresent(party -> registry.list(null, party.code(), false, 5).stream()
                .map(RequestDetails::reference)
                .forEach(reference -> found.add(new Match(reference, party.code(), "sender-organization"))));
        return found.stream().limit(5).toList();
    }

    /** Request references named in the subject, or quoted in the text (a quoted original carries its tag). */
    private static List<String> tags(ParsedMessage message) {
        Set<String> references = new LinkedHashSet<>();
        for (String text : new String[] {message.subject(), message.bodyText()}) {
            Matcher tag = TAG.matcher(text == null ? "" : text);
            while (tag.find()) {
                references.add(tag.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(references);
    }

    /** The party's contact or one of the focal points it named, or an address of the same domain. */
    private boolean belongsToRecipient(String from, String recipient) {
        return directory.find(recipient).map(party -> party.email().equalsIgnoreCase(from)
                || Directory.domain(party.email()).equals(Directory.domain(from))).orElse(false)
                || focalPoints.known(recipient, from);
    }
}
