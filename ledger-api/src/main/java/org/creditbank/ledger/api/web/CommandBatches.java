package org.creditbank.ledger.api.web;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.readmodel.CommitGate;
import org.creditbank.ledger.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs many rows of commands — an import's batch, a branch's roster — in few transactions, each row deciding exactly
 * as the same commands sent one by one would, with the same rules and the same refusals.
 *
 * <p>A <em>round</em> is one transaction: one unit of work whose commit appends every event of its rows in one go
 * and feeds the read models kept in the command's transaction once, as a command's would. Each row is a unit of work
 * nested in it: a row whose command is refused is rolled back alone (its events dropped, its aggregates loaded again
 * from the store and the round's earlier rows), and the round goes on. What a rule reads from a register (one account
 * per person, one holder per certificate) is written only when the round commits, so two rows that would meet there —
 * the same {@linkplain RowAct#keys key} — never share a round: the later one waits for the next, where it is decided
 * as it would be had it come second. A round whose commit fails (a race with a request on another thread or node) is
 * run again row by row, each in its own transaction, so every row is decided and answered.
 */
@Component
public class CommandBatches {

    private static final Logger LOG = LoggerFactory.getLogger(CommandBatches.class);

    /** At most this many attempts of a row alone whose commit keeps losing races. */
    private static final int ATTEMPTS_ALONE = 4;

    private final CommitGate gate;
    private final TransactionManager transactions;

    public CommandBatches(CommitGate gate, TransactionManager transactions) {
        this.gate = gate;
        this.transactions = transactions;
    }

    /** A row of a batch, answered by its number in its file or request. */
    public interface Row {

        long row();
    }

    /** A row done: what became of it (stored now, or found stored before and nothing written) and its id. */
    public record Done(Outcome outcome, String id) {
    }

    /**
     * How a row was answered: imported or recorded now; imported or recorded before (nothing written); refused,
     * with the reason.
     */
    public enum Outcome { IMPORTED, ALREADY_IMPORTED, RECORDED, ALREADY_RECORDED, REFUSED }

    /**
     * The answer to one row: its number, outcome and id; refused, the rule (as a problem's type), the field and the
     * reason — the texts a request sending the same command would be answered with.
     */
    public record RowResult(long row, Outcome outcome, String id, String rule, String field, String reason) {

        static RowResult of(long row, Done done) {
            return new RowResult(row, done.outcome(), done.id(), null, null, null);
        }

        /** The refusal of a row, by the rule's own words. */
        public static RowResult refused(long row, RuleViolation violation) {
            return new RowResult(row, Outcome.REFUSED, null, violation.rule(), violation.field(), violation.reason());
        }
    }

    /**
     * Runs the rows, at most {@code roundSize} to a transaction, and answers each, in the order given. {@code keys}
     * names what a row's rules read from a register that its own commit would change (no two rows with a key in
     * common share a round); {@code perform} sends the row's commands (a refusal is the rule's own exception).
     */
    public <R extends Row> List<RowResult> run(List<R> rows, int roundSize, Function<R, Set<String>> keys,
                                               Function<R, Done> perform) {
        RowAct<R> act = new RowAct<>(keys, perform);
        Map<Long, RowResult> results = new LinkedHashMap<>();
        rows.forEach(row -> results.put(row.row(), null));
        List<R> pending = rows;
        while (!pending.isEmpty()) {
            List<R> round = new ArrayList<>();
            List<R> later = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (R row : pending) {
                Set<String> rowKeys = act.keys().apply(row);
                if (round.size() >= roundSize || rowKeys.stream().anyMatch(taken::contains)) {
                    later.add(row);
                } else {
                    round.add(row);
                    taken.addAll(rowKeys);
                }
            }
            for (RowResult result : runRound(round, act)) {
                results.put(result.row(), result);
            }
            pending = later;
        }
        return List.copyOf(results.values());
    }

    private record RowAct<R>(Function<R, Set<String>> keys, Function<R, Done> perform) {
    }

    private <R extends Row> List<RowResult> runRound(List<R> round, RowAct<R> act) {
        try {
            return inTransaction(round, act);
        } catch (RuntimeException commitFailed) {
            if (round.size() == 1) {
                return List.of(alone(round.get(0), act, commitFailed));
            }
            LOG.info("A round of {} rows did not commit ({}); each row runs alone", round.size(),
                    commitFailed.toString());
            List<RowResult> results = new ArrayList<>();
            for (R row : round) {
                results.add(alone(row, act, null));
            }
            return results;
        }
    }

    /** A row in a transaction of its own, repeated while its commit loses races. */
    private <R extends Row> RowResult alone(R row, RowAct<R> act, RuntimeException failedBefore) {
        RuntimeException failure = failedBefore;
        for (int attempt = failedBefore == null ? 0 : 1; attempt < ATTEMPTS_ALONE; attempt++) {
            try {
                return inTransaction(List.of(row), act).get(0);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        return failed(row.row(), failure);
    }

    private <R extends Row> List<RowResult> inTransaction(List<R> round, RowAct<R> act) {
        return gate.admit(() -> {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch of " + round.size()));
            try {
                unit.attachTransaction(transactions);
                BatchReads.begin(unit);
                List<RowResult> results = new ArrayList<>(round.size());
                for (R row : round) {
                    results.add(inNestedUnit(row, act));
                }
                BatchReads.end(unit);
                unit.commit();
                return results;
            } catch (RuntimeException e) {
                if (unit.isActive()) {
                    unit.rollback(e);
                }
                throw e;
            }
        });
    }

    private <R extends Row> RowResult inNestedUnit(R row, RowAct<R> act) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("row " + row.row()));
        try {
            Done done = act.perform().apply(row);
            unit.commit();
            return RowResult.of(row.row(), done);
        } catch (RuntimeException e) {
            if (unit.isActive() && unit.phase() == UnitOfWork.Phase.STARTED) {
                unit.rollback(e);
            }
            RuleViolation violation = refusal(e);
            if (violation == null && notFound(e) == null) {
                throw e;
            }
            return failed(row.row(), e);
        }
    }

    /** A row's failure as its answer: a refusal in the rule's words; anything else, a failure of the ledger. */
    private static RowResult failed(long row, RuntimeException e) {
        RuleViolation violation = refusal(e);
        if (violation != null) {
            return RowResult.refused(row, violation);
        }
        AggregateNotFoundException notFound = notFound(e);
        if (notFound != null) {
            return RowResult.refused(row, Problems.unknownAggregate(String.valueOf(notFound.getAggregateIdentifier())));
        }
        String correlationId = CorrelationIdFilter.current();
        LOG.error("Row {} of a batch failed (correlation id {})", row, correlationId, e);
        return new RowResult(row, Outcome.REFUSED, null, "internal-error", null,
                "the ledger failed to store this row; nothing of it was stored. Quote correlation id "
                        + correlationId + " when reporting it");
    }

    private static RuleViolation refusal(Throwable thrown) {
        return find(thrown, RuleViolation.class);
    }

    private static AggregateNotFoundException notFound(Throwable thrown) {
        return find(thrown, AggregateNotFoundException.class);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
