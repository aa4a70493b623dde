-- The identity register: one natural person, one account (the key on the keyed identity hash makes that hold under
-- concurrency), and the subject each account signs in with (one sign-in subject, one account). The rules consult it
-- in the command's transaction. One table set per slot (${slot}: '' for slot A, '_b' for slot B, '_scratch' for the
-- scratch slot); derived from events, made by the engine from this template.
CREATE TABLE learner_identity${slot} (
    identity_hash  CHAR(64) NOT NULL,
    learner_number CHAR(18) NOT NULL,
    CONSTRAINT learner_identity${slot}_pk PRIMARY KEY (identity_hash)
);

CREATE TABLE learner_sign_in${slot} (
    subject        VARCHAR(255) NOT NULL,
    learner_number CHAR(18)     NOT NULL,
    CONSTRAINT learner_sign_in${slot}_pk PRIMARY KEY (subject)
);
CREATE INDEX learner_sign_in${slot}_learner_ix ON learner_sign_in${slot} (learner_number);
