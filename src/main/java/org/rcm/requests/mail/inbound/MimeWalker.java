package org.rcm.requests.mail.inbound;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;

/**
 * Walks the MIME tree once and sorts every part: readable text, attachment, delivery-status report, or message
 * returned by a report. Nothing here throws: a part that cannot be read is skipped or read as plain bytes.
 */
final class MimeWalker {

    private static final int MAX_DEPTH = 20; // a hostile nesting must not exhaust the stack
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf", "text/csv", "csv", "text/plain", "txt", "text/html", "html",
            "message/rfc822", "eml", "application/zip", "zip", "text/calendar", "ics");

    private MimeWalker() {
    }

    static MailContent walk(MimePart message) {
        MailContent content = new MailContent();
        MimeType type = MimeType.of(message);
        content.report = type.base().equals("multipart/report");
        String reportType = content.report ? type.param("report-type") : null;
        content.reportType = reportType == null ? null : reportType.trim().toLowerCase(Locale.ROOT);
        walk(message, type, content, 0, false);
        return content;
    }

    private static void walk(Part part, MimeType type, MailContent out, int depth, boolean inReport) {
        if (depth > MAX_DEPTH) {
            return;
        }
        String base = type.base();
        if (base.startsWith("multipart/")) {
            walkMultipart(part, type, out, depth, inReport);
        } else if (base.equals("message/delivery-status") || base.equals("message/global-delivery-status")
                || base.equals("text/delivery-status")) {
            out.deliveryStatusTexts.add(text(part, type));
        } else if (inReport && (base.equals("message/rfc822") || base.equals("message/global"))) {
            returnedIds(part, out); // the message that bounced, not an attachment of ours
        } else if (base.equals("text/rfc822-headers") || base.equals("message/rfc822-headers")) {
            returnedIds(part, out);
        } else if (base.equals("message/disposition-notification")) {
            originalOfReceipt(part, type, out); // a read receipt's machine part: no attachment, but names our message
        } else if (isAttachment(part, type)) {
            out.attachments.add(attachment(part, type));
        } else if (base.equals("text/html")) {
            out.chunks.add(new MailContent.TextChunk(MailContent.Kind.HTML, text(part, type)));
        } else if (base.equals("text/plain") || base.isEmpty()) { // no usable type: read it as text
            out.chunks.add(new MailContent.TextChunk(MailContent.Kind.PLAIN, text(part, type)));
        }
        // anything else (unnamed inline images, audio, ...) is neither readable text nor a file anyone named
    }

    private static void walkMultipart(Part part, MimeType type, MailContent out, int depth, boolean inReport) {
        MimeMultipart multipart;
        int count;
        try {
            multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
            count = multipart.getCount();
        } catch (Exception e) {
            // No usable boundary: keep the whole body as text so that nothing the sender wrote is lost.
            out.brokenMultipart = true;
            out.chunks.add(new MailContent.TextChunk(MailContent.Kind.PLAIN,
                    Charsets.decode(PartBytes.raw(part), type.param("charset"))));
            return;
        }
        boolean report = inReport || type.base().equals("multipart/report");
        if (type.base().equals("multipart/alternative")) {
            walkAlternative(multipart, count, out, depth, report);
            return;
        }
        for (int i = 0; i < count; i++) {
            Part child = bodyPart(multipart, i);
            if (child != null) {
                walk(child, MimeType.of(child), out, depth + 1, report);
            }
        }
    }

    /** Of several renderings of the same text, the plain one is kept (it needs no conversion); else the last. */
    private static void walkAlternative(MimeMultipart multipart, int count, MailContent out, int depth, boolean report) {
        MailContent chosen = null;
        for (int i = 0; i < count; i++) {
            Part child = bodyPart(multipart, i);
            if (child == null) {
                continue;
            }
            MailContent candidate = new MailContent();
            walk(child, MimeType.of(child), candidate, depth + 1, report);
            out.attachments.addAll(candidate.attachments);
            out.deliveryStatusTexts.addAll(candidate.deliveryStatusTexts);
            out.returnedMessageIds.addAll(candidate.returnedMessageIds);
            out.brokenMultipart |= candidate.brokenMultipart;
            if (candidate.chunks.isEmpty()) {
                continue;
            }
            if (chosen == null || !chosen.hasPlain()) {
                chosen = candidate;
            }
        }
        if (chosen != null) {
            out.chunks.addAll(chosen.chunks);
        }
    }

    private static Part bodyPart(MimeMultipart multipart, int i) {
        try {
            return multipart.getBodyPart(i);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isAttachment(Part part, MimeType type) {
        if (fileName(part, type) != null) {
            return true;
        }
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (Exception e) {
            disposition = null;
        }
        // Unnamed documents and data still matter (a PDF without a filename, an inline CSV or calendar);
        // unnamed inline images do not.
        String base = type.base();
        return "attachment".equalsIgnoreCase(disposition) || base.startsWith("application/")
                || base.startsWith("message/")
                || base.startsWith("text/") && !base.equals("text/plain") && !base.equals("text/html");
    }

    private static ReceivedAttachment attachment(Part part, MimeType type) {
        String name = fileName(part, type);
        if (name == null) {
            name = "attachment." + EXTENSIONS.getOrDefault(type.base(), "bin");
        }
        String contentType = type.base().isEmpty() ? "application/octet-stream" : type.base();
        return new ReceivedAttachment(name, contentType, PartBytes.decoded(part));
    }

    private static String fileName(Part part, MimeType type) {
        String name;
        try {
            name = part.getFileName();
        } catch (Exception e) {
            name = null;
        }
        if (name == null) {
            name = type.param("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        return EncodedWords.decode(name).trim();
    }

    private static String text(Part part, MimeType type) {
        return Charsets.decode(PartBytes.decoded(part), type.param("charset"));
    }

    private static void returnedIds(Part part, MailContent out) {
        try (InputStream in = part.getInputStream()) {
            String id = MessageIds.first(new InternetHeaders(in).getHeader("Message-ID", null));
            if (id != null) {
                out.returnedMessageIds.add(id);
            }
        } catch (Exception e) {
            // headers unreadable: the report is still a report
        }
    }

    private static void originalOfReceipt(Part part, MimeType type, MailContent out) {
        for (String line : text(part, type).split("\\r?\\n")) {
            if (line.regionMatches(true, 0, "Original-Message-ID:", 0, 20)) {
                String id = MessageIds.first(line.substring(20));
                if (id != null) {
                    out.returnedMessageIds.add(id);
                }
            } else if (line.regionMatches(true, 0, "Disposition:", 0, 12) && line.indexOf(';') > 0) {
                // "Disposition: automatic-action/MDN-sent-automatically; displayed": the type after the mode
                String disposition = line.substring(line.indexOf(';') + 1).trim().split("[/\\s]", 2)[0];
                out.disposition = disposition.toLowerCase(Locale.ROOT);
            }
        }
    }
}
