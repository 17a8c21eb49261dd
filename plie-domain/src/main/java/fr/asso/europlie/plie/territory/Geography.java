package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The official French administrative geography at one date (géographie administrative
 * officielle, code officiel géographique): every commune with its Département, Région,
 * intercommunality and population, every EPCI, Département and Région.
 *
 * <p>{@link #official2026()} is the vintage of 1 January 2026 shipped in the library's resources
 * ({@code fr/asso/europlie/plie/territory/geography/}, see its README for the source and licence).
 * It is read once, on first use, in a thread-safe way, and shared; instances are immutable.
 *
 * <p>Lookups come in two flavours: {@code municipality(code)} returns an {@link Optional}, and
 * {@code requireMunicipality(code)} throws an {@link InvalidValueException} naming the field and
 * the unknown code. No method accepts a null argument except where stated.
 */
public final class Geography {

    /** The date of the shipped vintage: 1 January 2026. */
    public static final LocalDate VINTAGE_2026 = LocalDate.of(2026, 1, 1);

    private final LocalDate vintage;
    private final Map<MunicipalityCode, Municipality> municipalities;
    private final Map<Siren, Epci> epcis;
    private final Map<DepartmentCode, Department> departments;
    private final Map<RegionCode, Region> regions;
    private final Map<DepartmentCode, List<Municipality>> byDepartment;
    private final Map<Siren, List<Municipality>> byEpci;

    Geography(LocalDate vintage, List<Region> regions, List<Department> departments, List<Epci> epcis,
            List<Municipality> municipalities) {
        this.vintage = vintage;
        this.regions = index(regions, Region::code);
        this.departments = index(departments, Department::code);
        this.epcis = index(epcis, Epci::siren);
        this.municipalities = index(municipalities, Municipality::code);
        Map<DepartmentCode, List<Municipality>> inDepartment = new TreeMap<>();
        Map<Siren, List<Municipality>> inEpci = new TreeMap<>();
        for (Municipality municipality : this.municipalities.values()) {
            inDepartment.computeIfAbsent(municipality.department(), d -> new ArrayList<>()).add(municipality);
            municipality.epci().ifPresent(siren -> inEpci.computeIfAbsent(siren, s -> new ArrayList<>()).add(municipality));
        }
        inDepartment.replaceAll((d, list) -> List.copyOf(list));
        inEpci.replaceAll((s, list) -> List.copyOf(list));
        this.byDepartment = Collections.unmodifiableMap(inDepartment);
        this.byEpci = Collections.unmodifiableMap(inEpci);
    }

    private static <K extends Comparable<K>, V> Map<K, V> index(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> sorted = new TreeMap<>();
        for (V value : values) {
            if (sorted.put(key.apply(value), value) != null) {
                throw new IllegalStateException("geography: " + key.apply(value) + " listed twice");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** Holder idiom: the JVM loads the class, hence the files, once and on first use. */
    private static final class Official2026 {
        static final Geography INSTANCE = GeographyFiles.load("/fr/asso/europlie/plie/territory/geography/", VINTAGE_2026);
    }

    /**
     * The official geography of 1 January 2026, shipped with the library.
     *
     * @return the shared instance, read on the first call
     * @throws IllegalStateException when the resources are missing or corrupt (a packaging fault)
     */
    public static Geography official2026() {
        return Official2026.INSTANCE;
    }

    /**
     * The date at which this geography is valid.
     *
     * @return the vintage, such as 2026-01-01
     */
    public LocalDate vintage() {
        return vintage;
    }

    /**
     * Looks up a commune.
     *
     * @param code an INSEE code; null gives empty
     * @return the commune, or empty when this geography does not know it
     */
    public Optional<Municipality> municipality(MunicipalityCode code) {
        return Optional.ofNullable(code == null ? null : municipalities.get(code));
    }

    /**
     * Looks up a commune that must exist.
     *
     * @param code an INSEE code
     * @return the commune
     * @throws InvalidValueException ({@code PLIE-TERRITORY-007}, field {@code municipalityCode})
     *     when unknown; ({@code PLIE-TERRITORY-001}) when null
     */
    public Municipality requireMunicipality(MunicipalityCode code) {
        Checks.required(code, "municipalityCode");
        return municipality(code).orElseThrow(() -> new InvalidValueException(List.of(unknownMunicipality("municipalityCode", code))));
    }

    /** The violation for an unknown commune under a given field. */
    Violation unknownMunicipality(String field, MunicipalityCode code) {
        return Violation.of(TerritoryError.UNKNOWN_MUNICIPALITY, field, code, vintage);
    }

    /**
     * Looks up an intercommunality.
     *
     * @param siren a SIREN; null gives empty
     * @return the EPCI, or empty when this geography has no EPCI with that SIREN
     */
    public Optional<Epci> epci(Siren siren) {
        return Optional.ofNullable(siren == null ? null : epcis.get(siren));
    }

    /**
     * Looks up an intercommunality that must exist.
     *
     * @param siren a SIREN
     * @return the EPCI
     * @throws InvalidValueException ({@code PLIE-TERRITORY-008}, field {@code siren}) when unknown;
     *     ({@code PLIE-TERRITORY-001}) when null
     */
    public Epci requireEpci(Siren siren) {
        Checks.required(siren, "siren");
        return epci(siren).orElseThrow(() -> new InvalidValueException(TerritoryError.UNKNOWN_EPCI, "siren", siren, vintage));
    }

    /**
     * Looks up a Département.
     *
     * @param code a Département code; null gives empty
     * @return the Département, or empty when unknown
     */
    public Optional<Department> department(DepartmentCode code) {
        return Optional.ofNullable(code == null ? null : departments.get(code));
    }

    /**
     * Looks up a Département that must exist.
     *
     * @param code a Département code
     * @return the Département
     * @throws InvalidValueException ({@code PLIE-TERRITORY-009}, field {@code departmentCode}) when
     *     unknown; ({@code PLIE-TERRITORY-001}) when null
     */
    public Department requireDepartment(DepartmentCode code) {
        Checks.required(code, "departmentCode");
        return department(code).orElseThrow(
                () -> new InvalidValueException(TerritoryError.UNKNOWN_DEPARTMENT, "departmentCode", code, vintage));
    }

    /**
     * Looks up a Région.
     *
     * @param code a Région code; null gives empty
     * @return the Région, or empty when unknown
     */
    public Optional<Region> region(RegionCode code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    /**
     * Looks up a Région that must exist.
     *
     * @param code a Région code
     * @return the Région
     * @throws InvalidValueException ({@code PLIE-TERRITORY-010}, field {@code regionCode}) when
     *     unknown; ({@code PLIE-TERRITORY-001}) when null
     */
    public Region requireRegion(RegionCode code) {
        Checks.required(code, "regionCode");
        return region(code).orElseThrow(() -> new InvalidValueException(TerritoryError.UNKNOWN_REGION, "regionCode", code, vintage));
    }

    /**
     * The member communes of an intercommunality.
     *
     * @param siren the EPCI's SIREN; null gives an empty list
     * @return its communes sorted by code, empty when no EPCI has that SIREN
     */
    public List<Municipality> municipalitiesOf(Siren siren) {
        return siren == null ? List.of() : byEpci.getOrDefault(siren, List.of());
    }

    /**
     * The communes of a Département.
     *
     * @param code the Département code; null gives an empty list
     * @return its communes sorted by code, empty when the Département is unknown
     */
    public List<Municipality> municipalitiesIn(DepartmentCode code) {
        return code == null ? List.of() : byDepartment.getOrDefault(code, List.of());
    }

    /**
     * Every commune.
     *
     * @return the communes sorted by code, unmodifiable
     */
    public List<Municipality> municipalities() {
        return List.copyOf(municipalities.values());
    }

    /**
     * Every intercommunality.
     *
     * @return the EPCI sorted by SIREN, unmodifiable
     */
    public List<Epci> epcis() {
        return List.copyOf(epcis.values());
    }

    /**
     * Every Département.
     *
     * @return the Départements sorted by code, unmodifiable
     */
    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    /**
     * Every Région.
     *
     * @return the Régions sorted by code, unmodifiable
     */
    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    @Override
    public String toString() {
        return "Geography " + vintage + " (" + municipalities.size() + " communes, " + epcis.size() + " EPCI, "
                + departments.size() + " Départements, " + regions.size() + " Régions)";
    }
}
