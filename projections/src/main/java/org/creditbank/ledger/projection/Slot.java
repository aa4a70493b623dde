package org.creditbank.ledger.projection;

/**
 * One of a read model's two table sets. The live one is served while the other can be rebuilt beside it; a switch
 * makes the rebuilt one live. Slot A tables carry the plain name, slot B tables the suffix {@code _b}.
 */
public enum Slot {
    A(""), B("_b");

    private final String suffix;

    Slot(String suffix) {
        this.suffix = suffix;
    }

    /** The name of this slot's table of the given base name. */
    public String table(String base) {
        return base + suffix;
    }

    /** The other slot. */
    public Slot other() {
        return this == A ? B : A;
    }
}
