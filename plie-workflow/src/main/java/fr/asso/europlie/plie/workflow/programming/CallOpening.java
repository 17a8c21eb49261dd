package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.WorkflowError;

/**
 * What the animation team gives to open a call for proposals: the call (open axes, envelope per
 * axis, closing date), the mapping of its axes onto the protocol's, the Département that marks PTI
 * complementarity, the operators the plan knows, the offer settings and the round's settings.
 * The operators and offer settings are stored with the programming.
 *
 * @param call the call, not null
 * @param mapping the axis mapping, not null
 * @param department the Département, not null
 * @param operators the known operators, not null
 * @param offerSettings the offer settings (co-financing rates...), not null
 * @param settings the round's deadlines and sessions, not null
 */
public record CallOpening(CallForProposals call, AxisMapping mapping, OrganisationId department, Operators operators,
        OfferSettings offerSettings, ProgrammingSettings settings) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) for a missing one
     */
    public CallOpening {
        String[] names = {"call", "mapping", "department", "operators", "offerSettings", "settings"};
        Object[] values = {call, mapping, department, operators, offerSettings, settings};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null) {
                throw new InvalidValueException(WorkflowError.REQUIRED, names[i], null);
            }
        }
    }
}
