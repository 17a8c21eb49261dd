package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A Région (or an overseas collectivity listed with them), such as Nouvelle-Aquitaine
 * ({@code 75}).
 *
 * @param code its code, not null
 * @param name its name, not blank
 */
public record Region(RegionCode code, String name) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when a component is missing or
     *     the name blank
     */
    public Region {
        Checks.required(code, "region.code");
        Checks.text(name, "region.name");
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
