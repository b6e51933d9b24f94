package org.rcm.requests.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;

/** An outage is logged once, again at a doubling back-off, and once at its end; never with a stack trace. */
class MailServerStatusTest {

    private final MovableClock clock = new MovableClock();
    private final MailServerStatus smtp = new MailServerStatus("SMTP", "smtp.example.org:587", clock,
            new MailHealthProperties(null, Duration.ofMinutes(1), Duration.ofMinutes(8), null));
    private final Logger logger = (Logger) LoggerFactory.getLogger(MailServerStatus.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    @Test
    void anOutageIsLoggedOnceThenAtADoublingBackOffAndOnceWhenItEnds() {
        // given: the server refuses connections; the job executor and the probe try every 10 seconds for 20 minutes
        List<Long> loggedAt = new java.util.ArrayList<>();
        for (int second = 0; second <= 20 * 60; second += 10) {
            clock.at(second);
            int before = log.list.size();
            smtp.failed(refused());
            if (log.list.size() > before) {
                loggedAt.add(second / 60L);
            }
        }

        // then: logged when it started, after 1 minute, then 2, 4 and 8 (the most) minutes: at 0, 1, 3, 7, 15 min
        assertThat(warnings()).as("warnings during a 20-minute outage tried 121 times").hasSize(5);
        assertThat(log.list.get(0).getFormattedMessage()).as("the first warning")
                .startsWith("SMTP server smtp.example.org:587 does not answer: Mail server connection failed")
                .contains("ConnectException: Connection refused");
        assertThat(loggedAt).as("minutes at which the outage was logged").containsExactly(0L, 1L, 3L, 7L, 15L);
        assertThat(log.list).as("warnings with a stack trace").allMatch(event -> event.getThrowableProxy() == null);
        assertThat(smtp.snapshot().up()).isFalse();
        assertThat(smtp.snapshot().failures()).isEqualTo(121);

        // when: it answers again, twice
        clock.at(20 * 60 + 5);
        smtp.succeeded();
        smtp.succeeded();

        // then: one line says so, and a new outage starts afresh
        List<ILoggingEvent> infos = log.list.stream().filter(event -> event.getLevel() == Level.INFO).toList();
        assertThat(infos).as("lines about the end of the outage").hasSize(1);
        assertThat(infos.get(0).getFormattedMessage()).startsWith("SMTP server smtp.example.org:587 answers again, "
                + "after PT20M5S down since");
        assertThat(smtp.snapshot().up()).isTrue();
        clock.at(30 * 60);
        smtp.failed(refused());
        assertThat(warnings()).as("warnings once a new outage starts").hasSize(6);
    }

    @Test
    void aFailureThatWasLoggedIsRecognisedInsideItsWrappers() {
        MailSendException failure = refused();
        smtp.failed(failure);

        assertThat(smtp.reported(new IllegalStateException("poll failed", failure))).isTrue();
        assertThat(smtp.reported(new IllegalStateException("another"))).isFalse();
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }

    private static MailSendException refused() {
        MessagingException connect = new MessagingException("Couldn't connect to host, port: smtp.example.org, 587",
                new ConnectException("Connection refused"));
        return new MailSendException("Mail server connection failed", connect);
    }

    /** Time as the test sets it. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.EPOCH;

        void at(long second) {
            now = Instant.EPOCH.plusSeconds(second);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
