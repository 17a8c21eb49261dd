package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.territory.ExclusionPocket;
import fr.asso.europlie.plie.territory.Geography;
import fr.asso.europlie.plie.territory.MunicipalityCode;
import fr.asso.europlie.plie.territory.PriorityNeighbourhood;
import fr.asso.europlie.plie.territory.Territory;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The territory object of the interchange format: the communes by INSEE code, the priority
 * neighbourhoods (QPV) and the pockets of exclusion. Names, Départements and populations are not
 * written: the reader rebuilds them from the official geography, and refuses unknown codes.
 */
public final class TerritoryJson {

    private TerritoryJson() {
    }

    /**
     * Writes a territory.
     *
     * @param territory the territory
     * @return the JSON object
     */
    public static ObjectNode write(Territory territory) {
        return JsonFormat.tree(g -> write(g, territory));
    }

    /**
     * Writes a territory with a generator, as {@link #write(Territory)} does as a tree.
     *
     * @param g where, not null
     * @param territory the territory
     */
    static void write(JsonGenerator g, Territory territory) {
        g.writeStartObject();
        g.writeStringProperty("name", territory.name());
        g.writeArrayPropertyStart("municipalities");
        for (MunicipalityCode code : territory.municipalityCodes()) {
            g.writeString(code.value());
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("priorityNeighbourhoods");
        for (PriorityNeighbourhood q : territory.priorityNeighbourhoods()) {
            g.writeStartObject();
            g.writeStringProperty("code", q.code());
            g.writeStringProperty("name", q.name());
            g.writeStringProperty("municipality", q.municipality().value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("exclusionPockets");
        for (ExclusionPocket p : territory.exclusionPockets()) {
            g.writeStartObject();
            g.writeStringProperty("name", p.name());
            g.writeStringProperty("justification", p.justification());
            g.writeArrayPropertyStart("municipalities");
            for (MunicipalityCode code : p.municipalities()) {
                g.writeString(code.value());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Reads a territory against the official 2026 geography.
     *
     * @param node the object's reader
     * @return the territory, or null when a problem was recorded
     */
    public static Territory read(Node node) {
        String name = node.text("name");
        List<String> codes = node.texts("municipalities", true);
        List<PriorityNeighbourhood> qpv = node.list("priorityNeighbourhoods", false, q -> new PriorityNeighbourhood(
                q.text("code"), q.text("name"), q.convert("municipality", () -> MunicipalityCode.of(q.text("municipality")))));
        List<ExclusionPocket> pockets = node.list("exclusionPockets", false, p -> {
            List<MunicipalityCode> members = new ArrayList<>();
            List<String> texts = p.texts("municipalities", true);
            for (int i = 0; i < texts.size(); i++) {
                String code = texts.get(i);
                MunicipalityCode value = p.convert("municipalities[" + i + "]", () -> MunicipalityCode.of(code));
                if (value != null) {
                    members.add(value);
                }
            }
            return ExclusionPocket.of(p.text("name"), p.text("justification"), members);
        });
        Territory territory = node.convert("municipalities", () -> Territory.ofInseeCodes(name, codes, Geography.official2026()));
        if (territory == null) {
            return null;
        }
        Territory withQpv = node.convert("priorityNeighbourhoods", () -> territory.withPriorityNeighbourhoods(qpv));
        return withQpv == null ? null : node.convert("exclusionPockets", () -> withQpv.withExclusionPockets(pockets));
    }
}
