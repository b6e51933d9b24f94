package org.rcm.requests.mail.outbound;

import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.mail.MailSigning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.FocalPoints;
import org.rcm.requests.directory.Party;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestText;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends one message of a request to one party of the directory, in the party's language. The Message-ID is
 * recorded in the correspondence log before the hand-off to the mail server; a retry after a failure sends the
 * same message with the same Message-ID. Message-ID, Reply-To and envelope sender carry the keys of
 * {@link MailSigning}. Automatic messages are marked as such (RFC 3834) and limited per recipient and day
 * ({@link AutomaticMailLimit}): one over the limit is held, not sent, and this returns its Message-ID all the same.
 * The hand-off itself is {@link SmtpHandOff}'s (counted, logged with the reference and Message-ID).
 */
@Service
public class OutboundMailService {

    private final Directory directory;
    private final RequestRegistry registry;
    private final CorrespondenceLog log;
    private final PendingMessages pending;
    private final MailComposer composer;
    private final JavaMailSenderImpl sender;
    private final MailProperties properties;
    private final ReplyLinks replyLinks;
    private final MailSigning signing;
    private final AutomaticMailLimit limit;
    private final OutboundProperties outbound;
    private final SmtpHandOff handOff;
    private final FocalPoints focalPoints;

    OutboundMailService(Directory directory, RequestRegistry registry, CorrespondenceLog log, PendingMessages pending,
                        MailComposer composer, JavaMailSenderImpl sender, MailProperties properties,
                        ReplyLinks replyLinks, MailSigning signing, AutomaticMailLimit limit,
                        OutboundProperties outbound, SmtpHandOff handOff, FocalPoints focalPoints) {
        this.directory = directory;
        this.registry = registry;
        this.log = log;
        this.pending = pending;
        this.composer = composer;
        this.sender = sender;
        this.properties = properties;
        this.replyLinks = replyLinks;
        this.signing = signing;
        this.limit = limit;
        this.outbound = outbound;
        this.handOff = handOff;
        this.focalPoints = focalPoints;
    }

    /**
     * @param about the recipient a message is about when it goes to someone else (escalations, approval reminders)
     * @param clarification the question of a clarification, or null
     * @return the Message-ID
     */
    public String send(String reference, String to, MailKind kind, String about, String clarification) {
        Optional<String> held = kind.automatic() ? limit.heldFor(reference, to, kind, about) : Optional.empty();
        if (held.isPresent()) {
            return held.get(); // a message held for tomorrow says the same: it goes out then, and this one not at all
        }
        RequestDetails request = registry.find(reference)
                .orElseThrow(() -> new IllegalStateException("No request " + reference + " in the registry"));
        // what a recipient is to answer goes to its focal point for the request's topic, when it has one
        Party party = kind.answerable() ? focalPoints.addressee(directory.get(to), registry.topic(reference).orElse(null))
                : directory.get(to);
        ComposedMail mail = composer.compose(kind, party.language(),
                model(kind, request, party, about == null ? party : directory.get(about), clarification));
        PendingMessages.Pending recorded = log.findPending(reference, to, kind.name())
                .map(entry -> new PendingMessages.Pending(entry.id(), entry.messageId()))
                .orElseGet(() -> pending.record(reference, to, kind, party, mail.subject()));
        String messageId = recorded.messageId();
        if (kind.automatic() && !limit.admits(to, recorded.id(), about)) {
            return messageId;
        }
        try {
            MimeMessage message = new StableIdMimeMessage(sender.getSession(), messageId,
                    signing.returnPath(recorded.id()));
            MimeMessageHelper helper = new SharedTypesMessageHelper(message);
            helper.setFrom(new InternetAddress(properties.secretariatAddress(), properties.secretariatName(), "UTF-8"));
            helper.setReplyTo(new InternetAddress(kind.answerable() ? signing.replyAddress(reference, to)
                    : properties.secretariatAddress(), properties.secretariatName(), "UTF-8"));
            helper.setTo(new InternetAddress(party.email(), party.contactName(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (kind == MailKind.REQUEST) {
                for (var attachment : registry.attachments(reference)) {
                    helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                            attachment.contentType());
                }
            }
            message.setHeader("X-CRM-Reference", reference);
            if (kind.automatic()) {
                // RFC 3834: no responder should answer it; Exchange also leaves out its out-of-office replies
                message.setHeader("Auto-Submitted", "auto-generated");
                message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            }
            if (kind == MailKind.REQUEST && request.acknowledgement() && outbound.readReceipts()) {
                message.setHeader("Disposition-Notification-To", properties.secretariatAddress());
            }
            handOff.send(message, messageId, kind, reference, to);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailSendingException("Could not build " + kind + " " + messageId + ": " + e.getMessage(), e);
        } catch (MailException e) {
            throw new MailSendingException("Mail server did not take " + kind + " " + messageId + " to " + to
                    + ": " + e.getMessage(), e);
        }
        log.markSent(messageId);
        return messageId;
    }

    private Map<String, Object> model(MailKind kind, RequestDetails request, Party party, Party about, String clarification) {
        Locale locale = Locale.forLanguageTag(party.language());
        LocalDate due = request.recipients().stream().filter(r -> r.code().equals(about.code())).findFirst()
                .map(RequestDetails.Recipient::replyDue).orElse(request.replyDue());
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        // the text in the recipient's language, else the request's own with a line saying which language it is in
        RequestText text = RequestText.choose(registry.texts(request.reference()), party.language());
        model.put("subject", text.subject());
        model.put("body", text.body());
        model.put("textLanguage", text.language());
        MailNames.put(model, party, about, party.language());
        model.put("contactName", party.contactName());
        model.put("replyDue", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(due));
        model.put("clarification", clarification);
        if (kind.answerable()) {
            model.put("replyLink", replyLinks.linkFor(request.reference(), party.code()));
        }
        if (kind == MailKind.REQUEST && request.acknowledgement()) {
            model.put("receiptLink", replyLinks.receiptLinkFor(request.reference(), party.code()));
        }
        model.put("secretariatName", properties.secretariatName());
        model.put("secretariatAddress", properties.secretariatAddress());
        return model;
    }

    /**
     * Spring's helper looks up the MIME types of attachments in a map it builds anew, scanning the class path, for every
     * message that is not one of its own sender's (ours keeps a Message-ID and return path of its own): a profile of
     * the lifecycle benchmark found that per email. One map serves every message.
     */
    private static final class SharedTypesMessageHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = types();

        SharedTypesMessageHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static FileTypeMap types() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }
}
