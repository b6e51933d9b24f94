package org.rcm.requests.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a reply link allows now: reading the page, posting an answer, or neither. A link that does not open is
 * {@code INVALID}; one past its closing grace is {@code CLOSED}; a recipient that has posted
 * {@code app.reply.max-posts-per-hour} answers in the last hour may read but not post ({@code BUSY}).
 */
@Component
class ReplyAdmission {

    static final Duration WINDOW = Duration.ofHours(1);

    enum Verdict { OPEN, INVALID, CLOSED, BUSY }

    /**
     * @param reply   the link's case; null when {@code INVALID}
     * @param retryAt when a post will be taken again; only when {@code BUSY}
     */
    record Decision(Verdict verdict, ReplyCase reply, Instant retryAt) {
    }

    private final ReplyCases cases;
    private final ReplyPostCount posts;
    private final ReplyProperties properties;
    private final Clock clock;

    ReplyAdmission(ReplyCases cases, ReplyPostCount posts, ReplyProperties properties, Clock clock) {
        this.cases = cases;
        this.posts = posts;
        this.properties = properties;
        this.clock = clock;
    }

    Decision toRead(String token) {
        Optional<ReplyCase> opened = cases.open(token);
        if (opened.isEmpty()) {
            return new Decision(Verdict.INVALID, null, null);
        }
        ReplyCase reply = opened.get();
        return new Decision(reply.stoppedAt(clock.instant()) ? Verdict.CLOSED : Verdict.OPEN, reply, null);
    }

    Decision toPost(String token) {
        Decision read = toRead(token);
        if (read.verdict() != Verdict.OPEN) {
            return read;
        }
        Instant now = clock.instant();
        ReplyPostCount.Recent recent = posts.since(read.reply().reference(), read.reply().recipient(),
                now.minus(WINDOW));
        if (recent.count() < properties.maxPostsPerHour()) {
            return read;
        }
        Instant retryAt = recent.oldest() == null ? now.plus(WINDOW) : recent.oldest().plus(WINDOW);
        return new Decision(Verdict.BUSY, read.reply(), retryAt);
    }
}
