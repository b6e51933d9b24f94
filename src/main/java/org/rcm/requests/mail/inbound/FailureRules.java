package org.rcm.requests.mail.inbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hard or soft, and the status code when the report gives none. Hard means the address will not work (unknown user,
 * moved, rejected); soft means try again later (full mailbox, timeouts, delays), because a full mailbox usually
 * empties and treating it as hard would drop a country or organization from a request by mistake.
 */
final class FailureRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern USER_UNKNOWN = Pattern.compile("user unknown|unknown user|no such user|user not found|"
            + "recipient not found|address rejected|does not exist|doesn't exist|not exist|mailbox unavailable|"
            + "mailbox not found|no mailbox|invalid recipient|invalid mailbox|recipient unknown|unknown recipient|"
            + "no longer|recipnotfound|recipientnotfound|address not found|wasn't found|unknown address|"
            + "usuario desconocido|no existe|destinatario desconocido", FLAGS);
    private static final Pattern MAILBOX_FULL = Pattern.compile("mailbox (?:is )?full|over ?quota|quota exceeded|"
            + "exceeded (?:the |its |storage )?(?:storage|quota)|insufficient (?:system )?storage|mailbox size limit|"
            + "buz[oó]n (?:est[aá] )?lleno|mailbox full", FLAGS);
    private static final Pattern TEMPORARY = Pattern.compile("delayed|temporar|will be retried|will retry|"
            + "warning message only|still trying|retrying|try again later|deferred|timed out|timeout", FLAGS);
    private static final Pattern PERMANENT = Pattern.compile("permanent|failed permanently|fatal error|"
            + "I've given up|could not be delivered|couldn't be delivered|undeliverable|delivery has failed|"
            + "error permanente", FLAGS);
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.])([245])\\d\\d(?![\\d.])");

    private FailureRules() {
    }

    /** Permanence of a recipient's failure, from the DSN action and status and the diagnostic text. */
    static boolean permanent(String action, String status, String diagnostic) {
        String diag = diagnostic == null ? "" : diagnostic;
        if (isMailboxFull(status, diag) || "delayed".equals(action)) {
            return false;
        }
        if (status != null && status.startsWith("5")) {
            return true;
        }
        if (status != null && status.startsWith("4")) {
            // Some servers answer 4.x.x for an unknown user and the MTA gives up: that address is gone.
            return "failed".equals(action) && (status.startsWith("4.1.") || USER_UNKNOWN.matcher(diag).find())
                    && !TEMPORARY.matcher(diag).find();
        }
        if (USER_UNKNOWN.matcher(diag).find()) {
            return true;
        }
        if (TEMPORARY.matcher(diag).find()) {
            return false;
        }
        Matcher code = SMTP_CODE.matcher(diag);
        if (code.find()) {
            return code.group(1).equals("5");
        }
        return "failed".equals(action) || PERMANENT.matcher(diag).find();
    }

    static boolean isMailboxFull(String status, String diagnostic) {
        return status != null && status.matches("[45]\\.2\\.2")
                || diagnostic != null && MAILBOX_FULL.matcher(diagnostic).find();
    }

    /** The enhanced status code in a text, else one derived from a basic SMTP code ("550" gives "5.0.0"), else null. */
    static String statusIn(String text) {
        String status = DeliveryStatusParser.status(text);
        if (status != null || text == null) {
            return status;
        }
        Matcher code = SMTP_CODE.matcher(text);
        return code.find() ? code.group(1) + ".0.0" : null;
    }

    /** A status for a failure whose report states none, consistent with its permanence. */
    static String inferredStatus(boolean permanent, String diagnostic) {
        if (permanent) {
            return diagnostic != null && USER_UNKNOWN.matcher(diagnostic).find() ? "5.1.1" : "5.0.0";
        }
        return isMailboxFull(null, diagnostic) ? "4.2.2" : "4.0.0";
    }

    private static final Pattern OTHER_CAUSE = Pattern.compile("timed out|connection refused|host not found|"
            + "domain not found|no route to host|relaying denied|relay access denied|blocked|blacklist|spam|"
            + "message too large|size limit", FLAGS);

    /** Whether a line states a concrete cause (unknown user, full mailbox, timeout) rather than "delivery failed". */
    static boolean namesCause(String text) {
        return text != null && (USER_UNKNOWN.matcher(text).find() || MAILBOX_FULL.matcher(text).find()
                || OTHER_CAUSE.matcher(text).find());
    }
}
