package org.creditbank.ledger.tools;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The operator's program: its commands stand apart from the benchmarks it also carries. */
class ArchitectureTest {

    private final JavaClasses tools = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.creditbank.ledger.tools");

    @Test
    void the_operators_commands_never_depend_on_the_benchmarks() {
        noClasses().that().resideInAPackage("org.creditbank.ledger.tools")
                .and().doNotHaveSimpleName("LedgerCli")
                .should().dependOnClassesThat().resideInAPackage("org.creditbank.ledger.tools.bench..")
                .because("a benchmark may use what the commands use; the commands must not need a benchmark")
                .check(tools);
    }
}
