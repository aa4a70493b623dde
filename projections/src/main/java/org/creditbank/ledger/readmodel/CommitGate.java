package org.creditbank.ledger.readmodel;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets a read model fed in the command's transaction switch between commits, on every node.
 *
 * <p>On this node, every command is admitted through the gate ({@link #admit}) before it takes a database connection,
 * and holds it shared until its result is in; a switch holds it alone. The lock is fair: a waiting switch is not
 * starved by a stream of commands, and commands wait only while a switch holds it.
 *
 * <p>Across nodes (PostgreSQL), every command's transaction also takes the database's switch lock shared and reads the
 * live slots under it ({@link ReadModelSlots#lockShared}); a switch takes it alone, in the transaction that flips the
 * slot. So no node's command commits into the old slot once the switch is decided, and a command held by it writes
 * the new one. Commands on this node wait at the gate rather than on the database lock: they hold no connection while
 * the rebuilding processor needs one to take in the last events.
 */
public class CommitGate implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ReadModelSlots slots;
    private final TransactionTemplate transactions;

    public CommitGate(ReadModelSlots slots, TransactionTemplate transactions) {
        this.slots = slots;
        this.transactions = transactions;
    }

    /** Sends a command through the gate: every command of the ledger goes this way (see {@code LedgerCommands}). */
    public <R> R admit(Supplier<R> command) {
        lock.readLock().lock();
        try {
            return command.get();
        } finally {
            lock.readLock().unlock();
            // The request reads on from the slots as they stand after its command.
            slots.forgetView();
        }
    }

    /**
     * In the command's transaction (attached before interceptors run): the database's switch lock, shared — once per
     * transaction, which may hold many commands (a batch of imported rows, each a nested unit of work).
     */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        slots.lockShared();
        return chain.proceed();
    }

    /**
     * Runs the work with no command of any node between handling and commit, in one transaction that holds the
     * database's switch lock (PostgreSQL); false, with nothing done, if the gate did not close within {@code wait}.
     */
    public boolean whileClosed(Duration wait, Runnable work) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (!lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!slots.lockExclusive(left)) {
                    tx.setRollbackOnly();
                    return false;
                }
                work.run();
                return true;
            }));
        } finally {
            lock.writeLock().unlock();
        }
    }
}
