package org.rcm.requests.bench;

/**
 * One system under test of {@link LifecycleBenchmark}: the product or the bare engine, driven through the same steps.
 * {@link #run(int)} drives one lifecycle end to end on the calling thread and returns its timestamps.
 */
interface Lifecycle extends AutoCloseable {

    /** Start-up wall time in milliseconds. */
    long startupMillis();

    Timings run(int number) throws Exception;

    /**
     * Epoch milliseconds of one lifecycle: start (before the request is started), both request emails out, each
     * reply handed over and its review task created, and the request closed.
     */
    record Timings(long started, long sent, long[] replyLatencies, long closed) {

        long startToSent() {
            return sent - started;
        }

        long whole() {
            return closed - started;
        }
    }
}
