package org.creditbank.ledger.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDL of a read model's tables, from which the engine makes each of its slots: a resource beside the projection
 * ({@code name.sql}), and for what one database has that the other has not, {@code name-postgresql.sql} or
 * {@code name-h2.sql} after it.
 *
 * <ul>
 *     <li>{@code ${slot}} follows the base name of every table, index and constraint: {@code ''} for slot A,
 *     {@code '_b'} for slot B, {@code '_scratch'} for the scratch slot.</li>
 *     <li>{@code ${bytewise}} follows the type of a machine-made identifier or code: on PostgreSQL
 *     {@code COLLATE "C"} (compared byte by byte, sorted by abbreviated keys), elsewhere nothing.</li>
 *     <li>An index is named for its table: {@code table${slot}_purpose}; its base name is {@code table_purpose}.</li>
 * </ul>
 */
public final class SlotTemplate {

    private static final Pattern TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(\\w+)(\\$\\{slot})?");
    private static final Pattern INDEX = Pattern.compile(
            "(?i)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)(\\$\\{slot})?(\\w*)\\s+ON\\s+(\\w+)(\\$\\{slot})?");
    private static final Pattern CONSTRAINT = Pattern.compile("(?i)CONSTRAINT\\s+(\\w+)(\\$\\{slot})?");

    private final String name;
    private final String common;
    private final String postgresql;
    private final String h2;
    private final List<String> tables;
    private final Set<String> indexes;

    private SlotTemplate(String name, String common, String postgresql, String h2) {
        this.name = name;
        this.common = common;
        this.postgresql = postgresql;
        this.h2 = h2;
        List<String> tables = new ArrayList<>();
        Matcher table = TABLE.matcher(statements(common));
        while (table.find()) {
            requireSlot(table.group(2), "table " + table.group(1));
            tables.add(table.group(1));
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("template " + name + " creates no table");
        }
        this.tables = List.copyOf(tables);
        Set<String> indexes = new LinkedHashSet<>();
        for (String part : List.of(common, postgresql, h2)) {
            String text = statements(part);
            if (TABLE.matcher(text).find() && part != common) {
                throw new IllegalArgumentException("template " + name + ": a table is created by the common part only");
            }
            Matcher index = INDEX.matcher(text);
            while (index.find()) {
                requireSlot(index.group(2), "index " + index.group(1) + index.group(3));
                requireSlot(index.group(5), "the table of index " + index.group(1) + index.group(3));
                if (!index.group(1).equals(index.group(4)) || !tables.contains(index.group(4))) {
                    throw new IllegalArgumentException("template " + name + ": index " + index.group(1)
                            + index.group(3) + " must be named for a table of its own: " + index.group(4));
                }
                indexes.add(index.group(1) + index.group(3));
            }
            Matcher constraint = CONSTRAINT.matcher(text);
            while (constraint.find()) {
                requireSlot(constraint.group(2), "constraint " + constraint.group(1));
            }
        }
        this.indexes = Set.copyOf(indexes);
    }

    /** The statements of a template's text: without comments, every run of white space one space. */
    private static String statements(String text) {
        return text.replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").strip();
    }

    private void requireSlot(String slot, String what) {
        if (slot == null) {
            throw new IllegalArgumentException("template " + name + ": " + what + " must carry ${slot} after its base"
                    + " name, or the slots would share it");
        }
    }

    /** The template {@code name.sql} beside {@code beside}, with its database-specific parts if any. */
    public static SlotTemplate of(Class<?> beside, String name) {
        String common = read(beside, name + ".sql");
        if (common == null) {
            throw new IllegalArgumentException("no template " + name + ".sql beside " + beside.getName());
        }
        String postgresql = read(beside, name + "-postgresql.sql");
        String h2 = read(beside, name + "-h2.sql");
        return new SlotTemplate(name, common, postgresql == null ? "" : postgresql, h2 == null ? "" : h2);
    }

    private static String read(Class<?> beside, String resource) {
        try (InputStream in = beside.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its name (the resource's, without {@code .sql}). */
    public String name() {
        return name;
    }

    /** The base names of its tables, in the order it creates them. */
    public List<String> tables() {
        return tables;
    }

    /** The base names of its indexes (other than keys), on either database. */
    public Set<String> indexes() {
        return indexes;
    }

    /** The text for a database, {@code ${slot}} left in: what a slot's record of its template is a hash of. */
    public String text(Dialect dialect) {
        String bytewise = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        String specific = dialect == Dialect.POSTGRESQL ? postgresql : h2;
        return (common + "\n" + specific).replace("${bytewise}", bytewise);
    }

    /** The DDL that makes a slot's tables on a database. */
    public String sql(Dialect dialect, Slot slot) {
        return text(dialect).replace("${slot}", slot.table(""));
    }

    /**
     * The SHA-256 of {@link #text}'s statements, in hex: comments and the spacing between words do not count, so only a
     * change to what the slot is made of asks for its rebuild.
     */
    public String sha256(Dialect dialect) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(statements(text(dialect)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
