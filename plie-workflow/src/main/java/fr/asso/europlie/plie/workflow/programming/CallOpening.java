package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.Optional;

/**
 * What the animation team gives to open a call for proposals: the call (open axes, envelope per
 * axis, closing date), the mapping of its axes onto the protocol's, the Département that marks PTI
 * complementarity, the operators the plan knows, the offer settings, the OI's global grant the
 * envelopes' FSE+ part is drawn from, and, when the round does not run with the plan's
 * programming settings, its own. The operators and offer settings are stored with the programming.
 *
 * @param call the call, not null
 * @param mapping the axis mapping, not null
 * @param department the Département, not null
 * @param operators the known operators, not null
 * @param offerSettings the offer settings (co-financing rates...), not null
 * @param settings the round's deadlines and sessions; empty (or null) for the plan's
 *     ({@link fr.asso.europlie.plie.workflow.WorkflowSettings#programming()})
 * @param globalGrant the OI's global grant (in this plan) that must cover the FSE+ part of the
 *     envelopes; empty (or null) for none, refused unless the settings allow it
 */
public record CallOpening(CallForProposals call, AxisMapping mapping, OrganisationId department, Operators operators,
        OfferSettings offerSettings, Optional<ProgrammingSettings> settings, Optional<GlobalGrantId> globalGrant) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) for a missing one
     */
    public CallOpening {
        settings = settings == null ? Optional.empty() : settings;
        globalGrant = globalGrant == null ? Optional.empty() : globalGrant;
        String[] names = {"call", "mapping", "department", "operators", "offerSettings"};
        Object[] values = {call, mapping, department, operators, offerSettings};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null) {
                throw new InvalidValueException(WorkflowError.REQUIRED, names[i], null);
            }
        }
    }

    /**
     * An opening with the plan's programming settings, drawn from a global grant.
     *
     * @param call the call
     * @param mapping the axis mapping
     * @param department the Département
     * @param operators the operators
     * @param offerSettings the offer settings
     * @param globalGrant the global grant, not null
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) for a missing component
     */
    public CallOpening(CallForProposals call, AxisMapping mapping, OrganisationId department, Operators operators,
            OfferSettings offerSettings, GlobalGrantId globalGrant) {
        this(call, mapping, department, operators, offerSettings, Optional.empty(), Optional.of(required(globalGrant)));
    }

    /**
     * An opening with settings of its own and no global grant (accepted only when those settings
     * do not require one).
     *
     * @param call the call
     * @param mapping the axis mapping
     * @param department the Département
     * @param operators the operators
     * @param offerSettings the offer settings
     * @param settings the round's settings, not null
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) for a missing component
     */
    public CallOpening(CallForProposals call, AxisMapping mapping, OrganisationId department, Operators operators,
            OfferSettings offerSettings, ProgrammingSettings settings) {
        this(call, mapping, department, operators, offerSettings, Optional.of(requiredSettings(settings)), Optional.empty());
    }

    private static ProgrammingSettings requiredSettings(ProgrammingSettings settings) {
        if (settings == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "settings", null);
        }
        return settings;
    }

    private static GlobalGrantId required(GlobalGrantId globalGrant) {
        if (globalGrant == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "globalGrant", null);
        }
        return globalGrant;
    }

    /**
     * A copy with the round's own settings instead of the plan's.
     *
     * @param own the settings, not null
     * @return the copy
     */
    public CallOpening withSettings(ProgrammingSettings own) {
        if (own == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "settings", null);
        }
        return new CallOpening(call, mapping, department, operators, offerSettings, Optional.of(own), globalGrant);
    }

    /**
     * A copy without global grant (accepted only when the settings do not require one).
     *
     * @return the copy
     */
    public CallOpening withoutGlobalGrant() {
        return new CallOpening(call, mapping, department, operators, offerSettings, settings, Optional.empty());
    }
}
