package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.AnimationMission;
import fr.asso.europlie.plie.protocol.AnimationStructure;
import fr.asso.europlie.plie.protocol.Deliberation;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.DiagnosticItem;
import fr.asso.europlie.plie.protocol.IntermediateBody;
import fr.asso.europlie.plie.protocol.Negotiation;
import fr.asso.europlie.plie.protocol.Objectives;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolPeriod;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.ProtocolVersion;
import fr.asso.europlie.plie.protocol.PtiAxis;
import fr.asso.europlie.plie.protocol.SharedDiagnostic;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.protocol.SignatoryKind;
import fr.asso.europlie.plie.protocol.Signature;
import fr.asso.europlie.plie.protocol.StrategicAxis;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.protocol.TerritorialInsertionPact;
import fr.asso.europlie.plie.territory.DepartmentCode;
import java.time.Instant;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol document of the PLIE interchange format ({@code "format": "plie/protocol"}):
 * a whole {@link Protocol} with its state, revision, versions in force, negotiation in progress
 * and history. See {@code docs/json-format.md}.
 *
 * <p>Reading checks the envelope, every member, and the domain's own rules on the values, and
 * reports every problem at once with its JSON path ({@link InvalidDocumentException}).
 */
public final class ProtocolJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/protocol";

    private ProtocolJson() {
    }

    /**
     * Writes a protocol as a JSON document, indented for a file or a person to read.
     *
     * @param protocol the protocol, not null
     * @return the indented JSON text
     */
    public static String write(Protocol protocol) {
        return JsonFormat.write(g -> write(g, protocol));
    }

    /**
     * Writes a protocol as a compact JSON document (no white space between tokens), for a store:
     * the same document as {@link #write} but for the indentation, read back by {@link #read}
     * alike. Written token by token straight into the text, without a tree in between.
     *
     * @param protocol the protocol, not null
     * @return the compact JSON text
     */
    public static String writeCompact(Protocol protocol) {
        return JsonFormat.writeCompact(g -> write(g, protocol));
    }

    private static void write(JsonGenerator g, Protocol protocol) {
        JsonFormat.startEnvelope(g, FORMAT);
        g.writeStringProperty("id", protocol.id().value());
        g.writeStringProperty("state", protocol.state().name());
        g.writeNumberProperty("revision", protocol.revision());
        g.writeArrayPropertyStart("versions");
        for (ProtocolVersion v : protocol.versions()) {
            g.writeStartObject();
            g.writeNumberProperty("number", v.number());
            g.writeStringProperty("inForceFrom", v.inForceFrom().toString());
            if (v.amendmentReason() != null) {
                g.writeStringProperty("amendmentReason", v.amendmentReason());
            }
            g.writeName("content");
            writeContent(g, v.content());
            writeAgreement(g, v.adoption(), v.deliberations(), v.signatures());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (protocol.negotiation().isPresent()) {
            Negotiation n = protocol.negotiation().get();
            g.writeObjectPropertyStart("negotiation");
            g.writeNumberProperty("version", n.version());
            g.writeStringProperty("stage", n.stage().name());
            g.writeNumberProperty("round", n.round());
            if (n.amendmentReason() != null) {
                g.writeStringProperty("amendmentReason", n.amendmentReason());
            }
            g.writeName("content");
            writeContent(g, n.content());
            writeAgreement(g, n.adoption(), n.deliberations(), n.signatures());
            g.writeEndObject();
        }
        g.writeArrayPropertyStart("events");
        for (ProtocolEvent e : protocol.events()) {
            g.writeStartObject();
            g.writeStringProperty("type", e.type());
            g.writeStringProperty("id", e.id());
            g.writeNumberProperty("version", e.version());
            g.writeStringProperty("at", e.at().toString());
            g.writeStringProperty("actor", e.actor());
            if (e.organisation() != null) {
                g.writeStringProperty("organisation", e.organisation().value());
            }
            if (e.detail() != null) {
                g.writeStringProperty("detail", e.detail());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Reads a protocol document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the protocol
     * @throws InvalidDocumentException with every problem found
     */
    public static Protocol read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads a protocol document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the protocol and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<Protocol> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, ProtocolJson::protocol);
    }

    static Protocol protocol(Node node) {
        ProtocolId id = node.convert("id", () -> ProtocolId.of(node.text("id")));
        ProtocolState state = node.enumValue("state", ProtocolState.class);
        Long revision = node.longInteger("revision");
        List<ProtocolVersion> versions = node.list("versions", true, v -> new ProtocolVersion(
                v.integer("number"), v.object("content", ProtocolJson::content), v.date("inForceFrom"),
                v.optionalText("amendmentReason"), v.optionalObject("adoption", ProtocolJson::adoption),
                v.list("deliberations", false, ProtocolJson::deliberation), v.list("signatures", false, ProtocolJson::signature)));
        Negotiation negotiation = node.optionalObject("negotiation", n -> new Negotiation(
                n.integer("version"), n.object("content", ProtocolJson::content), n.enumValue("stage", ProtocolState.class),
                n.integer("round"), n.optionalText("amendmentReason"), n.optionalObject("adoption", ProtocolJson::adoption),
                n.list("deliberations", false, ProtocolJson::deliberation), n.list("signatures", false, ProtocolJson::signature)));
        List<ProtocolEvent> events = node.list("events", true, e -> {
            String type = e.text("type");
            String eventId = e.text("id");
            Integer version = e.integer("version");
            Instant at = e.instant("at");
            String actor = e.text("actor");
            OrganisationId organisation = e.has("organisation") ? e.convert("organisation", () -> OrganisationId.of(e.text("organisation")))
                    : null;
            String detail = e.optionalText("detail");
            // Without the protocol's id (reported at $.id) an event cannot be built: no problem of its own.
            return id == null ? null : ProtocolEvent.of(type, eventId, id, version, at, actor, organisation, detail);
        });
        if (node.problems().anyBlocking()) {
            return null;
        }
        return node.convert(null, () -> Protocol.restore(id, state, revision, versions, negotiation, events));
    }

    // ------------------------------------------------------------------------------------ content

    /**
     * Writes a protocol's content as a JSON object (also used by other documents).
     *
     * @param content the content
     * @return the JSON object
     */
    public static ObjectNode content(ProtocolContent content) {
        return JsonFormat.tree(g -> writeContent(g, content));
    }

    private static void writeContent(JsonGenerator g, ProtocolContent content) {
        g.writeStartObject();
        g.writeStringProperty("name", content.name());
        g.writeName("territory");
        TerritoryJson.write(g, content.territory());
        g.writeObjectPropertyStart("period");
        g.writeNumberProperty("first", content.period().first().getValue());
        g.writeNumberProperty("last", content.period().last().getValue());
        g.writeEndObject();
        g.writeArrayPropertyStart("signatories");
        for (Signatory s : content.signatories()) {
            g.writeStartObject();
            g.writeStringProperty("id", s.id().value());
            g.writeStringProperty("kind", s.kind().name());
            if (s.department() != null) {
                g.writeStringProperty("department", s.department().value());
            }
            g.writeStringProperty("name", s.name());
            g.writeStringProperty("deliberatingBody", s.deliberatingBody());
            g.writeBooleanProperty("insertionLead", s.insertionLead());
            g.writeBooleanProperty("mandatory", s.mandatory());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("targetPublics");
        for (TargetPublic p : content.targetPublics()) {
            g.writeStartObject();
            g.writeStringProperty("code", p.code());
            g.writeStringProperty("label", p.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("objectives");
        g.writeNumberProperty("participantsOverPeriod", content.objectives().participantsOverPeriod());
        g.writeArrayPropertyStart("participantsPerYear");
        for (Map.Entry<Year, Integer> year : content.objectives().participantsPerYear().entrySet()) {
            g.writeStartObject();
            g.writeNumberProperty("year", year.getKey().getValue());
            g.writeNumberProperty("participants", year.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("positiveExitRatePercent", content.objectives().positiveExitRatePercent().toPlainString());
        g.writeEndObject();
        g.writeArrayPropertyStart("strategicAxes");
        for (StrategicAxis a : content.strategicAxes()) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id().value());
            g.writeStringProperty("title", a.title());
            g.writeStringProperty("ptiAxis", a.ptiAxis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("pti");
        g.writeStringProperty("department", content.pti().department());
        g.writeStringProperty("name", content.pti().name());
        g.writeArrayPropertyStart("axes");
        for (PtiAxis a : content.pti().axes()) {
            g.writeStartObject();
            g.writeStringProperty("code", a.code());
            g.writeStringProperty("title", a.title());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("governanceBody");
        for (OrganisationId o : content.pti().governanceBody()) {
            g.writeString(o.value());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectPropertyStart("budget");
        g.writeArrayPropertyStart("contributions");
        for (Contribution c : content.budget().contributions()) {
            g.writeStartObject();
            g.writeStringProperty("funder", c.funder().value());
            g.writeNumberProperty("year", c.year().getValue());
            g.writeStringProperty("amount", c.amount().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("plannedExpenses");
        for (PlannedExpense e : content.budget().plannedExpenses()) {
            g.writeStartObject();
            g.writeNumberProperty("year", e.year().getValue());
            g.writeStringProperty("axis", e.axis().value());
            g.writeStringProperty("amount", e.amount().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeName("governance");
        GovernanceJson.write(g, content.governance());
        AnimationStructure animation = content.animationStructure();
        g.writeObjectPropertyStart("animationStructure");
        g.writeStringProperty("id", animation.id().value());
        g.writeStringProperty("name", animation.name());
        g.writeStringProperty("form", animation.form().name());
        g.writeArrayPropertyStart("missions");
        for (AnimationMission m : animation.missions()) {
            g.writeString(m.name());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayPropertyStart("intermediateBodies");
        for (IntermediateBody b : content.intermediateBodies()) {
            g.writeStartObject();
            g.writeStringProperty("id", b.id().value());
            g.writeStringProperty("name", b.name());
            g.writeBooleanProperty("current", b.current());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("diagnostic");
        for (Map.Entry<DiagnosticItem, String> item : content.diagnostic().items().entrySet()) {
            g.writeStringProperty(item.getKey().name(), item.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Reads a protocol's content from a JSON object (also used by other documents).
     *
     * @param node the object's reader
     * @return the content, or null when a problem was recorded
     */
    public static ProtocolContent content(Node node) {
        String name = node.text("name");
        var territory = node.object("territory", TerritoryJson::read);
        ProtocolPeriod period = node.object("period", p -> {
            Year first = p.year("first");
            Year last = p.year("last");
            return first == null || last == null ? null : new ProtocolPeriod(first, last);
        });
        List<Signatory> signatories = node.list("signatories", true, s -> new Signatory(
                s.convert("id", () -> OrganisationId.of(s.text("id"))), s.enumValue("kind", SignatoryKind.class),
                s.text("name"), s.text("deliberatingBody"), s.bool("insertionLead"), s.bool("mandatory"),
                s.has("department") ? s.convert("department", () -> DepartmentCode.of(s.text("department"))) : null));
        List<TargetPublic> publics = node.list("targetPublics", true, p -> new TargetPublic(p.text("code"), p.text("label")));
        Objectives objectives = node.object("objectives", o -> {
            Integer overPeriod = o.integer("participantsOverPeriod");
            SortedMap<Year, Integer> perYear = new TreeMap<>();
            o.list("participantsPerYear", false, y -> {
                Year year = y.year("year");
                Integer count = y.integer("participants");
                if (year != null && count != null) {
                    perYear.put(year, count);
                }
                return year;
            });
            var rate = o.decimal("positiveExitRatePercent");
            return new Objectives(overPeriod, perYear, rate);
        });
        List<StrategicAxis> axes = node.list("strategicAxes", true, a -> new StrategicAxis(
                a.convert("id", () -> StrategicAxisId.of(a.text("id"))), a.text("title"), a.text("ptiAxis")));
        TerritorialInsertionPact pti = node.object("pti", p -> new TerritorialInsertionPact(p.text("department"), p.text("name"),
                p.list("axes", true, a -> new PtiAxis(a.text("code"), a.text("title"))),
                p.texts("governanceBody", true).stream().map(OrganisationId::of).toList()));
        ProtocolBudget budget = node.object("budget", b -> new ProtocolBudget(
                b.list("contributions", true, c -> new Contribution(c.convert("funder", () -> OrganisationId.of(c.text("funder"))),
                        c.year("year"), c.money("amount"))),
                b.list("plannedExpenses", true, e -> new PlannedExpense(e.year("year"),
                        e.convert("axis", () -> StrategicAxisId.of(e.text("axis"))), e.money("amount")))));
        var governance = node.object("governance", GovernanceJson::read);
        AnimationStructure animation = node.object("animationStructure", a -> new AnimationStructure(
                a.convert("id", () -> OrganisationId.of(a.text("id"))), a.text("name"),
                a.enumValue("form", AnimationStructure.Form.class), Set.copyOf(a.enumValues("missions", true, AnimationMission.class))));
        List<IntermediateBody> bodies = node.list("intermediateBodies", true, b -> new IntermediateBody(
                b.convert("id", () -> OrganisationId.of(b.text("id"))), b.text("name"), b.bool("current")));
        SharedDiagnostic diagnostic = node.object("diagnostic", d -> {
            Map<DiagnosticItem, String> items = new EnumMap<>(DiagnosticItem.class);
            for (DiagnosticItem item : DiagnosticItem.values()) {
                String text = d.optionalText(item.name());
                if (text != null) {
                    items.put(item, text);
                }
            }
            return new SharedDiagnostic(items);
        });
        return new ProtocolContent(name, territory, period, signatories, publics, objectives, axes, pti, budget, governance,
                animation, bodies, diagnostic);
    }

    // ------------------------------------------------------------------------------------ agreement

    private static void writeAgreement(JsonGenerator g, Decision<AdoptionOutcome> adoption, List<Deliberation> deliberations,
                                       List<Signature> signatures) {
        if (adoption != null) {
            g.writeName("adoption");
            GovernanceJson.writeDecision(g, adoption);
        }
        g.writeArrayPropertyStart("deliberations");
        for (Deliberation x : deliberations) {
            g.writeStartObject();
            g.writeStringProperty("signatory", x.signatory().value());
            g.writeStringProperty("outcome", x.outcome().name());
            g.writeStringProperty("reference", x.reference());
            g.writeStringProperty("date", x.date().toString());
            g.writeStringProperty("reasons", x.reasons());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("signatures");
        for (Signature x : signatures) {
            g.writeStartObject();
            g.writeStringProperty("signatory", x.signatory().value());
            g.writeStringProperty("date", x.date().toString());
            g.writeStringProperty("signedBy", x.signedBy());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static Decision<AdoptionOutcome> adoption(Node node) {
        return GovernanceJson.readDecision(node, AdoptionOutcome.class);
    }

    private static Deliberation deliberation(Node node) {
        return new Deliberation(node.convert("signatory", () -> OrganisationId.of(node.text("signatory"))),
                node.enumValue("outcome", DeliberationOutcome.class), node.text("reference"), node.date("date"),
                node.optionalText("reasons"));
    }

    private static Signature signature(Node node) {
        return new Signature(node.convert("signatory", () -> OrganisationId.of(node.text("signatory"))), node.date("date"),
                node.text("signedBy"));
    }
}
