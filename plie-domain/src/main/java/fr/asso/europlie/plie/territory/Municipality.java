package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.Optional;

/**
 * A commune (municipality) of the official geography: its INSEE code, name, Département, Région,
 * intercommunality and population.
 *
 * <p>Instances normally come from {@link Geography}; building one by hand is allowed (tests,
 * other vintages) and checked the same way.
 *
 * @param code the INSEE code, not null
 * @param name the official name, such as {@code Périgueux}, not blank
 * @param department the Département, not null
 * @param region the Région, not null
 * @param epci the SIREN of the EPCI it belongs to, empty for the few communes outside any
 *     (mostly islands); null is read as empty
 * @param population the population municipale, 0 or more (0 for the uninhabited territories)
 */
public record Municipality(MunicipalityCode code, String name, DepartmentCode department, RegionCode region,
        Optional<Siren> epci, int population) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when a component is missing or the
     *     name blank; ({@code PLIE-TERRITORY-015}) when the population is negative
     */
    public Municipality {
        Checks.required(code, "municipality.code");
        Checks.text(name, "municipality.name");
        Checks.required(department, "municipality.department");
        Checks.required(region, "municipality.region");
        epci = epci == null ? Optional.empty() : epci;
        if (population < 0) {
            throw new InvalidValueException(TerritoryError.NEGATIVE_POPULATION, "municipality.population", population);
        }
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
