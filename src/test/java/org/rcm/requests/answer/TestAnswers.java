package org.rcm.requests.answer;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.TestDirectory;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real answer classes over a test database and engine, for tests of other packages (the constructors are this package's). */
public final class TestAnswers {

    private TestAnswers() {
    }

    public static Answers answers(JdbcClient jdbc, Clock clock) {
        return new Answers(jdbc, clock);
    }

    public static ReplyForms forms(RequestRegistry registry, ProcessEngine engine) {
        return new CamundaReplyForms(registry, engine.getHistoryService(), engine.getRepositoryService(),
                engine.getIdentityService());
    }

    /** The {@code replyAnswerListener} of Task_ReviewReply. */
    public static TaskListener listener(JdbcClient jdbc, Clock clock, RequestRegistry registry, Directory directory,
                                        ProcessEngine engine) {
        return new ReplyAnswerListener(forms(registry, engine), answers(jdbc, clock),
                TestDirectory.focalPoints(jdbc, clock), registry, directory);
    }
}
