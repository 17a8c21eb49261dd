package fr.asso.europlie.plie.json.offer;

import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.Operator;
import fr.asso.europlie.plie.offer.Operators;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two small documents of the interchange format that a plan publishes to its operators:
 * the known operators ({@code "format": "plie/operators"}) and a call for proposals on its own
 * ({@code "format": "plie/call-for-proposals"}, the same object as the {@code call} member of a
 * {@code plie/programming} document).
 *
 * <pre>
 * { "format": "plie/operators", "formatVersion": "1.0",
 *   "operators": [ { "id": "ASSO-INSERTION-24", "name": "Association Insertion 24" } ] }
 * </pre>
 */
public final class OfferDirectoryJson {

    /** The kind of the operators document. */
    public static final String OPERATORS = "plie/operators";
    /** The kind of the call-for-proposals document. */
    public static final String CALL = "plie/call-for-proposals";

    private OfferDirectoryJson() {
    }

    /**
     * Writes the known operators.
     *
     * @param operators the operators, not null
     * @return the indented JSON text
     */
    public static String writeOperators(Operators operators) {
        return JsonFormat.write(storedTree(operators));
    }

    /**
     * Writes operators as compact JSON text, without white space between tokens: what a store keeps
     * (the reader accepts either form).
     *
     * @param operators the value, not null
     * @return the compact JSON text
     */
    public static String writeOperatorsCompact(Operators operators) {
        return JsonFormat.writeCompact(storedTree(operators));
    }

    private static ObjectNode storedTree(Operators operators) {
        ObjectNode root = JsonFormat.envelope(OPERATORS);
        ArrayNode list = root.putArray("operators");
        operators.operators().forEach(o -> list.addObject().put("id", o.id().value()).put("name", o.name()));
        return root;
    }

    /**
     * Reads the known operators.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the operators and the unknown members kept
     * @throws InvalidDocumentException with every problem found, each with its JSON path
     */
    public static Document<Operators> readOperators(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, OPERATORS, unknownFields, node -> {
            List<Operator> operators = node.list("operators", true,
                    o -> new Operator(OperationJson.organisation(o, "id"), o.text("name")));
            return !node.problems().anyBlocking() ? node.convert("operators", () -> new Operators(operators)) : null;
        });
    }

    /**
     * Reads the known operators, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the operators
     * @throws InvalidDocumentException with every problem found
     */
    public static Operators readOperators(String json) {
        return readOperators(json, UnknownFields.REJECT).value();
    }

    /**
     * Writes a call for proposals.
     *
     * @param call the call, not null
     * @return the indented JSON text
     */
    public static String writeCall(CallForProposals call) {
        ObjectNode root = JsonFormat.envelope(CALL);
        root.set("call", ProgrammingJson.call(call));
        return JsonFormat.write(root);
    }

    /**
     * Reads a call for proposals, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the call
     * @throws InvalidDocumentException with every problem found, each with its JSON path
     */
    public static CallForProposals readCall(String json) {
        return JsonFormat.read(json, CALL, UnknownFields.REJECT, node -> node.object("call", ProgrammingJson::call)).value();
    }
}
