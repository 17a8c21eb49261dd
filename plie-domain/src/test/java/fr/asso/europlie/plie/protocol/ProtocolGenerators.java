package fr.asso.europlie.plie.protocol;

import static org.quicktheories.generators.Generate.range;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.territory.DepartmentCode;
import fr.asso.europlie.plie.territory.Geography;
import fr.asso.europlie.plie.territory.Municipality;
import fr.asso.europlie.plie.territory.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of valid protocols: any period of 1 to 7 years, any subset of the
 * signatories around the Département, 1 to 6 strategic axes placed in the PTI's axes, a territory
 * of Dordogne communes, and a budget made to balance to the cent.
 */
public final class ProtocolGenerators {

    private static final List<Municipality> DORDOGNE = Geography.official2026().municipalitiesIn(DepartmentCode.of("24"));

    private ProtocolGenerators() {
    }

    /**
     * Valid contents, satisfying every policy at signature.
     *
     * @return the generator
     */
    public static Gen<ProtocolContent> validContents() {
        return in -> {
            ProtocolPeriod period = ProtocolPeriod.of(Year.of(range(2014, 2030).generate(in)), range(1, 7).generate(in));
            List<Signatory> all = ProtocolFixture.signatories();
            List<Signatory> signatories = new ArrayList<>();
            for (Signatory s : all) {
                if (s.kind() == SignatoryKind.DEPARTMENT || range(0, 1).generate(in) == 1) {
                    signatories.add(s);
                }
            }
            int from = range(0, DORDOGNE.size() - 1).generate(in);
            int count = range(1, 40).generate(in);
            List<String> codes = DORDOGNE.subList(from, Math.min(DORDOGNE.size(), from + count)).stream()
                    .map(m -> m.code().value()).toList();
            Territory territory = Territory.ofInseeCodes("PLIE généré " + from, codes, Geography.official2026());
            int axisCount = range(1, 6).generate(in);
            List<StrategicAxis> axes = new ArrayList<>();
            for (int i = 1; i <= axisCount; i++) {
                axes.add(new StrategicAxis(StrategicAxisId.of("AXE-" + i), "Axe " + i, "PTI-" + range(1, 4).generate(in)));
            }
            List<OrganisationId> funders = new ArrayList<>(signatories.stream().map(Signatory::id).toList());
            funders.add(ProtocolFixture.OI);
            List<Contribution> resources = new ArrayList<>();
            List<PlannedExpense> uses = new ArrayList<>();
            long totalIn = 0;
            long totalOut = 0;
            for (Year year : period.yearList()) {
                for (OrganisationId funder : funders) {
                    long cents = range(0, 50_000_000).generate(in);
                    totalIn += cents;
                    resources.add(new Contribution(funder, year, Money.ofCents(cents)));
                }
                for (StrategicAxis axis : axes) {
                    long cents = range(0, 60_000_000).generate(in);
                    totalOut += cents;
                    uses.add(new PlannedExpense(year, axis.id(), Money.ofCents(cents)));
                }
            }
            // Make it balance: top up the side that is short on its last line.
            long difference = totalOut - totalIn;
            if (difference > 0) {
                Contribution last = resources.remove(resources.size() - 1);
                resources.add(new Contribution(last.funder(), last.year(), last.amount().plus(Money.ofCents(difference))));
            } else if (difference < 0) {
                PlannedExpense last = uses.remove(uses.size() - 1);
                uses.add(new PlannedExpense(last.year(), last.axis(), last.amount().plus(Money.ofCents(-difference))));
            }
            SortedMap<Year, Integer> perYear = new TreeMap<>();
            period.yearList().forEach(y -> perYear.put(y, range(0, 800).generate(in)));
            Objectives objectives = new Objectives(range(0, 5000).generate(in), perYear,
                    BigDecimal.valueOf(range(0, 1000).generate(in), 1));
            List<TargetPublic> publics = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
                    TargetPublic.SENIORS, TargetPublic.QPV_RESIDENTS).subList(0, range(1, 4).generate(in));
            ProtocolContent base = ProtocolFixture.grandPerigueux();
            return new ProtocolContent("PLIE " + territory.name(), territory, period, signatories, publics, objectives, axes,
                    base.pti(), new ProtocolBudget(resources, uses), base.governance(), base.animationStructure(),
                    base.intermediateBodies(), base.diagnostic());
        };
    }

    /**
     * Valid protocols at any point of the happy path, from draft to in force with amendments.
     *
     * @return the generator
     */
    public static Gen<Protocol> validProtocols() {
        return validContents().zip(range(0, 7), validContents(), ProtocolGenerators::advance);
    }

    /**
     * A protocol taken a number of steps along the happy path.
     *
     * @param content its content
     * @param steps 0 draft, 1 under negotiation, 2 adopted, 3 approved by all, 4 signed, 5 in force,
     *     6 in force with an amendment under negotiation, 7 in force in version 2
     * @param amendment the amended content
     * @return the protocol
     */
    public static Protocol advance(ProtocolContent content, int steps, ProtocolContent amendment) {
        Protocol p = Protocol.draft(ProtocolFixture.ID, content, ProtocolFixture.at(0), ProtocolFixture.ACTOR);
        if (steps >= 1) {
            p = p.openNegotiation(ProtocolFixture.at(1), ProtocolFixture.ACTOR);
        }
        if (steps >= 2) {
            p = p.adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(2), ProtocolFixture.ACTOR);
        }
        if (steps >= 3) {
            p = approveAndSign(p, content, steps >= 4, LocalDate.of(content.period().first().getValue(), 1, 15));
        }
        if (steps >= 5) {
            p = p.enterIntoForce(LocalDate.of(content.period().first().getValue(), 2, 1), ProtocolFixture.at(200), ProtocolFixture.ACTOR);
        }
        if (steps >= 6) {
            p = p.proposeAmendment(amendment, "Avenant généré", ProtocolFixture.at(300), ProtocolFixture.ACTOR);
        }
        if (steps >= 7) {
            p = p.adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(301), ProtocolFixture.ACTOR);
            LocalDate date = LocalDate.of(content.period().first().getValue(), 6, 1);
            p = approveAndSign(p, amendment, true, date).enterIntoForce(date, ProtocolFixture.at(400), ProtocolFixture.ACTOR);
        }
        return p;
    }

    /**
     * Every signatory's body approves, then (optionally) every signatory signs.
     *
     * @param protocol an adopted protocol or amendment
     * @param content its text
     * @param sign whether to sign
     * @param date the date of the signatures
     * @return the protocol
     */
    public static Protocol approveAndSign(Protocol protocol, ProtocolContent content, boolean sign, LocalDate date) {
        Protocol p = protocol;
        int minute = 1000 + (int) p.revision();
        for (Signatory s : content.signatories()) {
            p = p.deliberate(ProtocolFixture.approval(s.id()), ProtocolFixture.at(minute++), ProtocolFixture.ACTOR);
        }
        if (sign) {
            for (Signatory s : content.signatories()) {
                p = p.sign(s.id(), date, ProtocolFixture.at(minute++), "signataire." + s.id().value());
            }
        }
        return p;
    }
}
