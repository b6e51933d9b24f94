package org.rcm.requests.bench;

import org.springframework.test.context.TestPropertySource;

/** Reply latency with IMAP IDLE: the server tells the application at once. */
@TestPropertySource(properties = "app.mail.inbound.mode=idle")
class InboundLatencyIdleBenchmark extends InboundLatencyBenchmark {

    @Override
    String mode() {
        return "idle";
    }
}
