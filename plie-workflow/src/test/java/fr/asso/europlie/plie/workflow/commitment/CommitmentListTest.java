package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
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
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("a grant's commitments and the FSE+ amount asked, read through the commitment facade")
class CommitmentListTest {

    private static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    private static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the amount asked before any reservation and after the commitment; the grant's commitments for its OI only")
    void commitmentsOfAGrant(Databases.Kind kind) {
        String name = "fse-list-" + ProcessHandle.current().pid() + "-" + kind;
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(ManualClock.at(Instant.parse("2026-03-02T08:00:00Z")), WorkflowSettings.defaults())
                        .name(name).build()) {
            FseCommitment fse = engine.fseCommitment();
            fse.openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(10_000))));
            // OP-1 requested by process B's message, OP-2 started by hand
            ProcessEngines.getProcessEngine(name).getRuntimeService().startProcessInstanceByMessage(CommitmentProcess.MESSAGE,
                    "PROG-2026-1/OP-1", Map.of("planId", "default", "programmingId", "PROG-2026-1", "operationId", "OP-1",
                            "axis", "EMPLOYMENT", "fseAmount", "6000.00"));
            fse.start(INSTRUCTOR, OperationId.of("OP-2"), OPERATOR, Money.euros(5_000));

            // before the reservation: no ledger status, the amount asked known
            CommitmentView before = fse.view(INSTRUCTOR, OperationId.of("OP-1"));
            assertThat(before.ledgerStatus()).isEmpty();
            assertThat(before.fseAsked()).isEqualTo(Money.euros(6_000));
            assertThat(fse.view(INSTRUCTOR, OperationId.of("OP-2")).fseAskedIfKnown()).contains(Money.euros(5_000));
            assertThat(fse.view(INSTRUCTOR, OperationId.of("OP-9")).fseAskedIfKnown()).isEmpty();
            assertThat(fse.commitments(INSTRUCTOR, GRANT)).isEmpty();

            fse.appraise(INSTRUCTOR, OperationId.of("OP-1"), new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(12_000), Money.euros(6_000),
                    "forfait 40 %", WhenUncovered.WAIT));
            fse.appraise(INSTRUCTOR, OperationId.of("OP-2"), new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(10_000), Money.euros(5_000),
                    "forfait 40 %", WhenUncovered.REDUCE));
            fse.recordCommitteeOpinion(INSTRUCTOR, OperationId.of("OP-1"), CommitteeOpinion.FAVOURABLE, "dossier complet");
            fse.decide(MANAGER, OperationId.of("OP-1"));
            fse.signAgreement(Actor.of("presidente", OPERATOR, Role.OPERATOR), OperationId.of("OP-1"),
                    OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30)));

            List<CommitmentView> listed = fse.commitments(MANAGER, GRANT);
            assertThat(listed).extracting(v -> v.operation().value()).containsExactly("OP-1", "OP-2");
            assertThat(listed).extracting(v -> v.status().state()).containsExactly(CommitmentState.COMMITTED, CommitmentState.RESERVED);
            assertThat(listed).extracting(v -> v.status().amount()).containsExactly(Money.euros(6_000), Money.euros(4_000));
            // the amount asked stays known once the process has ended, and shows the reduction
            assertThat(listed).extracting(CommitmentView::fseAsked).containsExactly(Money.euros(6_000), Money.euros(5_000));
            assertThat(listed.get(0).running()).isFalse();
            assertThat(listed).isEqualTo(List.of(fse.view(MANAGER, OperationId.of("OP-1")), fse.view(MANAGER, OperationId.of("OP-2"))));
            assertThat(fse.commitments(MANAGER, GlobalGrantId.of("SG-INCONNUE"))).isEmpty();

            // refusals: an operator, the OI of another intermediate body
            AccessDeniedException operator = catchThrowableOfType(AccessDeniedException.class,
                    () -> fse.commitments(Actor.of("presidente", OPERATOR, Role.OPERATOR), GRANT));
            assertThat(operator.violation().code()).isEqualTo(WorkflowError.OI_ROLE_REQUIRED);
            AccessDeniedException otherOi = catchThrowableOfType(AccessDeniedException.class,
                    () -> fse.commitments(Actor.of("gestionnaire.c", OrganisationId.of("OI-GIRONDE"), Role.OI_MANAGER), GRANT));
            assertThat(otherOi.violation().code()).isEqualTo(WorkflowError.OTHER_INTERMEDIATE_BODY);
            assertThat(otherOi.getMessage()).contains("OI-GIRONDE");
        }
    }
}
