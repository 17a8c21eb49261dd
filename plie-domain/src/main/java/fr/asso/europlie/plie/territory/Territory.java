package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The territory of a PLIE (territoire du PLIE): the communes it covers, checked against an
 * official {@link Geography}, with its priority neighbourhoods (QPV) and the pockets of exclusion
 * that justify the plan.
 *
 * <p>A territory knows its Départements, whether it covers each of them wholly or partly, and
 * the population it covers (the sum of its communes' municipal populations). It holds at least
 * one commune; its communes are sorted by code without duplicates. It is immutable: the
 * {@code with...} methods return new instances.
 *
 * <p>A territory is rebuilt from its codes: {@code Territory.of(t.name(), t.municipalityCodes(),
 * geography).withPriorityNeighbourhoods(t.priorityNeighbourhoods())
 * .withExclusionPockets(t.exclusionPockets())} equals {@code t}. Two territories are equal when
 * their names, communes, neighbourhoods, pockets and geography vintage are.
 */
public final class Territory {

    private final String name;
    private final Geography geography;
    private final List<Municipality> municipalities;
    private final Set<MunicipalityCode> codes;
    private final Map<DepartmentCode, Coverage> coverages;
    private final List<PriorityNeighbourhood> priorityNeighbourhoods;
    private final List<ExclusionPocket> exclusionPockets;

    /** The same communes with other neighbourhoods or pockets: what was derived from the communes is kept. */
    private Territory(Territory same, List<PriorityNeighbourhood> priorityNeighbourhoods, List<ExclusionPocket> exclusionPockets) {
        this.name = same.name;
        this.geography = same.geography;
        this.municipalities = same.municipalities;
        this.codes = same.codes;
        this.coverages = same.coverages;
        this.priorityNeighbourhoods = priorityNeighbourhoods;
        this.exclusionPockets = exclusionPockets;
    }

    private Territory(String name, Geography geography, List<Municipality> municipalities,
            List<PriorityNeighbourhood> priorityNeighbourhoods, List<ExclusionPocket> exclusionPockets) {
        this.name = name;
        this.geography = geography;
        this.municipalities = municipalities;
        this.priorityNeighbourhoods = priorityNeighbourhoods;
        this.exclusionPockets = exclusionPockets;
        Set<MunicipalityCode> covered = new HashSet<>();
        Map<DepartmentCode, Integer> counts = new TreeMap<>();
        for (Municipality municipality : municipalities) {
            covered.add(municipality.code());
            counts.merge(municipality.department(), 1, Integer::sum);
        }
        this.codes = Collections.unmodifiableSet(covered);
        Map<DepartmentCode, Coverage> coverage = new TreeMap<>();
        counts.forEach((department, count) -> coverage.put(department,
                count == geography.municipalitiesIn(department).size() ? Coverage.WHOLE : Coverage.PARTIAL));
        this.coverages = Collections.unmodifiableMap(coverage);
    }

    /**
     * Builds a territory from the INSEE codes of its communes.
     *
     * <p>Every problem is reported at once: each null or unknown code is a violation naming its
     * position ({@code municipalities[3]}). A code given twice counts once.
     *
     * @param name the territory's name, such as {@code PLIE du Grand Périgueux}
     * @param municipalities the communes covered, at least one
     * @param geography the reference the codes are checked against
     * @return the territory
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) for a blank name, a null
     *     collection, element or geography; ({@code PLIE-TERRITORY-011}) when there is no commune;
     *     ({@code PLIE-TERRITORY-007}) for each unknown code
     */
    public static Territory of(String name, Collection<MunicipalityCode> municipalities, Geography geography) {
        List<Violation> violations = new ArrayList<>();
        checkHeader(name, municipalities, geography, violations);
        List<Municipality> found = new ArrayList<>();
        if (municipalities != null && geography != null) {
            int i = 0;
            for (MunicipalityCode code : municipalities) {
                int at = i++;
                Municipality municipality = code == null ? null : geography.municipality(code).orElse(null);
                if (code == null) {
                    violations.add(Violation.of(TerritoryError.REQUIRED, element(at), null));
                } else if (municipality == null) {
                    violations.add(geography.unknownMunicipality(element(at), code));
                } else {
                    found.add(municipality);
                }
            }
        }
        return build(name, geography, found, violations);
    }

    /**
     * Builds a territory from INSEE codes given as text (as a document or a form holds them).
     *
     * <p>Every problem is reported at once: each malformed, null or unknown code is a violation
     * naming its position ({@code municipalities[3]}).
     *
     * @param name the territory's name
     * @param municipalities the INSEE codes of the communes covered, at least one
     * @param geography the reference the codes are checked against
     * @return the territory
     * @throws InvalidValueException as {@link #of(String, Collection, Geography)}, plus
     *     ({@code PLIE-TERRITORY-002}) for each malformed code
     */
    public static Territory ofInseeCodes(String name, Collection<String> municipalities, Geography geography) {
        List<Violation> violations = new ArrayList<>();
        checkHeader(name, municipalities, geography, violations);
        // Each commune is looked up once and kept: with no problem, of(name, codes, geography)
        // would look the same codes up again and find the same communes.
        List<Municipality> found = new ArrayList<>();
        if (municipalities != null && geography != null) {
            int i = 0;
            for (String text : municipalities) {
                int at = i++;
                try {
                    MunicipalityCode code = MunicipalityCode.of(text);
                    Municipality municipality = geography.municipality(code).orElse(null);
                    if (municipality == null) {
                        violations.add(geography.unknownMunicipality(element(at), code));
                    } else {
                        found.add(municipality);
                    }
                } catch (InvalidValueException e) {
                    violations.add(Checks.renamed(e.violation(), element(at)));
                }
            }
        }
        return build(name, geography, found, violations);
    }

    /** The field of the commune at an index, named only when a problem is reported. */
    private static String element(int index) {
        return "municipalities[" + index + "]";
    }

    /**
     * Builds the territory of an intercommunality: all its member communes.
     *
     * @param name the territory's name
     * @param siren the EPCI's SIREN
     * @param geography the reference the EPCI is looked up in
     * @return the territory
     * @throws InvalidValueException ({@code PLIE-TERRITORY-008}, field {@code siren}) when no EPCI
     *     has that SIREN; ({@code PLIE-TERRITORY-001}) for a blank name, a null SIREN or geography
     */
    public static Territory ofEpci(String name, Siren siren, Geography geography) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(Violation.of(TerritoryError.REQUIRED, "name", name));
        }
        if (geography == null) {
            violations.add(Violation.of(TerritoryError.REQUIRED, "geography", null));
        } else {
            try {
                geography.requireEpci(siren);
            } catch (InvalidValueException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        return new Territory(name, geography, geography.municipalitiesOf(siren), List.of(), List.of());
    }

    private static void checkHeader(String name, Collection<?> municipalities, Geography geography,
            List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(Violation.of(TerritoryError.REQUIRED, "name", name));
        }
        if (municipalities == null) {
            violations.add(Violation.of(TerritoryError.REQUIRED, "municipalities", null));
        } else if (municipalities.isEmpty()) {
            violations.add(Violation.of(TerritoryError.NO_MUNICIPALITY, "municipalities", List.of()));
        }
        if (geography == null) {
            violations.add(Violation.of(TerritoryError.REQUIRED, "geography", null));
        }
    }

    private static Territory build(String name, Geography geography, List<Municipality> found, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        if (ascending(found)) {
            // Already sorted by code without duplicates (as a document writes them): what the
            // sorted map below would give.
            return new Territory(name, geography, List.copyOf(found), List.of(), List.of());
        }
        Map<MunicipalityCode, Municipality> sorted = new TreeMap<>();
        found.forEach(m -> sorted.put(m.code(), m));
        return new Territory(name, geography, List.copyOf(sorted.values()), List.of(), List.of());
    }

    /** Whether the communes' codes are strictly ascending. */
    private static boolean ascending(List<Municipality> municipalities) {
        for (int i = 1; i < municipalities.size(); i++) {
            if (municipalities.get(i - 1).code().compareTo(municipalities.get(i).code()) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same territory with these priority neighbourhoods instead of its current ones.
     *
     * @param neighbourhoods the QPV, each in a covered commune and in that commune's Département,
     *     each code once; may be empty
     * @return a new territory
     * @throws InvalidValueException with every problem: ({@code PLIE-TERRITORY-001}) null
     *     collection or element; ({@code PLIE-TERRITORY-013}) commune not covered, field
     *     {@code priorityNeighbourhoods[i].municipality}; ({@code PLIE-TERRITORY-016}) QPV code of
     *     another Département; ({@code PLIE-TERRITORY-014}) the same code twice
     */
    public Territory withPriorityNeighbourhoods(Collection<PriorityNeighbourhood> neighbourhoods) {
        Checks.required(neighbourhoods, "priorityNeighbourhoods");
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (PriorityNeighbourhood neighbourhood : neighbourhoods) {
            String field = "priorityNeighbourhoods[" + i++ + "]";
            if (neighbourhood == null) {
                violations.add(Violation.of(TerritoryError.REQUIRED, field, null));
                continue;
            }
            if (!seen.add(neighbourhood.code())) {
                violations.add(Violation.of(TerritoryError.DUPLICATE, field + ".code", neighbourhood.code()));
            }
            Municipality municipality = municipality(neighbourhood.municipality());
            if (municipality == null) {
                violations.add(outside(field + ".municipality", neighbourhood.municipality()));
            } else if (!municipality.department().value().equals(neighbourhood.departmentInCode())) {
                violations.add(Violation.of(TerritoryError.QPV_DEPARTMENT_MISMATCH, field + ".code", neighbourhood.code(),
                        municipality.code(), municipality.department()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        return new Territory(this, List.copyOf(neighbourhoods), exclusionPockets);
    }

    /**
     * The same territory with these pockets of exclusion instead of its current ones.
     *
     * @param pockets the pockets, each commune of each covered, each name once; may be empty
     * @return a new territory
     * @throws InvalidValueException with every problem: ({@code PLIE-TERRITORY-001}) null
     *     collection or element; ({@code PLIE-TERRITORY-013}) commune not covered, field
     *     {@code exclusionPockets[i].municipalities[j]}; ({@code PLIE-TERRITORY-014}) the same name
     *     twice
     */
    public Territory withExclusionPockets(Collection<ExclusionPocket> pockets) {
        Checks.required(pockets, "exclusionPockets");
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (ExclusionPocket pocket : pockets) {
            String field = "exclusionPockets[" + i++ + "]";
            if (pocket == null) {
                violations.add(Violation.of(TerritoryError.REQUIRED, field, null));
                continue;
            }
            if (!seen.add(pocket.name())) {
                violations.add(Violation.of(TerritoryError.DUPLICATE, field + ".name", pocket.name()));
            }
            List<MunicipalityCode> inside = pocket.municipalities();
            for (int j = 0; j < inside.size(); j++) {
                if (!covers(inside.get(j))) {
                    violations.add(outside(field + ".municipalities[" + j + "]", inside.get(j)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        return new Territory(this, priorityNeighbourhoods, List.copyOf(pockets));
    }

    private Violation outside(String field, MunicipalityCode code) {
        return Violation.of(TerritoryError.OUTSIDE_TERRITORY, field, code, name);
    }

    private Municipality municipality(MunicipalityCode code) {
        return covers(code) ? geography.municipality(code).orElse(null) : null;
    }

    /**
     * The territory's name.
     *
     * @return the name, not blank
     */
    public String name() {
        return name;
    }

    /**
     * The geography the territory was checked against.
     *
     * @return the geography
     */
    public Geography geography() {
        return geography;
    }

    /**
     * The communes covered.
     *
     * @return at least one commune, sorted by code, without duplicates, unmodifiable
     */
    public List<Municipality> municipalities() {
        return municipalities;
    }

    /**
     * The INSEE codes of the communes covered: what a document stores to rebuild the territory.
     *
     * @return the codes, sorted, unmodifiable
     */
    public List<MunicipalityCode> municipalityCodes() {
        return municipalities.stream().map(Municipality::code).toList();
    }

    /**
     * The priority neighbourhoods (QPV) of the territory.
     *
     * @return the neighbourhoods in the order given, possibly empty, unmodifiable
     */
    public List<PriorityNeighbourhood> priorityNeighbourhoods() {
        return priorityNeighbourhoods;
    }

    /**
     * The pockets of exclusion that justify the plan.
     *
     * @return the pockets in the order given, possibly empty, unmodifiable
     */
    public List<ExclusionPocket> exclusionPockets() {
        return exclusionPockets;
    }

    /**
     * The Départements the territory touches.
     *
     * @return the codes of the Départements of its communes, sorted, at least one, unmodifiable
     */
    public SortedSet<DepartmentCode> departments() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(coverages.keySet()));
    }

    /**
     * The population covered: the sum of the municipal populations of the communes covered.
     *
     * @return the population, 0 or more
     */
    public long population() {
        return municipalities.stream().mapToLong(Municipality::population).sum();
    }

    /**
     * How much of a Département the territory covers.
     *
     * @param department a Département code, not null
     * @return {@link Coverage#WHOLE} when every commune of that Département in the geography is
     *     covered, {@link Coverage#PARTIAL} when some are, {@link Coverage#NONE} when none is
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when null
     */
    public Coverage coverage(DepartmentCode department) {
        Checks.required(department, "departmentCode");
        return coverages.getOrDefault(department, Coverage.NONE);
    }

    /**
     * The coverage of each Département the territory touches.
     *
     * @return WHOLE or PARTIAL for each of {@link #departments()}, sorted by code, unmodifiable
     */
    public Map<DepartmentCode, Coverage> coverages() {
        return coverages;
    }

    /**
     * Whether the territory covers a commune.
     *
     * @param code an INSEE code; null gives false
     * @return true when the commune is one of the territory's
     */
    public boolean covers(MunicipalityCode code) {
        return code != null && codes.contains(code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Territory that
                && name.equals(that.name)
                && geography.vintage().equals(that.geography.vintage())
                && municipalities.equals(that.municipalities)
                && priorityNeighbourhoods.equals(that.priorityNeighbourhoods)
                && exclusionPockets.equals(that.exclusionPockets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, geography.vintage(), municipalities, priorityNeighbourhoods, exclusionPockets);
    }

    @Override
    public String toString() {
        return "Territory " + name + " (" + municipalities.size() + " communes in " + departments() + ", population "
                + population() + ", " + priorityNeighbourhoods.size() + " QPV, " + exclusionPockets.size()
                + " pockets of exclusion)";
    }
}
