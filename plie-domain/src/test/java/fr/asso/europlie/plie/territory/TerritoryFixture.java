package fr.asso.europlie.plie.territory;

import java.util.List;

/**
 * Territories for tests, modelled on real plans.
 *
 * <p>The Grand Périgueux case: the territory of the CA Le Grand Périgueux (SIREN
 * {@code 200040392}), its 43 communes, all in Dordogne (24). Its priority neighbourhoods and
 * pockets of exclusion are illustrative: real communes, but codes and names made up for the tests,
 * not the official list of QPV.
 */
public final class TerritoryFixture {

    /** The SIREN of the CA Le Grand Périgueux. */
    public static final Siren GRAND_PERIGUEUX = Siren.of("200040392");
    /** Dordogne. */
    public static final DepartmentCode DORDOGNE = DepartmentCode.of("24");
    /** Périgueux, the EPCI's main town. */
    public static final MunicipalityCode PERIGUEUX = MunicipalityCode.of("24322");
    /** Coulounieix-Chamiers. */
    public static final MunicipalityCode COULOUNIEIX_CHAMIERS = MunicipalityCode.of("24138");
    /** Boulazac Isle Manoire. */
    public static final MunicipalityCode BOULAZAC = MunicipalityCode.of("24053");
    /** Vergt. */
    public static final MunicipalityCode VERGT = MunicipalityCode.of("24571");
    /** Bergerac: in Dordogne, outside the Grand Périgueux. */
    public static final MunicipalityCode BERGERAC = MunicipalityCode.of("24037");

    private TerritoryFixture() {
    }

    /**
     * The Grand Périgueux's communes only, built from the EPCI's SIREN.
     *
     * @return the territory, without QPV or pockets of exclusion
     */
    public static Territory grandPerigueuxCommunes() {
        return Territory.ofEpci("PLIE du Grand Périgueux", GRAND_PERIGUEUX, Geography.official2026());
    }

    /**
     * The Grand Périgueux territory with two priority neighbourhoods and two pockets of exclusion.
     *
     * @return the territory
     */
    public static Territory grandPerigueux() {
        return grandPerigueuxCommunes()
                .withPriorityNeighbourhoods(List.of(
                        new PriorityNeighbourhood("QN02401M", "Chamiers", COULOUNIEIX_CHAMIERS),
                        new PriorityNeighbourhood("QN02402M", "Gour de l’Arche – Toulon", PERIGUEUX)))
                .withExclusionPockets(List.of(
                        ExclusionPocket.of("Vallée urbaine de l’Isle",
                                "Chômage de longue durée et allocataires du RSA concentrés dans l’agglomération centrale",
                                List.of(PERIGUEUX, COULOUNIEIX_CHAMIERS, BOULAZAC)),
                        ExclusionPocket.of("Pays vernois",
                                "Isolement rural, faible mobilité et offre d’insertion éloignée",
                                List.of(VERGT))));
    }
}
