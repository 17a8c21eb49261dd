package fr.asso.europlie.plie.workflow.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Viewer;
import fr.asso.europlie.plie.cohort.VisibilityPolicy;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the stored cohort's FSE+ report and participant stream equal the in-memory indicators over the same participants")
class CohortStreamReadsTest {

    private static final int COUNT = 700;   // more than one page of the stream
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("esfReport and forEachParticipant: figures, visibility by role, refusals that give nothing")
    void streamedReads(Databases.Kind kind) {
        SyntheticCohort.Generated generated = new SyntheticCohort(StoredCohortReport.SETTINGS, StoredCohortReport.START,
                StoredCohortReport.END).generate(11, COUNT);
        OperationDirectory operations = generated.operations();
        Indicators indicators = new Indicators(StoredCohortReport.SETTINGS, EsfSettings.defaults(), operations);
        List<Participant> all = generated.data().participants();
        EsfReport expected = indicators.esfReport(all, StoredCohortReport.PERIOD);
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(ManualClock.at(Instant.parse("2026-06-01T08:00:00Z")), WorkflowSettings.defaults())
                        .build()) {
            CohortFollowUp cohort = engine.cohort();
            cohort.configure(StoredCohortReport.SETTINGS, operations, () -> ParticipantId.of("unused"));
            CohortData data = generated.data();
            cohort.load(StoredCohortReport.TEAM, new CohortData(data.referents(), all, data.identities(), Map.of()));

            // the FSE+ report: the whole of it for the team and a funder, equal to the in-memory one
            EsfReport stored = cohort.esfReport(StoredCohortReport.TEAM, StoredCohortReport.PERIOD);
            assertThat(stored).isEqualTo(expected);
            assertThat(stored.plan().total(EsfIndicator.EECO01)).isPositive();
            Actor funder = Actor.of("fabrice.funder", OrganisationId.of("DEPT-24"), Role.FUNDER);
            assertThat(cohort.esfReport(funder, StoredCohortReport.PERIOD)).isEqualTo(expected);

            // an operator: only its own operations, and their sum
            OperationId first = expected.byOperation().firstKey();
            OrganisationId operatorOrg = operations.operations().get(first).operator();
            Actor operator = Actor.of("olga.operator", operatorOrg, Role.OPERATOR);
            EsfReport own = cohort.esfReport(operator, StoredCohortReport.PERIOD);
            Set<OperationId> ownIds = expected.byOperation().keySet().stream()
                    .filter(op -> operations.operations().get(op).operator().equals(operatorOrg)).collect(Collectors.toSet());
            assertThat(own.byOperation().keySet()).isEqualTo(ownIds).contains(first);
            ownIds.forEach(op -> assertThat(own.of(op)).isEqualTo(expected.of(op)));
            for (EsfIndicator indicator : EsfIndicator.values()) {
                assertThat(own.plan().total(indicator))
                        .isEqualTo(ownIds.stream().mapToInt(op -> expected.of(op).total(indicator)).sum());
            }

            // the stream: the team sees everyone, in the order they joined, and the figures recomputed from it are the same
            List<Participant> streamed = new ArrayList<>();
            long given = cohort.forEachParticipant(StoredCohortReport.TEAM, view -> {
                // identities are read a page at a time: each view holds its own participant's
                assertThat(view.identity()).isNotNull().isEqualTo(data.identities().get(view.id()));
                streamed.add(new Participant(view.id(), view.periods()));
            });
            assertThat(given).isEqualTo(COUNT);
            assertThat(streamed).isEqualTo(all);
            assertThat(indicators.esfReport(streamed, StoredCohortReport.PERIOD)).isEqualTo(expected);
            assertThat(indicators.fullReport(streamed, StoredCohortReport.PERIOD, TODAY))
                    .isEqualTo(cohort.report(StoredCohortReport.TEAM, StoredCohortReport.PERIOD, TODAY));

            // a referent sees its own participants only, as the visibility policy says
            VisibilityPolicy policy = new VisibilityPolicy(operations);
            ReferentId referent = data.referents().get(0).id();
            Actor referentActor = Actor.of(referent.value(), OrganisationId.of("EMP-2"), Role.REFERENT);
            List<ParticipantId> seen = new ArrayList<>();
            cohort.forEachParticipant(referentActor, view -> seen.add(view.id()));
            List<ParticipantId> ownParticipants = all.stream().filter(p -> policy.canSee(new Viewer.ReferentViewer(referent), p, TODAY))
                    .map(Participant::id).toList();
            assertThat(seen).isEqualTo(ownParticipants).isNotEmpty().hasSizeLessThan(COUNT);

            // an operator sees the periods its operations fund, with the identity but without the FSE+ entry data (sensitive)
            List<ParticipantId> operatorSees = new ArrayList<>();
            cohort.forEachParticipant(operator, view -> {
                assertThat(view.scopes()).doesNotContain(fr.asso.europlie.plie.cohort.DataScope.SENSITIVE);
                assertThat(view.periods()).allSatisfy(p -> assertThat(p.entryData()).isNull());
                operatorSees.add(view.id());
            });
            assertThat(operatorSees).isEqualTo(all.stream().filter(p -> !policy.visiblePeriods(new Viewer.OperatorViewer(operatorOrg), p, TODAY)
                    .isEmpty()).map(Participant::id).toList()).isNotEmpty();

            // refusals: a referent asks for the FSE+ report, a funder for the stream; the action is never called
            AccessDeniedException noReport = catchThrowableOfType(AccessDeniedException.class,
                    () -> cohort.esfReport(referentActor, StoredCohortReport.PERIOD));
            assertThat(noReport.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);
            assertThat(noReport.getMessage(Locale.ENGLISH)).contains(referent.value());
            List<ParticipantView> leaked = new ArrayList<>();
            AccessDeniedException noStream = catchThrowableOfType(AccessDeniedException.class,
                    () -> cohort.forEachParticipant(funder, leaked::add));
            assertThat(noStream.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);
            assertThat(noStream.getMessage()).contains("fabrice.funder");
            assertThat(leaked).isEmpty();
            Actor elsewhere = Actor.in(fr.asso.europlie.plie.workflow.PlanId.of("AUTRE-PLAN"), "anne.team",
                    OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM);
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> cohort.forEachParticipant(elsewhere, leaked::add))
                    .violation().code()).isEqualTo(WorkflowError.OTHER_PLAN);
            assertThat(leaked).isEmpty();
        }
    }

}
