package org.rcm.requests.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.logging.LogContext;
import org.rcm.requests.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rcm.requests.request.Receipt;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The inbox's work on one message. The mailbox reader only stores a message whole (once per Message-ID); the
 * background work ({@link InboxWorker}) then reads it, matches it and delivers it — a reply to its recipient's
 * waiting instance, a bounce to the recipient's delivery-failure path — or hands it to triage; an automatic reply is
 * only logged against its request, and a read receipt acknowledges the receipt of its request besides. A message
 * stays stored whatever happens, in a state it can be found in.
 */
@Service
public class InboundMailService {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailService.class);

    private final MessageParser parser = new MessageParser();
    private final MessageMatcher matcher;
    private final InboundMessages messages;
    private final Inbox inbox;
    private final CorrespondenceLog log;
    private final InboundActions actions;
    private final RequestRegistry registry;
    private final InboundProperties properties;
    private final MailProperties mail;
    private final ApplicationEventPublisher events;

    InboundMailService(MessageMatcher matcher, InboundMessages messages, Inbox inbox, CorrespondenceLog log,
                       InboundActions actions, RequestRegistry registry, InboundProperties properties,
                       MailProperties mail, ApplicationEventPublisher events) {
        this.matcher = matcher;
        this.messages = messages;
        this.inbox = inbox;
        this.log = log;
        this.actions = actions;
        this.registry = registry;
        this.properties = properties;
        this.mail = mail;
        this.events = events;
    }

    /** What delivering a stored message came to. */
    public enum Result {
        DELIVERED(Inbox.State.DELIVERED), DELIVERY_FAILURE(Inbox.State.DELIVERED), LOGGED(Inbox.State.LOGGED),
        TRIAGE(Inbox.State.TRIAGE),
        /** Its recipient's instance does not wait for it yet (sending commits before the wait is reached): later. */
        NOT_YET_AWAITED(Inbox.State.RECEIVED);

        final Inbox.State state;

        Result(Inbox.State state) {
            this.state = state;
        }
    }

    /** What the product would do with a message, storing nothing: the administrators' dry run. */
    public Dry dryRun(byte[] raw) {
        ParsedMessage parsed = parser.parse(raw);
        return new Dry(parsed, matcher.read(parsed));
    }

    public record Dry(ParsedMessage parsed, Reading reading) {
    }

    /**
     * The mailbox reader's part: stores a fetched message whole, in its own transaction; empty when it was stored
     * already (fetched twice, or by another node).
     */
    public Optional<Long> receive(byte[] raw) {
        RawHeaders headers = RawHeaders.of(raw);
        Optional<Long> stored = inbox.store(messageId(headers.messageId(), raw), headers.from(), headers.to(),
                headers.subject(), raw);
        stored.ifPresentOrElse(id -> events.publishEvent(new InboxMessageStored(id)),
                () -> LOG.info("Message {} is stored already: taken once", headers.messageId()));
        return stored;
    }

    /** A reply through the personal link: the request and recipient are known from the signed token. */
    long receiveFromLink(String reference, String recipient, ParsedMessage parsed) {
        Match match = new Match(reference, recipient, "reply-link");
        Reading reading = new Reading(Classification.HUMAN_REPLY.name(), match, null, List.of(match));
        long id = messages.storeFromLink(new InboundMessages.Incoming(parsed.messageId(), parsed, reading),
                properties.maxAttachmentBytes());
        events.publishEvent(new InboxMessageStored(id));
        return id;
    }

    /**
     * The background work's part, inside the caller's transaction: reads the stored message (once), matches it and
     * delivers it. A passing error (locking, a lost connection) is thrown, for the caller to try again later. The
     * Message-ID and the request it belongs to go into the log context of the caller's {@link LogContext}.
     *
     * @param lastChance a reply whose instance does not wait yet goes to triage rather than waiting longer
     */
    Result deliver(long id, boolean lastChance) {
        InboundMessages.Stored stored = messages.stored(id);
        if ("LINK".equals(stored.source())) {
            LogContext.set(LogContext.REFERENCE, stored.reference());
            Match match = new Match(stored.reference(), stored.recipient(), "reply-link");
            return reply(id, match, stored.replyText(), stored.attachmentNames(), lastChance, () -> triage(id,
                    stored.from(), stored.subject(), new Reading(Classification.HUMAN_REPLY.name(), match, null,
                            List.of(match)), notAwaited(match), stored.replyText()));
        }
        ParsedMessage parsed = parser.parse(stored.raw());
        LogContext.set(LogContext.MESSAGE_ID, parsed.messageId());
        Reading reading = matcher.read(parsed);
        LogContext.set(LogContext.REFERENCE, reading.match() == null ? null : reading.match().reference());
        messages.storeReading(id, parsed, reading, oversized(parsed) ? "attachment over "
                + properties.maxAttachmentBytes() + " bytes kept only in the raw source" : null,
                properties.maxAttachmentBytes());
        if (reading.answersARequest()) {
            return reply(id, reading.match(), parsed.replyText(), attachmentNames(parsed), lastChance,
                    () -> triage(id, parsed.from(), parsed.subject(), reading, notAwaited(reading.match()),
                            parsed.replyText()));
        }
        if (Classification.AUTO_REPLY.name().equals(reading.classification())) {
            return Result.LOGGED;
        }
        if (Classification.READ_RECEIPT.name().equals(reading.classification())) {
            // verified as a reply is (its own sender, a signed key or the subject tag): else only logged, not applied
            if (reading.match() != null && reading.problem() == null) {
                registry.acknowledge(reading.match().reference(), reading.match().recipient(), Receipt.READ_RECEIPT);
            }
            return Result.LOGGED;
        }
        if (Classification.BOUNCE.name().equals(reading.classification()) && reading.match() != null) {
            if (!parsed.bounce().permanent()) {
                return Result.LOGGED;
            }
            // a permanent failure ends a recipient's wait only on evidence: one with a problem goes to triage
            if (reading.problem() == null) {
                return actions.deliveryFailed(reading.match(), bounceReason(parsed)) ? Result.DELIVERY_FAILURE
                        : Result.LOGGED;
            }
        }
        return triage(id, parsed.from(), parsed.subject(), reading, reading.problem(), parsed.replyText());
    }

    private Result reply(long id, Match match, String replyText, List<String> attachmentNames, boolean lastChance,
                         java.util.function.Supplier<Result> otherwise) {
        if (actions.replyReceived(match, id, replyText, attachmentNames)) {
            return Result.DELIVERED;
        }
        return !lastChance && sentAndUnanswered(match) ? Result.NOT_YET_AWAITED : otherwise.get();
    }

    /** The registry says the recipient awaits a reply: its instance is about to wait for it. */
    private boolean sentAndUnanswered(Match match) {
        return registry.recipients(match.reference()).stream().anyMatch(recipient ->
                recipient.code().equals(match.recipient()) && recipient.state() == RecipientState.AWAITING_REPLY);
    }

    private static String notAwaited(Match match) {
        return "request " + match.reference() + " is not awaiting a reply from " + match.recipient()
                + " (answered or closed)";
    }

    /** An officer attached a message in triage: deliver it as the recipient's reply. */
    public void attach(long correspondenceId, String reference, String recipient) {
        CorrespondenceLog.Message message = log.message(correspondenceId)
                .filter(found -> found.entry().direction() == CorrespondenceEntry.Direction.IN)
                .orElseThrow(() -> new IllegalArgumentException("No inbound message " + correspondenceId));
        Match match = new Match(reference, recipient, "triage");
        if (!actions.replyReceived(match, correspondenceId, message.replyText(), message.attachments())) {
            throw new IllegalArgumentException("reference/recipient: " + reference + " / " + recipient
                    + " no espera respuesta / is not awaiting a reply");
        }
        messages.assign(correspondenceId, reference, recipient, "triage");
    }

    private Result triage(long id, String from, String subject, Reading reading, String reason, String replyText) {
        actions.triage(id, from, subject, reading.classification(), replyText, reason, reading.suggestions());
        return Result.TRIAGE;
    }

    private static List<String> attachmentNames(ParsedMessage parsed) {
        return parsed.attachments().stream().map(ReceivedAttachment::filename).toList();
    }

    private static String bounceReason(ParsedMessage parsed) {
        BounceReport bounce = parsed.bounce();
        return String.join(", ", bounce.addresses()) + ": " + bounce.status()
                + (bounce.reason() == null ? "" : " " + bounce.reason());
    }

    private boolean oversized(ParsedMessage parsed) {
        return parsed.attachments().stream().anyMatch(a -> a.content().length > properties.maxAttachmentBytes());
    }

    /** A message without Message-ID gets one made from its content, so that fetching it twice still finds it. */
    private String messageId(String messageId, byte[] raw) {
        if (messageId != null && !messageId.isBlank()) {
            return messageId.trim();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<no-message-id." + HexFormat.of().formatHex(digest, 0, 16) + "@" + mail.domain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
