package org.creditbank.ledger.tools.bench;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent at a fixed rate whatever the answers' pace (open loop), each timed from the instant it was due, not
 * from when a worker got round to sending it: a stalled server or a late worker counts against every request it held
 * back (no coordinated omission).
 *
 * <p>Each worker thread sends one request at a time on its own kept-alive connection and reads the whole answer.
 * There are enough workers to keep sending through a stall of {@code workers / rate} seconds; past that the
 * requests wait, and their waiting counts.
 */
public final class OpenLoad implements AutoCloseable {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private final int workers;
    private final CloseableHttpClient client;
    private final java.util.Map<String, String> headers;

    /** @param headers sent with every request (the officer's bearer token, say) */
    OpenLoad(int workers, java.util.Map<String, String> headers) {
        this.workers = workers;
        this.headers = java.util.Map.copyOf(headers);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(workers).setMaxConnPerRoute(workers).build();
        this.client = HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries().build();
    }

    /** The answered requests' latencies (nanos), how many failed, and the first failure's reason. */
    record Result(List<Long> latencies, int failures, String firstFailure) {
        @Override
        public String toString() {
            return String.format("p50 %.2f ms | p99 %.2f ms | max %.2f ms | %d failed",
                    Percentiles.millis(latencies, 50), Percentiles.millis(latencies, 99),
                    Percentiles.millis(latencies, 100), failures);
        }
    }

    /** Sends {@code rate × seconds} GETs of the URI, spaced evenly, and answers when the last one has its answer. */
    Result run(URI uri, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    String failure = send(uri);
                    latencies[i] = System.nanoTime() - due;
                    if (failure != null) {
                        latencies[i] = -1;
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            }, "open-load-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> answered = new ArrayList<>(total);
        for (long latency : latencies) {
            if (latency >= 0) {
                answered.add(latency);
            }
        }
        return new Result(answered, failures.get(), firstFailure.get());
    }

    /**
     * Sends one GET and reads its whole answer into the worker's buffer (the load generator allocates little, so that
     * its own collector's pauses stay out of the figures); answers why it failed, or null.
     */
    private String send(URI uri) {
        try {
            HttpGet get = new HttpGet(uri);
            headers.forEach(get::addHeader);
            return client.execute(get, response -> {
                if (response.getCode() != 200) {
                    return response.getCode() + " " + EntityUtils.toString(response.getEntity());
                }
                try (InputStream body = response.getEntity().getContent()) {
                    byte[] buffer = BUFFER.get();
                    while (body.read(buffer) >= 0) {
                        // read to the end: the answer's whole length is part of its latency
                    }
                }
                return null;
            });
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
