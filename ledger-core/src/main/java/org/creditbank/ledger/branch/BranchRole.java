package org.creditbank.ledger.branch;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an appointment lets its holder do for the branch, within the branch's jurisdiction. Granted by the
 * appointment event, so who may do what is part of the ledger's own history.
 */
public enum BranchRole {
    /** Opens accounts, records achievements and corrects them, keeps contact details, merges and closes accounts. */
    OFFICER,
    /** Certifies, rejects and revokes achievements (never one they recorded themselves). */
    CERTIFIER,
    /** Registers, suspends, reinstates and closes branches below, and appoints and removes their officers. */
    ADMINISTRATOR;

    /** Every role: what appointments made before roles existed carry. */
    public static Set<BranchRole> all() {
        return EnumSet.allOf(BranchRole.class);
    }
}
