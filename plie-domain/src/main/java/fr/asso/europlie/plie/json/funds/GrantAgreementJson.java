package fr.asso.europlie.plie.json.funds;

import static fr.asso.europlie.plie.json.offer.OperationJson.built;
import static fr.asso.europlie.plie.json.offer.OperationJson.identifier;
import static fr.asso.europlie.plie.json.offer.OperationJson.organisation;

import fr.asso.europlie.plie.funds.AgreementVersion;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.json.offer.OperationJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grant agreement document of the PLIE interchange format
 * ({@code "format": "plie/grant-agreement"}): a {@link GrantAgreement} with every version, the
 * initial agreement and its amendments, and the operation's simplified cost options (member
 * {@code simplifiedCostOptions}, written when not empty; a document without it reads as none
 * stated). See {@code docs/offer-and-funds.md}.
 */
public final class GrantAgreementJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/grant-agreement";

    private GrantAgreementJson() {
    }

    /**
     * Writes a grant agreement as a JSON document.
     *
     * @param agreement the agreement, not null
     * @return the indented JSON text
     */
    public static String write(GrantAgreement agreement) {
        return JsonFormat.write(storedTree(agreement));
    }

    /**
     * Writes an agreement as compact JSON text, without white space between tokens: what a store keeps
     * (the reader accepts either form).
     *
     * @param agreement the value, not null
     * @return the compact JSON text
     */
    public static String writeCompact(GrantAgreement agreement) {
        return JsonFormat.writeCompact(storedTree(agreement));
    }

    private static ObjectNode storedTree(GrantAgreement agreement) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
        root.put("id", agreement.id().value()).put("operation", agreement.operation().value())
                .put("operator", agreement.operator().value()).put("intermediateBody", agreement.intermediateBody().value());
        ArrayNode versions = root.putArray("versions");
        for (AgreementVersion v : agreement.versions()) {
            ObjectNode node = versions.addObject().put("number", v.number()).put("esfAmount", v.esfAmount().toString())
                    .put("eligibleCost", v.eligibleCost().toString());
            node.set("period", OperationJson.period(v.period()));
            node.put("signedOn", v.signedOn().toString()).put("reason", v.reason());
        }
        if (!agreement.simplifiedCostOptions().isEmpty()) {
            root.put("simplifiedCostOptions", agreement.simplifiedCostOptions());
        }
        return root;
    }

    /**
     * Reads a grant agreement document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the agreement
     * @throws InvalidDocumentException with every problem found
     */
    public static GrantAgreement read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads a grant agreement document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the agreement and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<GrantAgreement> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, GrantAgreementJson::agreement);
    }

    private static GrantAgreement agreement(Node node) {
        GrantAgreementId id = identifier(node, "id", GrantAgreementId::of);
        OperationId operation = identifier(node, "operation", OperationId::of);
        OrganisationId operator = organisation(node, "operator");
        OrganisationId oi = organisation(node, "intermediateBody");
        List<AgreementVersion> versions = node.list("versions", true, v -> {
            Integer number = v.integer("number");
            Money esf = v.money("esfAmount");
            Money cost = v.money("eligibleCost");
            var period = v.object("period", OperationJson::period);
            var signedOn = v.date("signedOn");
            String reason = v.text("reason");
            return built(v, () -> new AgreementVersion(number, esf, cost, period, signedOn, reason), number, esf, cost, period, signedOn,
                    reason);
        });
        // absent from the documents written before the agreement kept them: none stated
        String options = node.optionalText("simplifiedCostOptions");
        if (node.problems().anyBlocking()) {
            return null;
        }
        return node.convert(null, () -> new GrantAgreement(id, operation, operator, oi, versions, options == null ? "" : options));
    }
}
