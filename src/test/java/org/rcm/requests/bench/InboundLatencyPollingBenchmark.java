package org.rcm.requests.bench;

import org.springframework.test.context.TestPropertySource;

/** Reply latency with polling every 10 seconds (the default interval). */
@TestPropertySource(properties = {"app.mail.inbound.mode=poll", "app.mail.inbound.poll-interval=PT10S"})
class InboundLatencyPollingBenchmark extends InboundLatencyBenchmark {

    @Override
    String mode() {
        return "poll";
    }
}
