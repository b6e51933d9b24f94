package org.rcm.requests.bench;

import org.springframework.test.context.TestPropertySource;

/** Reply latency with IMAP IDLE: the server tells the application at once. */
@TestPropertySource(properties = {"app.mail.inbound.mode=idle", "app.mail.inbound.poll-interval=PT10S"})
class InboundLatencyIdleBenchmark extends InboundLatencyBenchmark {

    @Override
    String mode() {
        return "idle";
    }
}
