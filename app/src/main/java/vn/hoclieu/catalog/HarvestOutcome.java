package vn.hoclieu.catalog;

/** What holding a harvested record did here, for the harvest run's counts. */
public enum HarvestOutcome {
    ADDED, UPDATED,
    /** the same version again (harvests overlap on purpose) */
    UNCHANGED,
    /** withdrawn here because the partner deleted it */
    DELETED,
    /** a deletion of a record never held, or already withdrawn */
    ABSENT
}
