-- The recognition catalogue: the institutions' programmes and every version of their recognition rules, as the rules
-- of conversion consult them in the command's transaction. One table set per slot (${slot}: '' for slot A, '_b' for
-- slot B, '_scratch' for the scratch slot); derived from events, made by the engine from this template. ${bytewise}:
-- compared byte by byte on PostgreSQL.

-- A programme of an institution, with the caps on credits converted into it for one learner; rules_revision counts
-- the changes to its rules (a published, amended or withdrawn rule), so that what is in force may be kept between
-- applications and read again once it changed.
CREATE TABLE catalogue_programme${slot} (
    institution       VARCHAR(32)${bytewise}   NOT NULL,
    programme         VARCHAR(32)${bytewise}   NOT NULL,
    title             VARCHAR(255)             NOT NULL,
    credit_unit       VARCHAR(48)${bytewise}   NOT NULL,
    total_credits     NUMERIC(19, 4)           NOT NULL,
    transfer_cap      NUMERIC(19, 4)           NOT NULL,
    yearly_cap        NUMERIC(19, 4),
    awarding_body_cap NUMERIC(19, 4),
    rules_revision    BIGINT                   NOT NULL,
    defined_by        VARCHAR(64)              NOT NULL,
    defined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_programme${slot}_pk PRIMARY KEY (institution, programme)
);

-- A qualification an institution awards: its terms (thresholds, groups, required courses) as JSON, counted in the unit
-- of its programme.
CREATE TABLE catalogue_qualification${slot} (
    institution   VARCHAR(32)${bytewise}   NOT NULL,
    qualification VARCHAR(32)${bytewise}   NOT NULL,
    programme     VARCHAR(32)${bytewise}   NOT NULL,
    credit_unit   VARCHAR(48)${bytewise}   NOT NULL,
    terms         VARCHAR           NOT NULL,
    defined_by    VARCHAR(64)              NOT NULL,
    defined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_qualification${slot}_pk PRIMARY KEY (institution, qualification)
);

-- Every version of the network's hours rules (the provincial centre's): terms as JSON.
CREATE TABLE catalogue_hours_rule${slot} (
    rule_id      VARCHAR(64)${bytewise}   NOT NULL,
    version      INTEGER                  NOT NULL,
    centre       VARCHAR(32)              NOT NULL,
    terms        VARCHAR            NOT NULL,
    reason       VARCHAR(1024),
    published_by VARCHAR(64)              NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_hours_rule${slot}_pk PRIMARY KEY (rule_id, version)
);

-- A mutual-recognition agreement between two parties (terms as JSON), and from when it is withdrawn (null: not).
CREATE TABLE catalogue_agreement${slot} (
    agreement_id   VARCHAR(64)${bytewise}   NOT NULL,
    terms          VARCHAR            NOT NULL,
    concluded_by   VARCHAR(64)              NOT NULL,
    concluded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_from DATE,
    withdrawal     VARCHAR(1024),
    CONSTRAINT catalogue_agreement${slot}_pk PRIMARY KEY (agreement_id)
);

-- A recognition rule: where it grants, and from when it is withdrawn (null: not withdrawn).
CREATE TABLE catalogue_rule${slot} (
    rule_id        VARCHAR(64)${bytewise} NOT NULL,
    institution    VARCHAR(32)${bytewise} NOT NULL,
    programme      VARCHAR(32)${bytewise} NOT NULL,
    latest_version INTEGER                NOT NULL,
    withdrawn_from DATE,
    withdrawal     VARCHAR(1024),
    CONSTRAINT catalogue_rule${slot}_pk PRIMARY KEY (rule_id)
);

-- Every version of a rule's terms, its criteria and grant as JSON, in force from effective_from to effective_until.
CREATE TABLE catalogue_rule_version${slot} (
    rule_id         VARCHAR(64)${bytewise}   NOT NULL,
    version         INTEGER                  NOT NULL,
    institution     VARCHAR(32)${bytewise}   NOT NULL,
    programme       VARCHAR(32)${bytewise}   NOT NULL,
    kind            VARCHAR(40)${bytewise}   NOT NULL,
    criteria        VARCHAR            NOT NULL,
    grant_terms     VARCHAR            NOT NULL,
    effective_from  DATE                     NOT NULL,
    effective_until DATE,
    reason          VARCHAR(1024),
    published_by    VARCHAR(64)              NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_rule_version${slot}_pk PRIMARY KEY (rule_id, version)
);
-- The rules of a programme in force on a date.
CREATE INDEX catalogue_rule_version${slot}_programme_ix ON catalogue_rule_version${slot} (institution, programme,
    effective_from);
