package org.creditbank.ledger.learner;

import org.creditbank.ledger.branch.DivisionCode;

/** Issues fresh learner numbers; a number is never issued twice, and a skipped one is never reused. */
public interface LearnerNumberIssuer {

    /** The next number for an account opened at a branch in {@code division}. */
    LearnerNumber next(DivisionCode division);
}
