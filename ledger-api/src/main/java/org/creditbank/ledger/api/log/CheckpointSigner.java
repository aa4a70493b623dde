package org.creditbank.ledger.api.log;

import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.StoredCheckpoint;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.CompactRange;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.Rfc6962;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signs a new checkpoint as soon as the log has grown, but at most once per interval. It signs only a tree
 * consistent with the latest checkpoint (the consistency proof is computed from storage and verified first), and
 * moves the head by compare-and-swap, so two signers can never fork the log: the one that loses the swap signs
 * nothing.
 */
public class CheckpointSigner {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);
    /**
     * How long a refusing signer waits before looking again: nothing is signed until someone restores what the log
     * or the signer's memory should hold, and each look re-hashes every leaf since the latest checkpoint.
     */
    public static final Duration AFTER_REFUSAL = Duration.ofMinutes(1);

    private final JdbcLogStore store;
    private final NoteKeys.Signer signer;
    private final String origin;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final SignerMemory memory;
    private final Clock clock;
    /** Until when the signer, having refused, does not look again; null while it signs. */
    private volatile Instant refusingUntil;
    /** Before this instant no checkpoint may be signed: the latest one seen was signed less than an interval ago. */
    private volatile Instant earliest = Instant.MIN;
    /** When the signer last looked at the log. */
    private volatile Instant lookedAt = Instant.MIN;
    /** Whether this node appended leaves since the signer last looked. */
    private final AtomicBoolean appended = new AtomicBoolean();

    public CheckpointSigner(JdbcLogStore store, NoteKeys.Signer signer, String origin,
                            TransactionTemplate transactions, Duration interval, Path memory, Clock clock) {
        if (!signer.name().equals(origin)) {
            throw new IllegalStateException("the log signing key is named " + signer.name() + ", but the log's"
                    + " origin is " + origin + "; they must match");
        }
        this.store = store;
        this.signer = signer;
        this.origin = origin;
        this.transactions = transactions;
        this.interval = interval;
        this.memory = new SignerMemory(memory);
        this.clock = clock;
    }

    /**
     * Signs a checkpoint of the log as it stands if it has grown and the interval has passed since the latest
     * checkpoint (by any node); answers it, or empty when there was nothing to sign yet.
     */
    public Optional<StoredCheckpoint> signIfGrown() {
        Optional<StoredCheckpoint> made = transactions.execute(status -> {
            Optional<StoredCheckpoint> latest = store.latestCheckpoint();
            latest.ifPresent(checkpoint -> earliest = checkpoint.signedAt().plus(interval));
            if (latest.isPresent() && clock.instant().isBefore(earliest)) {
                return Optional.empty();
            }
            long size = store.size();
            if (latest.isPresent() && latest.get().treeSize() >= size || latest.isEmpty() && size == 0) {
                return Optional.empty();
            }
            Hash root = MerkleTree.root(size, store);
            // The new tree is the signed one extended by the new leaves, re-hashed from their data: consistent
            // with the latest checkpoint by construction, and nothing is signed on the node table's word alone.
            requireExtension(latest.orElse(null), size, root);
            Optional<SignerMemory.Signed> mine = memory.read();
            boolean headIsMine = mine.isPresent() && latest.isPresent()
                    && mine.get().size() == latest.get().treeSize() && mine.get().root().equals(latest.get().root());
            if (mine.isPresent() && !headIsMine) {
                SignerMemory.Signed signed = mine.get();
                if (size < signed.size()) {
                    throw new ProofVerification.ProofRejected("the log holds " + size + " leaves but this signer"
                            + " already signed " + signed.size() + ": the database was restored or rewritten");
                }
                ProofVerification.verifyConsistency(signed.size(), size, signed.root(), root,
                        MerkleTree.consistencyProof(signed.size(), size, store));
            }
            String note = new Checkpoint(origin, size, root).sign(signer);
            StoredCheckpoint next = new StoredCheckpoint(size, root, note, clock.instant());
            if (!store.advanceHead(latest.orElse(null), next)) {
                LOG.info("Another signer moved the log head first; not signing size {}", size);
                return Optional.empty();
            }
            memory.remember(size, root);
            return Optional.of(next);
        });
        // Once committed: the next checkpoint may follow an interval after this one.
        made.ifPresent(checkpoint -> earliest = checkpoint.signedAt().plus(interval));
        return made;
    }

    /**
     * The tree of {@code size} leaves must be the latest signed tree extended by the new leaves: the stored prefix
     * gives the signed root, and the new leaves, hashed again from their stored data and appended to it, give the
     * root the stored subtree hashes give.
     */
    private void requireExtension(StoredCheckpoint last, long size, Hash root) {
        long from = last == null ? 0 : last.treeSize();
        CompactRange tree = CompactRange.of(from, store);
        if (last != null && !tree.root().equals(last.root())) {
            throw new ProofVerification.ProofRejected("the stored tree of size " + from + " no longer has the root of"
                    + " the latest checkpoint");
        }
        long next = from;
        while (next < size) {
            List<JdbcLogStore.Leaf> page = store.leaves(next, (int) Math.min(10_000, size - next));
            if (page.isEmpty()) {
                break;
            }
            for (JdbcLogStore.Leaf leaf : page) {
                if (leaf.index() != next) {
                    throw new ProofVerification.ProofRejected("leaf " + next + " is missing from the log");
                }
                Hash hash = Rfc6962.leafHash(leaf.data());
                if (!hash.equals(leaf.hash())) {
                    throw new ProofVerification.ProofRejected("leaf " + next + "'s stored hash is not the hash of its"
                            + " data");
                }
                tree.append(hash);
                next++;
            }
        }
        if (tree.size() != size || !tree.root().equals(root)) {
            throw new ProofVerification.ProofRejected("the leaves from " + from + " to " + size + " do not give the"
                    + " root of the stored subtree hashes");
        }
    }

    /** This node appended leaves to the log: the next tick that may sign looks at once. */
    public void appended() {
        appended.set(true);
    }

    /**
     * The scheduled tick: a failure is logged and retried an interval later, never signed around; after a refusal,
     * not before {@link #AFTER_REFUSAL} has passed.
     *
     * <p>It looks at the log (a transaction) only when a checkpoint may be signed — an interval after the latest one
     * seen — and either this node appended leaves since the last look or an interval has passed since then (leaves
     * another node appended). An idle server looks once per interval, not at every tick. Leaves this node appended
     * when another node's checkpoint was too recent to follow are looked at again as soon as it is not.
     */
    public void tick() {
        Instant now = clock.instant();
        Instant until = refusingUntil;
        if (until != null && now.isBefore(until)) {
            return;
        }
        if (now.isBefore(earliest) || !appended.get() && now.isBefore(lookedAt.plus(interval))) {
            return;
        }
        // Cleared before looking: leaves appended while it looks make the next tick look again.
        boolean wanted = appended.getAndSet(false);
        lookedAt = now;
        try {
            if (signIfGrown().isEmpty() && wanted && clock.instant().isBefore(earliest)) {
                // Another node signed meanwhile: this node's leaves are looked at again as soon as that allows.
                appended.set(true);
            }
            refusingUntil = null;
        } catch (ProofVerification.ProofRejected e) {
            // From the refusal's end: looking may itself have taken long (every leaf since the latest checkpoint).
            refusingUntil = clock.instant().plus(AFTER_REFUSAL);
            LOG.error("REFUSING to sign: the log is not consistent with its latest checkpoint: {} (looking again at {})",
                    e.getMessage(), refusingUntil);
        } catch (RuntimeException e) {
            // Tried again an interval later, not at every tick: a database that fails is not asked eighty times a
            // second, nor the log filled with as many warnings.
            LOG.warn("Could not sign a checkpoint this time: {}", e.toString());
        }
    }

    /** Until when the signer, having refused to sign, does not look again; empty while it signs. */
    public Optional<Instant> refusingUntil() {
        return Optional.ofNullable(refusingUntil);
    }

    /** The verifier key of the log. */
    public NoteKeys.Verifier verifier() {
        return signer.verifier();
    }

    public String origin() {
        return origin;
    }
}
