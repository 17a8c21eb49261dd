package fr.asso.europlie.plie.protocol;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.governance.Governance;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.governance.QuorumRule;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.territory.DepartmentCode;
import fr.asso.europlie.plie.territory.Geography;
import fr.asso.europlie.plie.territory.MunicipalityCode;
import fr.asso.europlie.plie.territory.Territory;
import fr.asso.europlie.plie.territory.TerritoryFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Département signs, sits and owns the PTI only as the Département of the territory")
class DepartmentIdentityTest {

    private static final ProtocolContent VALID = ProtocolFixture.grandPerigueux();
    private static final OrganisationId GIRONDE = OrganisationId.of("DEPT-33");
    private static final Signatory GIRONDE_LEAD = Signatory.department(GIRONDE, DepartmentCode.of("33"),
            "Département de la Gironde", "Commission permanente du Conseil départemental");

    private static Violation single(ProtocolPolicy policy, ProtocolContent content) {
        List<Violation> violations = policy.check(content);
        assertThat(violations).hasSize(1);
        ViolationAssertions.assertMessages(violations.get(0));
        return violations.get(0);
    }

    /** The fixture with the Dordogne still signing but no longer lead, and another lead added last. */
    private static ProtocolContent withLead(Signatory lead) {
        List<Signatory> signatories = new ArrayList<>(VALID.signatories());
        Signatory dordogne = signatories.get(1);
        signatories.set(1, new Signatory(dordogne.id(), dordogne.kind(), dordogne.name(), dordogne.deliberatingBody(), false, true,
                dordogne.department()));
        signatories.add(lead);
        return VALID.withSignatories(signatories);
    }

    @Test
    @DisplayName("a signatory of the Département kind carries its Département code, and no other kind does")
    void departmentCarriesItsCode() {
        assertRefused(() -> new Signatory(GIRONDE, SignatoryKind.DEPARTMENT, "Gironde", "Commission permanente", true, true, null),
                ProtocolError.DEPARTMENT_CODE, "signatory.department", "null");
        assertRefused(() -> new Signatory(ProtocolFixture.EPCI, SignatoryKind.EPCI, "Grand Périgueux", "Conseil", false, true,
                DepartmentCode.of("24")), ProtocolError.DEPARTMENT_CODE, "signatory.department", "24");
        assertThat(VALID.department().orElseThrow().department()).isEqualTo(TerritoryFixture.DORDOGNE);
    }

    @Test
    @DisplayName("the Gironde cannot lead insertion policy for a PLIE in the Dordogne, and the adoption is refused")
    void foreignDepartmentCannotLead() {
        ProtocolContent content = withLead(GIRONDE_LEAD);
        Violation v = single(ProtocolPolicies.DEPARTMENT_OF_THE_TERRITORY, content);
        assertThat(v.code()).isEqualTo(ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY);
        assertThat(v.field()).isEqualTo("signatories[5].department");
        assertThat(v.value()).isEqualTo("33");
        assertThat(v.message(fr.asso.europlie.plie.error.Messages.ENGLISH)).contains("DEPT-33").contains("[24]");
        assertThat(ProtocolPolicies.DEPARTMENT_OF_THE_TERRITORY.check(VALID)).isEmpty();
        Protocol negotiating = Protocol.draft(ProtocolFixture.ID, content, ProtocolFixture.at(0), ProtocolFixture.ACTOR)
                .openNegotiation(ProtocolFixture.at(1), ProtocolFixture.ACTOR);
        PlieException error = assertRefused(() -> negotiating.adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(2),
                ProtocolFixture.ACTOR), ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY, "signatories[5].department", "33");
        assertThat(error.violations()).extracting(Violation::code).containsOnly(ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY);
        assertThat(negotiating.state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
    }

    @Test
    @DisplayName("a foreign Département sitting on the committee does not count as the Département, nor may the quorum require it")
    void foreignDepartmentOnTheCommittee() {
        Signatory gironde = new Signatory(GIRONDE, SignatoryKind.DEPARTMENT, "Département de la Gironde", "Commission permanente",
                false, true, DepartmentCode.of("33"));
        List<Signatory> signatories = new ArrayList<>(VALID.signatories());
        signatories.add(gironde);
        SteeringCommittee fixture = VALID.governance().steeringCommittee();
        List<Member> members = new ArrayList<>(fixture.members().stream()
                .filter(m -> !m.organisation().equals(ProtocolFixture.DEPARTMENT)).toList());
        members.add(Member.elected("Jeanne Larrieu", GIRONDE));
        SteeringCommittee committee = new SteeringCommittee(members, fixture.chair(), QuorumRule.majorityWith(GIRONDE),
                fixture.convenedBy());
        ProtocolContent content = VALID.withSignatories(signatories).withGovernance(new Governance(committee,
                VALID.governance().technicalCommittee(), VALID.governance().fundersCommittee(), VALID.governance().entryCommission()));
        List<Violation> violations = ProtocolPolicies.DEPARTMENT_ON_STEERING_COMMITTEE.check(content);
        assertThat(violations).hasSize(2);
        PlieException error = new fr.asso.europlie.plie.error.RuleViolationException(violations);
        assertViolation(error, ProtocolError.DEPARTMENT_ON_STEERING_COMMITTEE, "governance.steeringCommittee.members", "DEPT-24");
        assertViolation(error, ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY,
                "governance.steeringCommittee.quorum.mandatoryOrganisation", "33");
    }

    @Test
    @DisplayName("on a territory spanning the Dordogne and the Gironde, the Gironde may lead, and then the PTI is the Gironde's")
    void ptiOwnedByTheLead() {
        Territory twoDepartments = Territory.of("PLIE de la vallée de l’Isle",
                List.of(TerritoryFixture.PERIGUEUX, MunicipalityCode.of("33243")), Geography.official2026());
        assertThat(twoDepartments.departments()).extracting(DepartmentCode::value).containsExactly("24", "33");
        ProtocolContent content = withLead(GIRONDE_LEAD).withTerritory(twoDepartments);
        assertThat(ProtocolPolicies.DEPARTMENT_OF_THE_TERRITORY.check(content)).isEmpty();
        Violation v = single(ProtocolPolicies.PTI_OF_THE_TERRITORY, content);
        assertThat(v.code()).isEqualTo(ProtocolError.PTI_OF_ANOTHER_DEPARTMENT);
        assertThat(v.field()).isEqualTo("pti.department");
        assertThat(v.value()).isEqualTo("24");
        TerritorialInsertionPact girondePti = new TerritorialInsertionPact("33", "PTI de la Gironde", VALID.pti().axes(),
                VALID.pti().governanceBody());
        assertThat(ProtocolPolicies.PTI_OF_THE_TERRITORY.check(content.withPti(girondePti))).isEmpty();
    }

    @Test
    @DisplayName("a PTI owned by a Département foreign to the territory is refused, even when the lead is the territory's")
    void foreignPtiOwner() {
        TerritorialInsertionPact girondePti = new TerritorialInsertionPact("33", "PTI de la Gironde", VALID.pti().axes(),
                VALID.pti().governanceBody());
        Violation v = single(ProtocolPolicies.PTI_OF_THE_TERRITORY, VALID.withPti(girondePti));
        assertThat(v.code()).isEqualTo(ProtocolError.PTI_OF_ANOTHER_DEPARTMENT);
        assertThat(v.value()).isEqualTo("33");
    }
}
