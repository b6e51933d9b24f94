package org.rcm.requests.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes one inbound message: reads it, stores it whole (once per Message-ID), then delivers it — a reply to its
 * recipient's waiting instance, a bounce to the recipient's delivery-failure path — or hands it to triage. An
 * automatic reply is only logged against its request. Whatever fails after storing, the message stays stored.
 */
@Service
public class InboundMailService {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailService.class);

    private final MessageParser parser = new MessageParser();
    private final MessageMatcher matcher;
    private final InboundMessages messages;
    private final CorrespondenceLog log;
    private final InboundActions actions;
    private final ReplyDelivery replies;
    private final InboundProperties properties;
    private final MailProperties mail;

    InboundMailService(MessageMatcher matcher, InboundMessages messages, CorrespondenceLog log,
                       InboundActions actions, ReplyDelivery replies, InboundProperties properties,
                       MailProperties mail) {
        this.matcher = matcher;
        this.messages = messages;
        this.log = log;
        this.actions = actions;
        this.replies = replies;
        this.properties = properties;
        this.mail = mail;
    }

    /** What became of a message. */
    public record Outcome(Action action, Long correspondenceId, Reading reading) {
    }

    public enum Action { DELIVERED, DELIVERY_FAILURE, LOGGED, TRIAGE, DUPLICATE }

    /** What the product would do with a message, storing nothing: the administrators' dry run. */
    public Dry dryRun(byte[] raw) {
        ParsedMessage parsed = parser.parse(raw);
        return new Dry(parsed, matcher.read(parsed));
    }

    public record Dry(ParsedMessage parsed, Reading reading) {
    }

    public Outcome receive(byte[] raw) {
        ParsedMessage parsed = parser.parse(raw);
        Reading reading = matcher.read(parsed);
        String flag = oversized(parsed) ? "attachment over " + properties.maxAttachmentBytes() + " bytes kept only in "
                + "the raw source" : null;
        Optional<Long> stored = messages.store(new InboundMessages.Incoming(messageId(parsed, raw), parsed, raw,
                "EMAIL", reading, flag), properties.maxAttachmentBytes());
        if (stored.isEmpty()) {
            LOG.info("Message {} is stored already: taken once", parsed.messageId());
            return new Outcome(Action.DUPLICATE, null, reading);
        }
        return new Outcome(act(stored.get(), parsed, reading), stored.get(), reading);
    }

    /** A reply through the personal link: the request and recipient are known from the signed token. */
    long receiveFromLink(String reference, String recipient, ParsedMessage parsed) {
        Match match = new Match(reference, recipient, "reply-link");
        Reading reading = new Reading(Classification.HUMAN_REPLY.name(), match, null, List.of(match));
        long id = messages.store(new InboundMessages.Incoming(parsed.messageId(), parsed, null, "LINK", reading,
                null), properties.maxAttachmentBytes()).orElseThrow();
        act(id, parsed, reading);
        return id;
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

    private Action act(long id, ParsedMessage parsed, Reading reading) {
        try {
            if (reading.answersARequest()) {
                if (replies.deliver(reading.match(), id, parsed.replyText(), attachmentNames(parsed))) {
                    return Action.DELIVERED;
                }
                return triage(id, parsed, reading, "request " + reading.match().reference() + " is not awaiting a "
                        + "reply from " + reading.match().recipient() + " (answered or closed)");
            }
            if (Classification.AUTO_REPLY.name().equals(reading.classification())) {
                return Action.LOGGED;
            }
            if (Classification.BOUNCE.name().equals(reading.classification()) && reading.match() != null) {
                if (!parsed.bounce().permanent()) {
                    return Action.LOGGED;
                }
                if (reading.problem() != null) {
                    return triage(id, parsed, reading, reading.problem());
                }
                return actions.deliveryFailed(reading.match(), bounceReason(parsed)) ? Action.DELIVERY_FAILURE
                        : Action.LOGGED;
            }
            return triage(id, parsed, reading, reading.problem());
        } catch (RuntimeException e) {
            LOG.error("Inbound message {} is stored but could not be delivered; it goes to triage", id, e);
            return triage(id, parsed, reading, "delivery failed: " + e.getMessage());
        }
    }

    private Action triage(long id, ParsedMessage parsed, Reading reading, String reason) {
        actions.triage(id, parsed.from(), parsed.subject(), reading.classification(), parsed.replyText(), reason,
                reading.suggestions());
        return Action.TRIAGE;
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
    private String messageId(ParsedMessage parsed, byte[] raw) {
        if (parsed.messageId() != null && !parsed.messageId().isBlank()) {
            return parsed.messageId().trim();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw == null
                    ? parsed.bodyText().getBytes(StandardCharsets.UTF_8) : raw);
            return "<no-message-id." + HexFormat.of().formatHex(digest, 0, 16) + "@" + mail.domain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
