package org.rcm.requests.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcm.requests.mail.inbound.MessageParser;
import org.rcm.requests.mail.inbound.ParsedMessage;
import org.rcm.requests.signing.SigningKey;
import org.rcm.requests.signing.SigningProperties;

/**
 * The keys of outgoing mail: what was signed verifies, also as mail software rewrites it (case, brackets, folding);
 * a changed key part, a key of another message or recipient, a guessed or unsigned one, or another secret does not.
 */
class MailSigningTest {

    private static final String LOCAL = "crm-2026-0007.iom.request.1";

    private final MailSigning signing = signing("key-one");

    private static MailSigning signing(String secret) {
        return new MailSigning(new SigningKey(new SigningProperties(secret), null),
                new MailProperties("secretaria@crm.example.org", "Secretaría Técnica"));
    }

    @Test
    void aMessageIdEndsInItsKeyAndVerifies() {
        String id = signing.messageId("CRM-2026-0007.IOM.request.1");

        assertThat(id).as("Message-ID")
                .matches("<crm-2026-0007\\.iom\\.request\\.1\\.[a-z2-7]{16}@crm\\.example\\.org>");
        assertThat(signing.isSigned(id)).as("verifies").isTrue();
        assertThat(signing.messageId(LOCAL)).as("made again").isEqualTo(id);
    }

    @Test
    void aMessageIdVerifiesAsMailSoftwareRewritesIt() {
        String id = signing.messageId(LOCAL);

        assertThat(signing.isSigned(id.toUpperCase(Locale.ROOT))).as("upper case").isTrue();
        assertThat(signing.isSigned(id.substring(1, id.length() - 1))).as("without brackets").isTrue();
        assertThat(signing.isSigned(" " + id + "\r\n")).as("with the space of a folded header").isTrue();
    }

