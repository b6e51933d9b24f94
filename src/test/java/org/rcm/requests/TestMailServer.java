package org.rcm.requests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail SMTP/IMAP server on free ports for all integration tests of a run, so that the Spring context
 * they share is built once. Tests purge it before they start.
 */
public final class TestMailServer {

    public static final GreenMail MAIL = start();

    private TestMailServer() {
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("app.mail.embedded.enabled", () -> "false");
    }
}
