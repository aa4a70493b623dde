package org.creditbank.ledger.api.config;

import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.learner.LearnerNumberIssuer;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/**
 * Issues learner numbers from a database sequence, so every node of the ledger draws from one series. A number drawn
 * by a command that is then refused is skipped, never reused.
 */
final class JdbcLearnerNumberIssuer implements LearnerNumberIssuer {

    private final DataFieldMaxValueIncrementer serials;

    JdbcLearnerNumberIssuer(DataFieldMaxValueIncrementer serials) {
        this.serials = serials;
    }

    @Override
    public LearnerNumber next(DivisionCode division) {
        return LearnerNumber.issue(division, serials.nextLongValue());
    }
}
