package org.rcm.requests.mail.outbound;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail ({@code app.mail.outbound}).
 *
 * @param readReceipts                   a request that asks for an acknowledgement of receipt also asks the
 *                                       recipient's mail program for a read receipt
 *                                       ({@code Disposition-Notification-To}, RFC 8098); off by default
 * @param maxAutomaticPerRecipientPerDay automatic messages (reminders, escalations, approval reminders) one
 *                                       recipient gets in a day at most; the next ones are held to the next day (3)
 */
@Validated
@ConfigurationProperties("app.mail.outbound")
public record OutboundProperties(boolean readReceipts, @Positive Integer maxAutomaticPerRecipientPerDay) {

    public OutboundProperties {
        maxAutomaticPerRecipientPerDay = maxAutomaticPerRecipientPerDay == null ? 3 : maxAutomaticPerRecipientPerDay;
    }
}
