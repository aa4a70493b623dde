package org.creditbank.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ledger-core is the domain: no Spring wiring, no HTTP, no SQL; and the log core stands alone. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.creditbank.ledger");

    @Test
    void the_domain_knows_no_spring_web_or_sql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "javax.servlet..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..")
                .because("ledger-core holds the domain and its rules; wiring, web and storage live outside it")
                .check(core);
    }

    @Test
    void rules_do_not_depend_on_the_domain_concepts() {
        noClasses().that().resideInAPackage("org.creditbank.ledger.rule..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.creditbank.ledger.branch..", "org.creditbank.ledger.learner..",
                        "org.creditbank.ledger.achievement..")
                .check(core);
    }

    @Test
    void the_log_core_uses_only_the_jdk_and_bouncycastle() {
        classes().that().resideInAPackage("org.creditbank.ledger.log")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.bouncycastle..",
                        "org.creditbank.ledger.log")
                .because("an outside verifier of checkpoints and proofs needs the tree, the hashes and the signed"
                        + " notes, and nothing else of the ledger")
                .check(core);
    }
}
