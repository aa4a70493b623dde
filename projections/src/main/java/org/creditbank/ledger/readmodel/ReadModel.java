package org.creditbank.ledger.readmodel;

import org.axonframework.config.ProcessingGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A read model, as declared to the engine: its name, the template its tables are made from, its projection, and how
 * it is fed. The engine makes its slots from the template, feeds the live one, rebuilds it beside the live one and
 * switches, and checks it against a replay; nothing else names its tables.
 *
 * <p>Declared once, beside its projection:
 * <pre>{@code
 * ReadModel.named("archive")
 *         .template(SlotTemplate.of(ArchiveProjection.class, "archive"))
 *         .projection(slot -> new ArchiveProjection(jdbc, vault, slot))
 *         .inCommandTransaction()
 *         .appendOnly("achievement_act")
 *         .replayIndexes("achievement_learner_ix")
 *         .build();
 * }</pre>
 *
 * <p>What a projection keeps to, for the engine to feed it live, in bulk and in a replay check alike:
 * <ul>
 *     <li>It writes the slot the {@code Supplier<Slot>} it is made with gives, asked at each event (a switch changes
 *     the live one), and nothing else: {@code slot.get().table(base)} names a table.</li>
 *     <li>It collects its writes over the unit of work and sends them when it commits (one command live, a batch of
 *     thousands in a rebuild): {@link BatchedWrites} does so, where an update finds its row by the key the row was
 *     inserted under; a projection that folds a batch itself keeps its state with {@link PerUnitOfWork}.</li>
 *     <li>Its {@code @EventHandler} methods take the payload, optionally followed by the message, one per payload type
 *     (what {@link DirectHandlers} calls in a rebuild): checked when the declaration is built.</li>
 *     <li>Its tables do not depend on each other's rows (they are written table by table).</li>
 * </ul>
 */
public final class ReadModel {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final String name;
    private final SlotTemplate template;
    private final Function<Supplier<Slot>, Object> projection;
    private final Function<Slot, BulkReplay> bulk;
    private final boolean trailing;
    private final int segments;
    private final Set<String> appendOnly;
    private final Set<String> replayIndexes;
    private final Set<String> reads;

    private ReadModel(Builder declared) {
        this.name = declared.name;
        this.template = declared.template;
        this.projection = declared.projection;
        this.bulk = declared.bulk;
        this.trailing = declared.trailing;
        this.segments = declared.segments;
        this.appendOnly = declared.appendOnly;
        this.replayIndexes = declared.replayIndexes;
        this.reads = declared.reads;
    }

    /** Begins the declaration of a read model of that name (lower case, digits and hyphens). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Its name: the key of the {@code read_model} table and of its HTTP resource. */
    public String name() {
        return name;
    }

    /** The template its slots are made from. */
    public SlotTemplate template() {
        return template;
    }

    /** The base names of its tables, children before parents (the order they are emptied in). */
    public List<String> tables() {
        List<String> tables = new ArrayList<>(template.tables());
        Collections.reverse(tables);
        return List.copyOf(tables);
    }

    /** Its projection, writing the slot {@code slot} gives at each event. */
    public Object projection(Supplier<Slot> slot) {
        return projection.apply(slot);
    }

    /** Its projection, writing one slot. */
    public Object projection(Slot slot) {
        return projection.apply(() -> slot);
    }

    /** How a pass over the whole event store feeds a slot (a rebuild, a replay check). */
    public BulkReplay bulkReplay(Slot slot) {
        return bulk == null ? BulkReplay.of(projection(slot)) : bulk.apply(slot);
    }

    /**
     * True when its live slot is fed by a tracking processor of its own, trailing the commands (eventually
     * consistent); false when it is fed in the command's transaction.
     */
    public boolean streaming() {
        return trailing;
    }

    /** How many segments its tracking processors use. */
    public int segments() {
        return segments;
    }

    /** The base names of its tables whose rows a pass over the store only inserts (or derives at its end). */
    public Set<String> appendOnly() {
        return appendOnly;
    }

    /** The indexes (base names) its projection's updates find rows by, other than primary keys. */
    public Set<String> replayIndexes() {
        return replayIndexes;
    }

