package fr.asso.europlie.plie.offer;

import java.math.BigDecimal;

/**
 * The category of region of the operation's territory under the FSE+ (catégorie de région), which
 * sets the maximum co-financing rate of Regulation (EU) 2021/1060 art. 112(3). That rate applies
 * to each priority of the programme, and so to each priority of the OI's global grant; the ceiling
 * of one operation's FSE+ share is the OI's own setting
 * ({@link OfferSettings#operationCoFinancingRatePercent(RegionCategory)}), by default the same rate.
 */
public enum RegionCategory {
    /** More developed region (région plus développée): 40 %. */
    MORE_DEVELOPED(40),
    /** More developed region that was a transition or less developed region in 2014-2020: 50 %. */
    MORE_DEVELOPED_FORMERLY_TRANSITION(50),
    /** Transition region (région en transition): 60 %. */
    TRANSITION(60),
    /** Transition region that was a less developed region in 2014-2020: 70 %. */
    TRANSITION_FORMERLY_LESS_DEVELOPED(70),
    /** Less developed region (région moins développée), outermost regions included: 85 %. */
    LESS_DEVELOPED(85);

    private final BigDecimal maximumRatePercent;

    RegionCategory(int maximumRatePercent) {
        this.maximumRatePercent = BigDecimal.valueOf(maximumRatePercent);
    }

    /**
     * The maximum co-financing rate of art. 112(3) for this category.
     *
     * @return the rate in percent
     */
    public BigDecimal maximumRatePercent() {
        return maximumRatePercent;
    }
}
