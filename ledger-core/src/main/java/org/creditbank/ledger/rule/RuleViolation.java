package org.creditbank.ledger.rule;

/**
 * A refusal by one of the ledger's rules. Its message reads like the rulebook ("certificate VC-17 is already held by
 * another learner"); its {@link Refusal} tells an adapter how to answer (HTTP status, CLI exit).
 *
 * <p>A rule violation is always raised before any event is applied, so the refused act changes nothing.
 */
public abstract class RuleViolation extends RuntimeException {

    private final Refusal refusal;
    private final String field;

    protected RuleViolation(Refusal refusal, String message) {
        this(refusal, null, message);
    }

    protected RuleViolation(Refusal refusal, String field, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
        this.field = field;
    }

    /** How the refusal is classified. */
    public Refusal refusal() {
        return refusal;
    }

    /** The input field the refusal is about, or {@code null} when it is about the act as a whole. */
    public String field() {
        return field;
    }

    /** Why the act was refused, in the rule's words (without the field's name where the message starts with it). */
    public String reason() {
        return getMessage();
    }

    /** A short, stable, kebab-case name of the rule, used as the problem type. */
    public String rule() {
        String simple = getClass().getSimpleName();
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
