package fr.asso.europlie.plie.examples.bench.cohort;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the model's constructors cost alone, for the CSV figure: the participants, periods, steps,
 * referrals, adhesions, referent assignments and entry data of a cohort built again from their
 * typed values, identifiers through their {@code of} (normalised), with the checks the
 * constructors make. The CSV reader cannot build the cohort for less.
 */
final class ModelRebuild {

    private ModelRebuild() {
    }

    static long rebuild(CohortData data) {
        long n = 0;
        for (Participant participant : data.participants()) {
            List<AccompanimentPeriod> periods = new ArrayList<>();
            for (AccompanimentPeriod p : participant.periods()) {
                List<Step> steps = new ArrayList<>();
                for (Step s : p.steps()) {
                    steps.add(new Step(StepId.of(s.id().value()), s.type(), s.start(), s.end(), s.plannedEnd(),
                            s.operation() == null ? null : OperationId.of(s.operation().value()), s.contract(), s.workingTime(), s.barrier(),
                            s.qualificationValidatedOn()));
                }
                List<ReferentAssignment> referents = new ArrayList<>();
                for (ReferentAssignment r : p.referents()) {
                    referents.add(new ReferentAssignment(ReferentId.of(r.referent().value()), r.from(),
                            r.designatedBy() == null ? null : OrganisationId.of(r.designatedBy().value())));
                }
                Referral referral = new Referral(OrganisationId.of(p.referral().referrer().value()), p.referral().referredOn(),
                        p.referral().otherPtiScheme());
                Adhesion a = p.adhesion();
                Adhesion adhesion = a == null ? null : new Adhesion(a.participantSignedOn(), ReferentId.of(a.referent().value()),
                        a.referentSignedOn(), OrganisationId.of(a.plan().value()), a.planSignedOn());
                EsfEntryData e = p.entryData();
                EsfEntryData entry = e == null ? null : new EsfEntryData(e.collectedOn(), e.gender(), e.ageAtEntry(), e.labourStatus(),
                        e.unemployedSince(), e.isced(), e.disability(), e.thirdCountNational(), e.foreignBackground(), e.minority(), e.homeless(),
                        e.ruralArea());
                periods.add(new AccompanimentPeriod(p.number(), referral, p.targetPublics(), p.doubleAccompanimentFlagged(), p.entryDecision(),
                        adhesion, referents, p.statuses(), steps, entry, p.followUps(), p.exit(), p.sixMonthData()));
            }
            n += new Participant(ParticipantId.of(participant.id().value()), periods).periods().size();
        }
        return n;
    }
}
