-- The certificate register: one certificate, one learner (the key, issuer and canonical serial, makes that hold under
-- concurrency). The rules consult it in the command's transaction. One table per slot (${slot}: '' for slot A, '_b'
-- for slot B, '_scratch' for the scratch slot); derived from events, made by the engine from this template.
-- ${bytewise}: compared byte by byte on PostgreSQL.
CREATE TABLE certificate_holder${slot} (
    certificate_key    VARCHAR(400)           NOT NULL,
    certificate_serial VARCHAR(128)           NOT NULL,
    learner_number     CHAR(18)${bytewise}    NOT NULL,
    achievement_id     VARCHAR(64)${bytewise} NOT NULL,
    CONSTRAINT certificate_holder${slot}_pk PRIMARY KEY (certificate_key)
);
CREATE INDEX certificate_holder${slot}_learner_ix ON certificate_holder${slot} (learner_number);
CREATE INDEX certificate_holder${slot}_achievement_ix ON certificate_holder${slot} (achievement_id);
