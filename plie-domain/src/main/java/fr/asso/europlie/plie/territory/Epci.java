package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.List;

/**
 * An intercommunality with its own taxation (EPCI à fiscalité propre), such as the CA Le Grand
 * Périgueux (SIREN {@code 200040392}): the grouping of communes that often sets up a PLIE.
 *
 * @param siren its SIREN, not null
 * @param name its name, not blank
 * @param type its legal form, not null
 * @param population the DGCL's population figure for the EPCI (not the sum of its members'
 *     municipal populations, which {@link Territory#population()} gives), 0 or more
 * @param members the INSEE codes of its member communes, at least one; copied, sorted, without
 *     duplicates
 */
public record Epci(Siren siren, String name, EpciType type, int population, List<MunicipalityCode> members) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when a component is missing or the
     *     name blank; ({@code PLIE-TERRITORY-011}) when there is no member;
     *     ({@code PLIE-TERRITORY-015}) when the population is negative
     */
    public Epci {
        Checks.required(siren, "epci.siren");
        Checks.text(name, "epci.name");
        Checks.required(type, "epci.type");
        if (population < 0) {
            throw new InvalidValueException(TerritoryError.NEGATIVE_POPULATION, "epci.population", population);
        }
        members = Checks.codes(members, "epci.members");
    }

    @Override
    public String toString() {
        return siren + " " + name;
    }
}
