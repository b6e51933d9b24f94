package org.rcm.requests.meeting;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo meetings of the default run ({@code demo/meetings/*.yaml}: the Panama July 2016 Ad Hoc Group), imported
 * at start-up when {@code app.demo.enabled} and {@code app.demo.meetings} are true. The import is idempotent, so a
 * restart adds nothing. Last among the start-up listeners: the drafts need the deployed process.
 */
@Component
@ConditionalOnExpression("${app.demo.enabled:false} and ${app.demo.meetings:true}")
class DemoMeetings {

    static final String LOCATION = "classpath:demo/meetings/*.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMeetings.class);

    private final MeetingImporter importer;

    DemoMeetings(MeetingImporter importer) {
        this.importer = importer;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void importDemoMeetings() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            try (InputStream in = file.getInputStream()) {
                ImportReport report = importer.importFile(in.readAllBytes(), "demo");
                LOG.info("Demo meeting {}: {} agreement(s) and {} draft request(s) added", report.meetingId(),
                        report.agreementsAdded().size(), report.requests().size());
            } catch (RuntimeException e) {
                // the demo data must not keep the application from starting
                LOG.error("Demo meeting {} not imported: {}", file.getFilename(), e.getMessage(), e);
            }
        }
    }
}
