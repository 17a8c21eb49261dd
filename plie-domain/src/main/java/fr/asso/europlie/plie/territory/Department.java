package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A Département (or an overseas collectivity listed with them), such as Dordogne ({@code 24}):
 * the level of the insertion policy led by the Département council.
 *
 * @param code its code, not null
 * @param name its name, not blank
 * @param region the Région it belongs to, not null
 * @param chefLieu the commune of its prefecture (chef-lieu), not null
 */
public record Department(DepartmentCode code, String name, RegionCode region, MunicipalityCode chefLieu) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when a component is missing or
     *     the name blank
     */
    public Department {
        Checks.required(code, "department.code");
        Checks.text(name, "department.name");
        Checks.required(region, "department.region");
        Checks.required(chefLieu, "department.chefLieu");
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
