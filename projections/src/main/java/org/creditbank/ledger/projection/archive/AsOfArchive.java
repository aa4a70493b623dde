package org.creditbank.ledger.projection.archive;

import org.creditbank.ledger.readmodel.Replay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's archive as it stood at an instant of recorded time: the learner's events up to that instant (with those
 * of any account merged into it by then) are fed to the archive projection itself, into the scratch slot, inside a
 * transaction that is rolled back once the archive is read from it with the same queries the live archive uses.
 * What it answers is therefore exactly what the live archive showed at that instant.
 */
public class AsOfArchive {

    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final TransactionTemplate transactions;
    private final Supplier<Slot> branches;

    /** @param branches the branch register's live slot */
    public AsOfArchive(EventStorageEngine events, JdbcTemplate jdbc, PersonalDataVault vault,
                       PlatformTransactionManager transactions, Supplier<Slot> branches) {
        this.events = events;
        this.jdbc = jdbc;
        this.vault = vault;
        this.transactions = new TransactionTemplate(transactions);
        this.branches = branches;
    }

    /** The account (without its achievements) and a page of its archive, as of the instant. */
    public record Archive(AccountView account, ArchiveQueries.Page page) {
    }

    /** The archive as of the instant; empty if the account had not been opened by then. */
    public Optional<Archive> archive(String learnerNumber, Instant asOf, ArchiveQueries.ArchiveFilter filter,
                                     int offset, int limit) {
        ArchiveQueries scratch = new ArchiveQueries(jdbc, () -> Slot.SCRATCH, branches);
        return read(learnerNumber, asOf, List.of(), () -> scratch.summary(learnerNumber).map(account ->
                new Archive(account, scratch.archive(learnerNumber, filter, offset, limit))));
    }

    /**
     * What {@code reader} reads of the scratch slots once the learner's history up to the instant has been fed to the
     * archive projection and to the {@code others} given (each writing the scratch slot of its own read model), inside
     * a transaction that is rolled back afterwards; empty if the account had not been opened by then.
     */
    public <T> Optional<T> read(String learnerNumber, Instant asOf, List<Object> others, Supplier<Optional<T>> reader) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            List<DomainEventMessage<?>> history = history(learnerNumber, asOf);
            if (history.isEmpty()) {
                return Optional.empty();
            }
            List<Object> projections = new ArrayList<>(others);
            projections.add(0, new ArchiveProjection(jdbc, vault, () -> Slot.SCRATCH));
            for (Object projection : projections) {
                Replay replay = new Replay(projection);
                history.forEach(replay::add);
                replay.finish();
            }
            return reader.get();
        });
    }

    /** The learner's events up to the instant, and those of the accounts merged into it, in recorded order. */
    private List<DomainEventMessage<?>> history(String learnerNumber, Instant asOf) {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        Deque<String> streams = new ArrayDeque<>(List.of(learnerNumber));
        Set<String> seen = new HashSet<>();
        while (!streams.isEmpty()) {
            String stream = streams.pop();
            if (!seen.add(stream)) {
                continue;
            }
            events.readEvents(stream).asStream()
                    .filter(event -> !event.getTimestamp().isAfter(asOf))
                    .forEach(event -> {
                        history.add(event);
                        if (event.getPayload() instanceof MergedAccountAbsorbed absorbed) {
                            streams.push(absorbed.mergedNumber());
                        }
                    });
        }
        history.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        return history;
    }
}
