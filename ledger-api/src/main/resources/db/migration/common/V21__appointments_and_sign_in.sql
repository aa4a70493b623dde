-- Identity and access (docs/security.md). An officer id is one person's and may be appointed to several branches,
-- each appointment granting roles; a person signs in through an identity-provider subject bound to their officer id,
-- and a learner through a subject bound to their account. All of it is derived from events (OfficerAppointed,
-- SignInBound) and updated in the command's own transaction.

ALTER TABLE branch_officer DROP CONSTRAINT branch_officer_pk;
ALTER TABLE branch_officer ADD CONSTRAINT branch_officer_pk PRIMARY KEY (officer_id, branch_code);
-- Appointments recorded before roles existed grant every role.
ALTER TABLE branch_officer ADD COLUMN roles VARCHAR(64) DEFAULT 'ADMINISTRATOR,CERTIFIER,OFFICER' NOT NULL;
ALTER TABLE branch_officer ADD COLUMN system_client BOOLEAN DEFAULT FALSE NOT NULL;

-- One person, one officer id: each key refuses the second binding.
CREATE TABLE officer_subject (
    officer_id VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    CONSTRAINT officer_subject_pk PRIMARY KEY (officer_id),
    CONSTRAINT officer_subject_subject_uk UNIQUE (subject)
);

-- One sign-in subject, one account.
CREATE TABLE learner_sign_in (
    subject        VARCHAR(255) NOT NULL,
    learner_number CHAR(18)     NOT NULL,
    CONSTRAINT learner_sign_in_pk PRIMARY KEY (subject)
);
CREATE INDEX learner_sign_in_learner_ix ON learner_sign_in (learner_number);
