package org.creditbank.ledger.readmodel;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's finishing tasks share the cores: never more at once than cores, the most urgent waiting first. */
class SharedCoresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void no_more_tasks_run_at_once_than_there_are_cores() throws Exception {
        SharedCores cores = new SharedCores(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            threads.add(start(() -> cores.run(SharedCores.THEN, task(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                await(release);
                running.decrementAndGet();
            }))));
        }
        Awaitility.await("two tasks running, three waiting").atMost(DEADLINE).until(() -> running.get() == 2
                && threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() == 3);
        release.countDown();
        for (Thread thread : threads) {
            thread.join(DEADLINE.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(running.get()).isZero();
    }

    @Test
    void a_free_core_goes_to_the_most_urgent_task_waiting_then_to_the_first_that_asked() throws Exception {
        SharedCores cores = new SharedCores(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Holder first = hold(cores, order);
        Thread later = waitingOn(cores, SharedCores.THEN, "later", order);
        Thread laterStill = waitingOn(cores, SharedCores.THEN, "later still", order);
        Thread urgent = waitingOn(cores, SharedCores.FIRST, "urgent", order);
        first.releaseAndJoin(later, laterStill, urgent);
        assertThat(order).containsExactly("first", "urgent", "later", "later still");
    }

    @Test
    void among_tasks_of_one_rank_a_free_core_goes_to_the_heaviest_waiting() throws Exception {
        SharedCores cores = new SharedCores(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Holder first = hold(cores, order);
        Thread light = waitingOn(cores, SharedCores.THEN, 10, "light", order);
        Thread heavy = waitingOn(cores, SharedCores.THEN, 1_000, "heavy", order);
        Thread alsoHeavy = waitingOn(cores, SharedCores.THEN, 1_000, "also heavy", order);
        Thread urgentButLight = waitingOn(cores, SharedCores.FIRST, 0, "urgent", order);
        first.releaseAndJoin(light, heavy, alsoHeavy, urgentButLight);
        assertThat(order).containsExactly("first", "urgent", "heavy", "also heavy", "light");
    }

    @Test
    void a_failing_task_frees_its_core() {
        SharedCores cores = new SharedCores(1);
        assertThatThrownBy(() -> cores.run(SharedCores.FIRST, task(() -> {
            throw new IllegalStateException("index build failed");
        }))).hasMessage("index build failed");
        List<String> order = new CopyOnWriteArrayList<>();
        cores.run(SharedCores.THEN, task(() -> order.add("next")));
        assertThat(order).containsExactly("next");
    }

    /** The only core, taken by a task named "first" that holds it until released. */
    private record Holder(Thread thread, CountDownLatch release) {
        /** Lets the holder finish, then waits for it and the tasks that waited for the core. */
        void releaseAndJoin(Thread... waiting) throws InterruptedException {
            release.countDown();
            thread.join(DEADLINE.toMillis());
            for (Thread other : waiting) {
                other.join(DEADLINE.toMillis());
            }
        }
    }

    private static Holder hold(SharedCores cores, List<String> order) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = start(() -> cores.run(SharedCores.THEN, task(() -> {
            holding.countDown();
            await(release);
            order.add("first");
        })));
        assertThat(holding.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        return new Holder(thread, release);
    }

    /** A task that asks for the core and is waiting for it when this returns. */
    private static Thread waitingOn(SharedCores cores, int rank, String name, List<String> order) {
        return waitingOn(cores, rank, 0, name, order);
    }

    private static Thread waitingOn(SharedCores cores, int rank, long weight, String name, List<String> order) {
        Thread thread = start(() -> cores.run(rank, new SharedCores.Task(weight, () -> order.add(name))));
        Awaitility.await(name + " waiting").atMost(DEADLINE).until(() -> thread.getState() == Thread.State.WAITING);
        return thread;
    }

    private static SharedCores.Task task(Runnable run) {
        return new SharedCores.Task(0, run);
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not released within " + DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
