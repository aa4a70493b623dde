package org.creditbank.ledger.achievement;

/** The kinds of learning the ledger records, and which of them a second officer must review. */
public enum AchievementKind {
    ACADEMIC_COURSE(false),
    DEGREE_DIPLOMA(true),
    VOCATIONAL_CERTIFICATE(true),
    SKILLS_TRAINING(false),
    COMMUNITY_LEARNING(false),
    ELDERLY_EDUCATION(false),
    ONLINE_COURSE(false),
    MICRO_CREDENTIAL(false),
    COMPETITION_AWARD(true),
    PRIOR_LEARNING_RECOGNITION(true);

    private final boolean needsReview;

    AchievementKind(boolean needsReview) {
        this.needsReview = needsReview;
    }

    /** Whether the officer who certifies must be another than the one who recorded (four eyes). */
    public boolean needsReview() {
        return needsReview;
    }
}
