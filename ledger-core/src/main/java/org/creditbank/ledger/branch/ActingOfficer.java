package org.creditbank.ledger.branch;

/**
 * Who performs an act: an officer acting for a branch. Every command names one; every event records it.
 *
 * <p>{@link #installation()} stands for the one-off installation steps that must happen before any officer exists
 * (registering the provincial centre and appointing its first officer). Every other act refuses it.
 */
public record ActingOfficer(String officerId, String branchCode) {

    private static final ActingOfficer INSTALLATION = new ActingOfficer("installation", "-");

    public ActingOfficer {
        officerId = new OfficerId(officerId).value();
        if (!"-".equals(branchCode)) {
            branchCode = new BranchCode(branchCode).value();
        }
    }

    /** The actor of installation steps, when no officer exists yet. */
    public static ActingOfficer installation() {
        return INSTALLATION;
    }

    /** Whether this is the installation actor rather than an appointed officer. */
    public boolean isInstallation() {
        return this.equals(INSTALLATION);
    }
}
