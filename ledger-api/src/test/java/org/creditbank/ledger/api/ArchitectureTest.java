package org.creditbank.ledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The server's boundaries: HTTP turns requests into commands and reads, and never holds the domain's state. */
class ArchitectureTest {

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.creditbank.ledger.api");

    @Test
    void controllers_send_commands_and_never_touch_an_aggregate() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat(describe("are aggregates", type -> type.getAllFields().stream()
                        .anyMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class))
                        || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(
                        EventSourcingHandler.class))))
                .because("an aggregate is loaded by Axon for the command that changes it, in its transaction")
                .check(server);
    }

    @Test
    void controllers_read_through_the_read_models_queries_not_the_engine() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .and().doNotHaveSimpleName("ReadModelController")
                .should().dependOnClassesThat().resideInAPackage("org.creditbank.ledger.readmodel..")
                .because("a read model's slots, rebuilds and switches are the engine's; a controller asks its queries")
                .check(server);
    }
}
