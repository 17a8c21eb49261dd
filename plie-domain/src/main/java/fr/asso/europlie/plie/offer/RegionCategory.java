package fr.asso.europlie.plie.offer;

/**
 * The category of region of the operation's territory under the FSE+ (catégorie de région), which
 * sets the co-financing rate that caps the FSE+ share of an operation. The rates are settings
 * ({@link OfferSettings#coFinancingRatePercent(RegionCategory)}).
 */
public enum RegionCategory {
    /** More developed region (région plus développée): 40 % by default. */
    MORE_DEVELOPED,
    /** Transition region (région en transition): 60 % by default. */
    TRANSITION,
    /** Less developed region (région moins développée): 85 % by default. */
    LESS_DEVELOPED
}
