package fr.asso.europlie.plie.json.offer;

import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.ForecastIndicators;
import fr.asso.europlie.plie.offer.FinancingPlan;
import fr.asso.europlie.plie.offer.FunderKind;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationCosts;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.Resource;
import fr.asso.europlie.plie.offer.SimplifiedCostOption;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operation document of the PLIE interchange format ({@code "format": "plie/operation"}): an
 * operation as its operator applies for it, with its period, forecast indicators, costs by
 * category with their simplified cost option, and financing plan. See
 * {@code docs/offer-and-funds.md}.
 *
 * <p>Reading checks the envelope, every member and the domain's own rules on the values, and
 * reports every problem at once with its JSON path ({@link InvalidDocumentException}). Whether the
 * operation is admissible is not a reading matter: see {@link fr.asso.europlie.plie.offer.Admissibility}.
 */
public final class OperationJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/operation";

    private OperationJson() {
    }

    /**
     * Writes an operation as a JSON document.
     *
     * @param operation the operation, not null
     * @return the indented JSON text
     */
    public static String write(Operation operation) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
        root.setAll(operation(operation));
        return JsonFormat.write(root);
    }

    /**
     * Reads an operation document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the operation
     * @throws InvalidDocumentException with every problem found
     */
    public static Operation read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads an operation document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the operation and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<Operation> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, OperationJson::operation);
    }

    /**
     * Writes an operation's members into a JSON object (also used by the programming document).
     *
     * @param operation the operation
     * @return the object
     */
    public static ObjectNode operation(Operation operation) {
        ObjectNode node = JsonFormat.object();
        node.put("id", operation.id().value());
        node.put("call", operation.call().value());
        node.put("operator", operation.operator().value());
        node.put("axis", operation.axis().name());
        node.put("title", operation.title());
        node.put("description", operation.description());
        node.set("period", period(operation.period()));
        node.putObject("forecast").put("participants", operation.forecast().participants())
                .put("positiveExits", operation.forecast().positiveExits());
        OperationCosts costs = operation.costs();
        ObjectNode costsNode = node.putObject("costs");
        costsNode.put("directStaff", costs.directStaff().toString()).put("otherDirect", costs.otherDirect().toString())
                .put("indirect", costs.indirect().toString());
        ObjectNode option = costsNode.putObject("option").put("kind", costs.option().kind().name())
                .put("ratePercent", costs.option().ratePercent().toPlainString());
        if (costs.option().method() != null) {
            option.put("method", costs.option().method());
        }
        ArrayNode resources = node.putObject("financingPlan").putArray("resources");
        operation.financingPlan().resources().forEach(r -> resources.addObject().put("kind", r.kind().name())
                .put("funder", r.funder().value()).put("amount", r.amount().toString()));
        return node;
    }

    /**
     * Reads an operation's members from a JSON object (also used by the programming document).
     *
     * @param node the object
     * @return the operation, or null when a problem was recorded
     */
    public static Operation operation(Node node) {
        OperationId id = identifier(node, "id", OperationId::of);
        CallId call = identifier(node, "call", CallId::of);
        OrganisationId operator = organisation(node, "operator");
        ProgrammingAxis axis = node.enumValue("axis", ProgrammingAxis.class);
        String title = node.text("title");
        String description = node.text("description");
        OperationPeriod period = node.object("period", OperationJson::period);
        ForecastIndicators forecast = node.object("forecast", f -> {
            Integer participants = f.integer("participants");
            Integer exits = f.integer("positiveExits");
            return built(f, () -> new ForecastIndicators(participants, exits), participants, exits);
        });
        OperationCosts costs = node.object("costs", c -> {
            var directStaff = c.money("directStaff");
            var otherDirect = c.money("otherDirect");
            var indirect = c.money("indirect");
            SimplifiedCostOption option = c.object("option", o -> {
                SimplifiedCostOption.Kind kind = o.enumValue("kind", SimplifiedCostOption.Kind.class);
                BigDecimal rate = o.decimal("ratePercent");
                String method = o.optionalText("method");
                return kind == null || rate == null ? null : o.convert("ratePercent", () -> new SimplifiedCostOption(kind, rate, method));
            });
            return built(c, () -> new OperationCosts(directStaff, otherDirect, indirect, option), directStaff, otherDirect, indirect, option);
        });
        FinancingPlan plan = node.object("financingPlan", p -> {
            List<Resource> resources = p.list("resources", true, r -> {
                FunderKind kind = r.enumValue("kind", FunderKind.class);
                OrganisationId funder = organisation(r, "funder");
                var amount = r.money("amount");
                return built(r, () -> new Resource(kind, funder, amount), kind, funder, amount);
            });
            return p.convert("resources", () -> new FinancingPlan(resources));
        });
        return built(node, () -> new Operation(id, call, operator, axis, title, description, period, forecast, costs, plan),
                id, call, operator, axis, title, description, period, forecast, costs, plan);
    }

    /**
     * Builds a domain value from parts read, unless a part is missing (its problem is already
     * recorded): the domain's own refusal is then recorded at the object's path.
     *
     * @param node the object read
     * @param build builds the value
     * @param parts the parts, null when they could not be read
     * @param <T> the type
     * @return the value, or null
     */
    public static <T> T built(Node node, Supplier<T> build, Object... parts) {
        for (Object part : parts) {
            if (part == null) {
                return null;
            }
        }
        return node.convert(null, build);
    }

    /**
     * Writes a period as {@code {"start": ..., "end": ...}}.
     *
     * @param period the period
     * @return the object
     */
    public static ObjectNode period(OperationPeriod period) {
        return JsonFormat.object().put("start", period.start().toString()).put("end", period.end().toString());
    }

    /**
     * Reads a period.
     *
     * @param node the object
     * @return the period, or null when a problem was recorded
     */
    public static OperationPeriod period(Node node) {
        var start = node.date("start");
        var end = node.date("end");
        return start == null || end == null ? null : node.convert(null, () -> OperationPeriod.of(start, end));
    }

    /**
     * Reads an organisation identifier.
     *
     * @param node the object
     * @param name the member
     * @return the identifier, or null when a problem was recorded
     */
    public static OrganisationId organisation(Node node, String name) {
        return identifier(node, name, OrganisationId::of);
    }

    /**
     * Reads a text member as a typed identifier.
     *
     * @param node the object
     * @param name the member
     * @param factory builds the identifier
     * @param <T> the identifier type
     * @return the identifier, or null when a problem was recorded
     */
    public static <T> T identifier(Node node, String name, Function<String, T> factory) {
        String text = node.text(name);
        return text == null ? null : node.convert(name, () -> factory.apply(text));
    }
}
