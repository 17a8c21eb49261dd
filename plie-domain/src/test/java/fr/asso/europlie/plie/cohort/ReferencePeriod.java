package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.protocol.TargetPublic;
import java.util.List;
import java.util.Set;

/**
 * {@link AccompanimentPeriod}'s components as they were, a record (before issue 16's third pass made
 * it a class folding a derivable adhesion), kept to check that the class gives the same accessors,
 * equality, hash code and text. (The checks are the class's own, unchanged.)
 */
record ReferencePeriod(int number, Referral referral, Set<TargetPublic> targetPublics, boolean doubleAccompanimentFlagged,
        EntryDecision entryDecision, Adhesion adhesion, List<ReferentAssignment> referents, List<StatusChange> statuses,
        List<Step> steps, EsfEntryData entryData, List<InWorkFollowUp> followUps, Exit exit, EsfSixMonthData sixMonthData) {

    static ReferencePeriod of(AccompanimentPeriod p) {
        return new ReferencePeriod(p.number(), p.referral(), p.targetPublics(), p.doubleAccompanimentFlagged(), p.entryDecision(),
                p.adhesion(), p.referents(), p.statuses(), p.steps(), p.entryData(), p.followUps(), p.exit(), p.sixMonthData());
    }
}
