package org.rcm.requests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.TestPostgres;

/**
 * N whole request lifecycles through the product (REST start, draft, three Troika approvals, two request emails, one
 * emailed reply per recipient read over IMAP IDLE and correlated, two reviews accepted, request closed), and the same
 * N through the bare engine running a process of the same shape ({@link BaselineLifecycle}); prints throughput and
 * latencies side by side with their ratio, the product's start-up time and heap. A benchmark, not a test:
 * {@code ./mvnw -Pbench verify -Dtest=LifecycleBenchmark [-Dbench.n=1000] [-Dbench.db=h2|postgres]
 * [-Dbench.workers=8]}. Appends to {@code target/bench/lifecycle.csv}.
 */
@Tag("benchmark")
class LifecycleBenchmark {

    private static final int N = Integer.getInteger("bench.n", 1_000);
    private static final int WORKERS = Integer.getInteger("bench.workers", 8);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 40);
    private static final String DB = System.getProperty("bench.db", "h2");
    private static final Path CSV = Path.of("target", "bench", "lifecycle.csv");

    record Row(String metric, double product, double baseline) {

        double ratio() {
            return product / baseline;
        }
    }

    @Test
    void productAgainstBareEngine() throws Exception {
        EmbeddedPostgres postgres = DB.equals("postgres") ? TestPostgres.start() : null;
        try {
            TestMailServer.purge();
            long productStartup;
            long readyUptime;
            long heapAfterStart;
            long heapAfterRun;
            Pipeline.Result product;
            try (ProductLifecycle app = new ProductLifecycle(postgres == null ? null
                    : TestPostgres.url(postgres, "interagency"), Map.of())) {
                productStartup = app.startupMillis();
                readyUptime = app.readyUptimeMillis();
                heapAfterStart = heapUsed();
                Pipeline.run(app, 0, WARM_UP, WORKERS);
                product = Pipeline.run(app, WARM_UP, N, WORKERS);
                heapAfterRun = heapUsed();
            }
            Pipeline.Result baseline;
            long baselineStartup;
            long baselineHeapAfterRun;
            try (BaselineLifecycle engine = postgres == null
                    ? new BaselineLifecycle("jdbc:h2:mem:baseline;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;"
                            + "QUERY_CACHE_SIZE=256", "sa", "")
                    : new BaselineLifecycle(TestPostgres.createDatabase(postgres, "baseline"), TestPostgres.USER,
                            TestPostgres.PASSWORD)) {
                baselineStartup = engine.startupMillis();
                Pipeline.run(engine, 0, WARM_UP, WORKERS);
                baseline = Pipeline.run(engine, WARM_UP, N, WORKERS);
                baselineHeapAfterRun = heapUsed();
            }
            assertThat(product.timings()).as("product lifecycles completed").hasSize(N);
            assertThat(baseline.timings()).as("baseline lifecycles completed").hasSize(N);

            List<Row> rows = new ArrayList<>();
            rows.add(new Row("lifecycles per second", product.perSecond(), baseline.perSecond()));
            addPercentiles(rows, "start -> sent", product, baseline, t -> new long[] {t.startToSent()});
            addPercentiles(rows, "reply delivered -> Task_ReviewReply", product, baseline,
                    Lifecycle.Timings::replyLatencies);
            addPercentiles(rows, "whole lifecycle", product, baseline, t -> new long[] {t.whole()});
            rows.add(new Row("start-up ms", productStartup, baselineStartup));
            rows.add(new Row("heap used after start MB", heapAfterStart / 1e6, Double.NaN));
            rows.add(new Row("heap used after run MB", heapAfterRun / 1e6, baselineHeapAfterRun / 1e6));
            print(rows, readyUptime);
            write(rows);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void addPercentiles(List<Row> rows, String name, Pipeline.Result product, Pipeline.Result baseline,
                                       java.util.function.Function<Lifecycle.Timings, long[]> values) {
        Percentiles p = Percentiles.of(flatten(product, values));
        Percentiles b = Percentiles.of(flatten(baseline, values));
        rows.add(new Row(name + " median ms", p.median(), b.median()));
        rows.add(new Row(name + " p95 ms", p.p95(), b.p95()));
    }

    private static long[] flatten(Pipeline.Result result, java.util.function.Function<Lifecycle.Timings, long[]> values) {
        return result.timings().stream().map(values).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    /** Heap in use after a full collection: what the application keeps, not what it has yet to collect. */
    private static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void print(List<Row> rows, long readyUptime) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nLifecycle benchmark: %s, N=%d, %d workers, %d cores, Java %s%n", DB,
                N, WORKERS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(String.format(Locale.ROOT, "%-45s | %10s | %10s | %6s%n", "metric", "product", "baseline", "ratio"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-45s | %10.1f | %10.1f | %6.2f%n", row.metric(), row.product(),
                    row.baseline(), row.ratio()));
        }
        out.append(String.format(Locale.ROOT, "JVM uptime at \"Started Application\": %d ms%n", readyUptime));
        System.out.println(out);
    }

    private static void write(List<Row> rows) throws IOException {
        Files.createDirectories(CSV.getParent());
        if (!Files.exists(CSV)) {
            Files.writeString(CSV, "time,db,n,workers,metric,product,baseline,ratio\n");
        }
        StringBuilder lines = new StringBuilder();
        String when = Instant.now().toString();
        for (Row row : rows) {
            lines.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%.1f,%.1f,%.3f%n", when, DB, N, WORKERS,
                    row.metric(), row.product(), row.baseline(), row.ratio()));
        }
        Files.writeString(CSV, lines, StandardOpenOption.APPEND);
    }
}