    /**
     * The read models whose live slot its projection reads (statistics: the branch register's lineages): a node that
     * rebuilds several before it serves switches those first.
     */
    public Set<String> reads() {
        return reads;
    }

    /** The name of the tracking processor that writes a slot. */
    public String processor(Slot slot) {
        return name + "@" + slot;
    }

    /** A read model's declaration, built once every part is given. */
    public static final class Builder {
        private final String name;
        private SlotTemplate template;
        private Function<Supplier<Slot>, Object> projection;
        private Function<Slot, BulkReplay> bulk;
        private boolean trailing;
        private Integer segments;
        private Set<String> appendOnly = Set.of();
        private Set<String> replayIndexes = Set.of();
        private Set<String> reads = Set.of();

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a read model's name is lower case letters, digits and hyphens: "
                        + name);
            }
            this.name = name;
        }

        /** The template its slots are made from. */
        public Builder template(SlotTemplate template) {
            this.template = Objects.requireNonNull(template);
            return this;
        }

        /** How its projection is made for a slot (live: the slot asked at each event; rebuilt: one slot). */
        public Builder projection(Function<Supplier<Slot>, Object> projection) {
            this.projection = Objects.requireNonNull(projection);
            return this;
        }

        /**
         * How a pass over the whole event store feeds a slot, where it differs from the projection: a handler that
         * leaves out what can be derived set-based at the end, and the steps that derive it.
         */
        public Builder bulk(Function<Slot, BulkReplay> bulk) {
            this.bulk = Objects.requireNonNull(bulk);
            return this;
        }

        /**
         * Fed in the command's own transaction (the default): read-your-writes, and a failure rolls the command back.
         * Its rebuilt slot is switched to while the commit gate holds commands back.
         *
         * @param segments how many segments a rebuild's processor takes: 1 where a merge moves rows between streams;
         *                 more where every row is keyed by its own event
         */
        public Builder inCommandTransaction(int segments) {
            this.trailing = false;
            this.segments = segments;
            return this;
        }

        /** Fed in the command's own transaction, one segment (see {@link #inCommandTransaction(int)}). */
        public Builder inCommandTransaction() {
            return inCommandTransaction(1);
        }

        /**
         * Fed by a tracking processor of its own, trailing the commands (one segment: its one token says exactly which
         * events its rows hold); a rebuilt slot is switched to once it is as far as the live one.
         */
        public Builder trailing() {
            this.trailing = true;
            this.segments = 1;
            return this;
        }

        /** Tables whose rows a pass over the store only inserts: a rebuild builds even their keys afterwards. */
        public Builder appendOnly(String... tables) {
            this.appendOnly = Set.copyOf(Arrays.asList(tables));
            return this;
        }

        /** Indexes (base names) the projection's updates find rows by: a rebuild keeps them while it fills a slot. */
        public Builder replayIndexes(String... indexes) {
            this.replayIndexes = Set.copyOf(Arrays.asList(indexes));
            return this;
        }

        /** Read models whose live slot its projection reads: rebuilt and switched first when both must be. */
        public Builder reads(String... readModels) {
            this.reads = Set.copyOf(Arrays.asList(readModels));
            return this;
        }

        /** The declaration, checked: every part given, and every name it uses one of its template's. */
        public ReadModel build() {
            if (template == null || projection == null || segments == null) {
                throw new IllegalStateException("read model " + name + " needs a template, a projection and"
                        + " inCommandTransaction() or trailing()");
            }
            if (segments < 1) {
                throw new IllegalArgumentException("read model " + name + ": at least one segment");
            }
            if (!template.tables().containsAll(appendOnly)) {
                throw new IllegalArgumentException("read model " + name + ": append-only tables " + appendOnly
                        + " must be among its template's " + template.tables());
            }
            if (!template.indexes().containsAll(replayIndexes)) {
                throw new IllegalArgumentException("read model " + name + ": replay indexes " + replayIndexes
                        + " must be among its template's " + template.indexes());
            }
            Class<?> type = projection.apply(() -> Slot.SCRATCH).getClass();
            ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
            if (group != null && !group.value().equals(name)) {
                throw new IllegalArgumentException("read model " + name + ": its projection " + type.getSimpleName()
                        + " is in processing group " + group.value() + "; one name for both");
            }
            DirectHandlers.check(type);
            return new ReadModel(this);
        }
    }
}
