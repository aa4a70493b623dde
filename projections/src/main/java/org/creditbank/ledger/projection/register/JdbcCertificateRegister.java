package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.Slot;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.creditbank.ledger.achievement.CertificateRegister;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.function.Supplier;

import java.util.List;
import java.util.Optional;

/**
 * The certificate register the rules consult, and the review list of refused claims. A refused claim is written in
 * a transaction of its own after the refused act has rolled back.
 */
public class JdbcCertificateRegister implements CertificateRegister {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final TransactionTemplate separately;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public JdbcCertificateRegister(JdbcTemplate jdbc, Supplier<Slot> slot, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<String> holderOf(String certificateKey) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT learner_number FROM {certificate_holder} WHERE certificate_key = ?"),
                String.class, certificateKey).stream().findFirst();
    }

    /**
     * Kept once the refused command's transaction has rolled back and given back its connection, so flagging never
     * needs a second connection while the first is held.
     */
    @Override
    public void flagRefusedClaim(RefusedClaim claim) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(unitOfWork -> keep(claim));
        } else {
            keep(claim);
        }
    }

    private void keep(RefusedClaim claim) {
        separately.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO flagged_certificate_claim (certificate_serial, claimed_for, held_by, officer_id,"
                        + " branch_code, external_issuer, external_id, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                claim.certificateSerial(), claim.claimedFor(), claim.heldBy(), claim.officerId(), claim.branchCode(),
                claim.externalIssuer(), claim.externalId(), Sql.at(claim.at())));
    }

    /** Every refused claim kept for review, newest first. */
    public List<RefusedClaim> flaggedClaims(int limit) {
        return jdbc.query("SELECT * FROM flagged_certificate_claim ORDER BY flagged_at DESC, id DESC LIMIT ?",
                (rs, i) -> new RefusedClaim(rs.getString("certificate_serial"), rs.getString("claimed_for"),
                        rs.getString("held_by"), rs.getString("officer_id"), rs.getString("branch_code"),
                        rs.getString("external_issuer"), rs.getString("external_id"), Sql.instant(rs, "flagged_at")),
                limit);
    }
}
