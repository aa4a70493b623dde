package org.creditbank.ledger;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The read side's boundaries: projections are built from events alone, and the read-model engine knows read models
 * only by their declarations.
 */
class ArchitectureTest {

    private static final String ENGINE = "org.creditbank.ledger.readmodel..";
    private static final String PROJECTIONS = "org.creditbank.ledger.projection..";
    private static final String EVENT_STORE = "org.creditbank.ledger.eventstore..";

    /** An aggregate of ledger-core: a class that carries its identifier, or that folds its own events. */
    private static final DescribedPredicate<JavaClass> AGGREGATES = DescribedPredicate.describe("are aggregates",
            type -> type.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class))
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(
                    EventSourcingHandler.class)));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENGINE.replace("..", ""), PROJECTIONS.replace("..", ""), EVENT_STORE.replace("..", ""));

    @Test
    void projections_never_depend_on_aggregates() {
        noClasses().should().dependOnClassesThat(AGGREGATES)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(AggregateLifecycle.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Repository.class.getName())
                .because("a read model is built from events alone: a replay has no aggregate to ask")
                .check(classes);
    }

    @Test
    void the_engine_never_depends_on_a_particular_projection() {
        noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAPackage(PROJECTIONS)
                .because("the engine knows a read model by its declaration only")
                .check(classes);
    }

    @Test
    void the_event_store_format_depends_on_neither() {
        noClasses().that().resideInAPackage(EVENT_STORE)
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE, PROJECTIONS)
                .check(classes);
    }

    @Test
    void projections_of_one_concept_do_not_reach_into_another() {
        slices()
                .matching("org.creditbank.ledger.projection.(*)..")
                .should().notDependOnEachOther()
                .because("each read model stands beside what it serves; what they share belongs to the engine")
                .check(classes);
    }
}
