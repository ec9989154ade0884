package vn.hoclieu.harvest;

import java.time.Instant;

/**
 * A partner as the admin page and the API show it.
 *
 * @param library        the code of the library here its records are credited to, or null
 * @param harvestedUntil the partner's responseDate at the start of the last complete harvest; the next
 *                       one asks for records from shortly before it
 * @param lastRun        the latest run, or null before the first
 * @param harvesting     whether a harvest of it is queued or running now
 */
public record PartnerView(long id, String name, String baseUrl, String set, String metadataPrefix, String library,
                          String repositoryIdentifier, boolean enabled, Instant createdAt, Instant harvestedUntil,
                          HarvestRunView lastRun, boolean harvesting) {
}
