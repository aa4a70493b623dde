package org.creditbank.ledger.readmodel;

/**
 * One of a read model's table sets. Of slots A and B, the live one is served while the other can be rebuilt beside
 * it; a switch makes the rebuilt one live. Slot A tables carry the plain name, slot B tables the suffix {@code _b}.
 * The scratch slot ({@code _scratch}) is written only inside transactions that are rolled back (replay checks, as-of
 * reconstructions), so it is empty to everyone else and never conflicts with a rebuild.
 */
public enum Slot {
    A(""), B("_b"), SCRATCH("_scratch");

    private static final java.util.regex.Pattern BRACED = java.util.regex.Pattern.compile("\\{(\\w+)}");

    private final String suffix;

    Slot(String suffix) {
        this.suffix = suffix;
    }

    /** The name of this slot's table of the given base name. */
    public String table(String base) {
        return base + suffix;
    }

    /**
     * A statement with each table named in braces made this slot's: {@code "SELECT * FROM {branch} WHERE code = ?"}
     * reads {@code branch_b} for slot B.
     */
    public String sql(String statement) {
        return BRACED.matcher(statement).replaceAll(table -> table(table.group(1)));
    }

    /** The other of slots A and B. */
    public Slot other() {
        if (this == SCRATCH) {
            throw new IllegalStateException("the scratch slot is never live");
        }
        return this == A ? B : A;
    }
}
