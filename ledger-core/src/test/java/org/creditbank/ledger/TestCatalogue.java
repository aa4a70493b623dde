package org.creditbank.ledger;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.conversion.AgreementVersion;
import org.creditbank.ledger.conversion.HoursRuleVersion;
import org.creditbank.ledger.conversion.ProgrammeTerms;
import org.creditbank.ledger.conversion.QualificationDefinition;
import org.creditbank.ledger.conversion.RecognitionCatalogue;
import org.creditbank.ledger.conversion.RuleVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recognition catalogue of a specification: programmes and rule versions as the test gives them. */
public final class TestCatalogue implements RecognitionCatalogue {

    private final Map<String, ProgrammeTerms> programmes = new HashMap<>();
    private final List<RuleVersion> versions = new ArrayList<>();
    private final Map<String, LocalDate> withdrawn = new HashMap<>();
    private final Map<String, QualificationDefinition> qualifications = new HashMap<>();
    private final List<HoursRuleVersion> hoursRules = new ArrayList<>();
    private final List<AgreementVersion> agreements = new ArrayList<>();

    public TestCatalogue conclude(AgreementVersion agreement) {
        agreements.add(agreement);
        return this;
    }

    @Override
    public List<AgreementVersion> agreements() {
        return List.copyOf(agreements);
    }

    public TestCatalogue publish(HoursRuleVersion version) {
        hoursRules.add(version);
        return this;
    }

    @Override
    public Optional<HoursRuleVersion> hoursRuleInForce(AchievementKind kind, LocalDate on) {
        return HoursRuleVersion.inForce(hoursRules, kind, on);
    }

    public TestCatalogue define(QualificationDefinition qualification) {
        qualifications.put(qualification.institution() + ":" + qualification.qualification(), qualification);
        return this;
    }

    public TestCatalogue define(String institution, String programme, ProgrammeTerms terms) {
        programmes.put(institution + ":" + programme, terms);
        return this;
    }

    public TestCatalogue publish(RuleVersion version) {
        versions.add(version);
        return this;
    }

    public TestCatalogue withdraw(String ruleId, LocalDate from) {
        withdrawn.put(ruleId, from);
        return this;
    }

    @Override
    public Optional<String> ruleOwner(String ruleId) {
        return versions.stream().filter(v -> v.ruleId().equals(ruleId)).map(RuleVersion::institution).findFirst();
    }

    @Override
    public Optional<QualificationDefinition> qualification(String institution, String qualification) {
        return Optional.ofNullable(qualifications.get(institution + ":" + qualification));
    }

    @Override
    public Optional<ProgrammeTerms> programme(String institution, String programme) {
        return Optional.ofNullable(programmes.get(institution + ":" + programme));
    }

    @Override
    public List<RuleVersion> rulesInForce(String institution, String programme, LocalDate on,
                                          java.util.Set<AchievementKind> kinds) {
        Map<String, RuleVersion> highest = new LinkedHashMap<>();
        versions.stream()
                .filter(v -> v.institution().equals(institution) && v.programme().equals(programme))
                .filter(v -> !v.effectiveFrom().isAfter(on))
                .filter(v -> !withdrawn.containsKey(v.ruleId()) || on.isBefore(withdrawn.get(v.ruleId())))
                .sorted(Comparator.comparingInt(RuleVersion::version))
                .forEach(v -> highest.put(v.ruleId(), v));
        return highest.values().stream().filter(v -> v.covers(on)).filter(v -> kinds.contains(v.criteria().kind()))
                .toList();
    }
}
