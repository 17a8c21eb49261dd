package fr.asso.europlie.plie.workflow.cohort;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.MinimumIncome;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The vocabulary of the cohort follow-up tests: an engine on a test database, a configured cohort, its actors. */
final class CohortWorld implements AutoCloseable {

    static final OrganisationId PLAN = OrganisationId.of("PLIE-PERIGUEUX");
    static final OrganisationId DEPARTMENT = OrganisationId.of("DEPT-24");
    static final OrganisationId FRANCE_TRAVAIL = OrganisationId.of("FT-24");
    static final OrganisationId OPERATOR_ORG = OrganisationId.of("AFPA-24");
    static final OperationId TRAINING_OPERATION = OperationId.of("OP-2026-FORMATION");
    static final List<TargetPublic> PUBLICS = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
            TargetPublic.LOW_QUALIFIED_YOUNG);
    static final ReferentId ALICE = ReferentId.of("ref-alice");
    static final ReferentId BRUNO = ReferentId.of("ref-bruno");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static final Actor TEAM = Actor.of("anne.team", PLAN, Role.ANIMATION_TEAM);
    static final Actor COMMISSION = Actor.of("claire.commission", PLAN, Role.ENTRY_COMMISSION);
    static final Actor ALICE_ACTOR = Actor.of(ALICE.value(), PLAN, Role.REFERENT);
    static final Actor BRUNO_ACTOR = Actor.of(BRUNO.value(), PLAN, Role.REFERENT);
    static final Actor DEPARTMENT_OFFICER = Actor.of("denis.cd24", DEPARTMENT, Role.RSA_DESIGNATION);
    static final Actor OPERATOR = Actor.of("olga.afpa", OPERATOR_ORG, Role.OPERATOR);
    static final Actor FUNDER = Actor.of("fabrice.funder", DEPARTMENT, Role.FUNDER);

    final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    final PlieEngine engine;
    final CohortFollowUp cohort;

    CohortWorld(Databases.Target database) {
        this(database, 80);
    }

    CohortWorld(Databases.Target database, int cap) {
        engine = database.engine(clock, WorkflowSettings.defaults()).build();
        cohort = engine.cohort();
        cohort.configure(settings(cap), operations(), ids());
        cohort.registerReferent(TEAM, Referent.fullTime(ALICE, PLAN));
        cohort.registerReferent(TEAM, Referent.fullTime(BRUNO, PLAN));
    }

    static CohortSettings settings(int cap) {
        return CohortSettings.of(PUBLICS, new BigDecimal("50")).withDepartment(DEPARTMENT).withCaseloadCap(cap);
    }

    static OperationDirectory operations() {
        return new OperationDirectory(Map.of(TRAINING_OPERATION,
                new OperationDirectory.OperationInfo(OPERATOR_ORG, StrategicAxisId.of("AXE-1"))));
    }

    static Supplier<ParticipantId> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> ParticipantId.of("P-" + next.incrementAndGet());
    }

    static PersonalData person(String name) {
        return new PersonalData(name, "Camille", LocalDate.of(1980, 5, 14), "12 rue Gambetta, Périgueux", null, null, null);
    }

    static ApplicantSituation longTermJobseeker() {
        return new ApplicantSituation(ParticipantStatus.JOBSEEKER, TODAY.minusYears(2), Set.of(), false, false, IscedLevel.ISCED_3);
    }

    static ApplicantSituation rsaRecipient() {
        return new ApplicantSituation(ParticipantStatus.RSA_RECIPIENT, null, Set.of(MinimumIncome.RSA), false, false, IscedLevel.ISCED_2);
    }

    /** Refers a long-term jobseeker today and has the commission validate the entry. */
    ParticipantId validated(String name) {
        ParticipantId id = cohort.refer(TEAM, person(name), Referral.of(FRANCE_TRAVAIL, TODAY), longTermJobseeker());
        cohort.validateEntry(COMMISSION, id);
        return id;
    }

    /** A validated jobseeker who adhered today with a referent. */
    ParticipantId entered(String name, Actor referent) {
        ParticipantId id = validated(name);
        cohort.adhere(referent, id, Adhesion.signedOn(TODAY, ReferentId.of(referent.userId()), PLAN));
        return id;
    }

    @Override
    public void close() {
        engine.close();
    }
}
