package org.rcm.requests.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs lifecycles on a few worker threads, each taking the next number and driving that lifecycle to its end, so
 * that several are in flight at every moment (a user finishing one task while emails of others are on their way).
 */
final class Pipeline {

    record Result(List<Lifecycle.Timings> timings, long wallMillis) {

        double perSecond() {
            return timings.size() * 1000.0 / wallMillis;
        }
    }

    private Pipeline() {
    }

    static Result run(Lifecycle lifecycle, int first, int count, int workers) throws Exception {
        List<Lifecycle.Timings> timings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(first);
        int end = first + count;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.currentTimeMillis();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int number = next.getAndIncrement(); number < end; number = next.getAndIncrement()) {
                        timings.add(lifecycle.run(number));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(List.copyOf(timings), System.currentTimeMillis() - start);
    }
}
