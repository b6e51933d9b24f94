package org.rcm.requests.mail.inbound;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.rcm.requests.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the inbox's stored messages in the background, on several threads and on every node: a message just
 * stored is started on at once, and a poll every second picks up what is due again (a retry) or was left by a node
 * that stopped (its claim runs out). Each message is claimed by one node at a time; reading, matching, delivering
 * and settling its state happen in one transaction, so a failure leaves it {@code RECEIVED}, to be tried again
 * after a back-off, and {@code FAILED} once the tries are spent.
 */
@Component
class InboxWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** A reply whose instance does not wait yet is tried this often (about six seconds), then triaged. */
    private static final int NOT_YET_TRIES = 6;

    private final InboundMailService inbound;
    private final Inbox inbox;
    private final InboundProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = nodeName();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private ScheduledExecutorService poller;

    InboxWorker(InboundMailService inbound, Inbox inbox, InboundProperties properties,
                PlatformTransactionManager transactions, Clock clock) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    void stored(InboxMessageStored stored) {
        submit(stored.id());
    }

    /** An operator's retry of a failed message: tried again at once, its tries counted afresh. */
    boolean retry(long id) {
        if (!inbox.retry(id)) {
            return false;
        }
        submit(id);
        return true;
    }

    /** Tries one message now, on the calling thread; what the pool runs. */
    void work(long id) {
        try {
            if (!inbox.claim(id, node, LEASE)) {
                return;
            }
            int tries = inbox.attempts(id);
            try {
                InboundMailService.Result result = transaction.execute(status -> {
                    InboundMailService.Result delivered = inbound.deliver(id, tries + 1 >= NOT_YET_TRIES);
                    if (delivered == InboundMailService.Result.NOT_YET_AWAITED) {
                        inbox.retryAt(id, clock.instant().plus(backoff(tries)), "its recipient's instance does not "
                                + "wait for it yet");
                    } else {
                        inbox.settle(id, delivered.state);
                    }
                    return delivered;
                });
                LOG.info("Inbound message {}: {}", id, result);
            } catch (RuntimeException e) {
                failedTry(id, tries, e);
            }
        } finally {
            inFlight.remove(id);
        }
    }

    private void failedTry(long id, int tries, RuntimeException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (tries + 1 >= properties.maxAttempts()) {
            transaction.executeWithoutResult(status -> inbox.fail(id, error));
            LOG.error("Inbound message {} FAILED after {} tries; an operator can retry it", id, tries + 1, e);
        } else {
            Duration wait = backoff(tries);
            transaction.executeWithoutResult(status -> inbox.retryAt(id, clock.instant().plus(wait), error));
            LOG.warn("Inbound message {}: try {} failed ({}); again in {} ms", id, tries + 1, error, wait.toMillis());
        }
    }

    /** {@code retry-backoff}, doubled for each try made, at most five minutes. */
    Duration backoff(int triesMade) {
        Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(triesMade, 20));
        return wait.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : wait;
    }

    private void poll() {
        try {
            inbox.due(properties.workers() * 8).forEach(this::submit);
        } catch (RuntimeException e) {
            LOG.warn("Could not look for due inbound messages: {}", e.getMessage());
        }
    }

    private void submit(long id) {
        ExecutorService pool = workers;
        if (pool == null || !inFlight.add(id)) {
            return;
        }
        try {
            pool.execute(() -> {
                try (LogContext context = LogContext.open()) {
                    work(id);
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.remove(id);
        }
    }

    @Override
    public void start() {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), runnable -> daemon(runnable,
                "inbox-" + count.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "inbox-poll"));
        poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        poller.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers = null;
    }

    @Override
    public boolean isRunning() {
        return workers != null;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
