package org.creditbank.ledger.api.readmodel;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a read model switch between commits. Every command holds the gate shared from the moment it is handled until
 * its unit of work has committed or rolled back; a switch holds it alone for the few milliseconds it takes, so no
 * command commits events while a rebuilt read model takes over from the live one. The lock is fair: a waiting
 * switch is not starved by a stream of commands, and commands wait only while a switch holds it.
 *
 * <p>It gates this server's commands: the ledger runs one writing server (docs/operations.md).
 */
public class CommitGate implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.isRoot() && !lock.isWriteLockedByCurrentThread()) {
            lock.readLock().lock();
            unitOfWork.onCleanup(u -> lock.readLock().unlock());
        }
        return chain.proceed();
    }

    /** Runs the work with no command between handling and commit; false if the gate did not close in time. */
    public boolean whileClosed(Duration wait, Runnable work) throws InterruptedException {
        if (!lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