    @Test
    void aMessageIdFromAFoldedAndRecasedReplyHeaderVerifies() {
        String id = signing.messageId(LOCAL);
        String other = signing.messageId("crm-2026-0007.iom.reminder.1");
        ParsedMessage reply = new MessageParser().parse(("From: Focal point <focal.point@iom.example.org>\r\n"
                + "To: secretaria@crm.example.org\r\n"
                + "Message-ID: <answer-1@iom.example.org>\r\n"
                + "In-Reply-To: " + other.toUpperCase(Locale.ROOT) + "\r\n"
                + "References: <thread-start@iom.example.org>\r\n\t" + id + "\r\n " + other + "\r\n"
                + "Subject: Re: request\r\n\r\nThe figures follow.\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.references()).as("References, unfolded").hasSize(3);
        assertThat(reply.references()).filteredOn(signing::isSigned).as("signed ones").containsExactly(id, other);
        assertThat(signing.isSigned(reply.inReplyTo())).as("In-Reply-To upper-cased by the mail client").isTrue();
    }

    @Test
    void aMessageIdWithAChangedKeyPartDoesNotVerify() {
        String id = signing.messageId(LOCAL);
        int at = id.indexOf('@');
        char last = id.charAt(at - 1);
        String altered = id.substring(0, at - 1) + (last == 'a' ? 'b' : 'a') + id.substring(at);
        String truncated = id.substring(0, at - 1) + id.substring(at);

        assertThat(signing.isSigned(altered)).as("one character of the key changed").isFalse();
        assertThat(signing.isSigned(truncated)).as("key cut short").isFalse();
    }

    @Test
    void theKeyOfOneMessageDoesNotVerifyAnother() {
        String id = signing.messageId(LOCAL);
        String key = id.substring(id.lastIndexOf('.', id.indexOf('@')) + 1, id.indexOf('@'));

        assertThat(signing.isSigned("<crm-2026-0008.iom.request.1." + key + "@crm.example.org>"))
                .as("other reference, same key part").isFalse();
        assertThat(signing.isSigned("<crm-2026-0007.paho.request.1." + key + "@crm.example.org>"))
                .as("other recipient, same key part").isFalse();
        assertThat(signing("key-two").isSigned(id)).as("signed with another secret").isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<crm-2026-0007.iom.request.1@crm.example.org>", "<abc@crm.example.org>",
            "<crm-2026-0007.iom.request.1.aaaaaaaaaaaaaaaa@crm.example.org>", "<@>", "<.@>", "no id at all"})
    void guessedAndUnsignedMessageIdsDoNotVerify(String id) {
        assertThat(signing.isSigned(id)).as("'%s'", id).isFalse();
    }

    @Test
    void aReplyAddressNamesItsRequestAndRecipient() {
        String address = signing.replyAddress("CRM-2026-0007", "IOM");

        assertThat(address).as("reply address")
                .matches("secretaria\\+crm-2026-0007-iom-[a-z2-7]{16}@crm\\.example\\.org");
        assertThat(signing.addresseeOf(address)).as("read back").hasValue(
                new MailSigning.Addressee("CRM-2026-0007", "IOM"));
        assertThat(signing.addresseeOf(address.toUpperCase(Locale.ROOT))).as("upper case").isPresent();
        assertThat(signing.addresseeOf("<" + address + ">")).as("in brackets").isPresent();
    }

    @Test
    void aRecipientCodeWithHyphensReadsBack() {
        assertThat(signing.addresseeOf(signing.replyAddress("CRM-2026-0007", "UN-WOMEN"))).as("read back")
                .hasValue(new MailSigning.Addressee("CRM-2026-0007", "UN-WOMEN"));
    }

    @Test
    void aReplyAddressWithAnotherRequestRecipientOrKeyDoesNotVerify() {
        String address = signing.replyAddress("CRM-2026-0007", "IOM");
        String key = address.substring(address.lastIndexOf('-') + 1, address.indexOf('@'));

        assertThat(signing.addresseeOf("secretaria+crm-2026-0008-iom-" + key + "@crm.example.org"))
                .as("other request, same key").isEmpty();
        assertThat(signing.addresseeOf("secretaria+crm-2026-0007-paho-" + key + "@crm.example.org"))
                .as("other recipient, same key").isEmpty();
        assertThat(signing.addresseeOf(address.replace(key, key.substring(1) + "a"))).as("key changed").isEmpty();
        assertThat(signing("key-two").addresseeOf(address)).as("another secret").isEmpty();
        assertThat(signing.addresseeOf("secretaria+crm-2026-0007-iom@crm.example.org")).as("no key").isEmpty();
        assertThat(signing.addresseeOf("secretaria@crm.example.org")).as("the plain mailbox").isEmpty();
    }

    @Test
    void aReturnPathNamesItsMessage() {
        String returnPath = signing.returnPath(4711);

        assertThat(returnPath).as("return path").matches("secretaria\\+bounce-4711-[a-z2-7]{16}@crm\\.example\\.org");
        assertThat(returnPath.indexOf('@')).as("local part within SMTP's 64 characters").isLessThanOrEqualTo(64);
        assertThat(signing.messageKeyOf(returnPath)).as("read back").hasValue(4711);
        assertThat(signing.messageKeyOf(returnPath.toUpperCase(Locale.ROOT))).as("upper case").hasValue(4711);
    }

    @Test
    void aReturnPathWithAnotherMessageOrKeyDoesNotVerify() {
        String returnPath = signing.returnPath(4711);
        String key = returnPath.substring(returnPath.lastIndexOf('-') + 1, returnPath.indexOf('@'));

        assertThat(signing.messageKeyOf("secretaria+bounce-4712-" + key + "@crm.example.org"))
                .as("other message, same key").isEmpty();
        assertThat(signing.messageKeyOf("secretaria+bounce-04711-" + key + "@crm.example.org"))
                .as("same number written otherwise").isEmpty();
        assertThat(signing.messageKeyOf(returnPath.replace(key, key.substring(1) + "a"))).as("key changed").isEmpty();
        assertThat(signing("key-two").messageKeyOf(returnPath)).as("another secret").isEmpty();
    }

    @Test
    void oneKindOfKeyDoesNotStandInForAnother() {
        String returnPath = signing.returnPath(4711);
        String returnKey = returnPath.substring(returnPath.lastIndexOf('-') + 1, returnPath.indexOf('@'));
        String reply = signing.replyAddress("CRM-2026-0007", "IOM");
        String replyKey = reply.substring(reply.lastIndexOf('-') + 1, reply.indexOf('@'));

        assertThat(signing.isSigned("<4711." + returnKey + "@crm.example.org>"))
                .as("a return path's key as a Message-ID's").isFalse();
        assertThat(signing.messageKeyOf(reply)).as("a reply address as a return path").isEmpty();
        assertThat(signing.addresseeOf(returnPath)).as("a return path as a reply address").isEmpty();
        assertThat(signing.isSigned("<crm-2026-0007|iom." + replyKey + "@crm.example.org>"))
                .as("a reply address's key as a Message-ID's").isFalse();
    }
}
