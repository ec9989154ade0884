package vn.hoclieu.catalog;

import java.util.List;

/**
 * A partner's public record, as the harvester read it, for the catalogue to hold as a linked
 * record. Values are as the partner sent them; the catalogue checks and trims them as it would an
 * upload's and drops what it cannot use (an unknown material type becomes OTHER, a malformed
 * language or licence is left out), because one odd record must not stop a harvest.
 *
 * @param partnerId   the harvest partner (with {@code identifier}, what makes the record unique here)
 * @param partnerName for the credit ("Nguồn: …")
 * @param identifier  the record's OAI identifier at the partner
 * @param datestamp   the partner's datestamp of this version, as written in its header
 * @param sourceUrl   the partner's page for the record (http or https), or null
 * @param libraryId   the library here the record is credited to, or null
 * @param date        the work's date: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} (longer values are cut), or null
 * @param files       links to the partner's files, fetched when first asked for
 */
public record HarvestedRecord(long partnerId, String partnerName, String identifier, String datestamp,
                              String sourceUrl, Long libraryId, String title, List<String> creators,
                              List<String> subjects, String description, String publisher, String date,
                              String language, String materialType, String licence, List<String> audience,
                              List<RemoteFile> files) {

    /** @param mediaType the type the partner declared, or null */
    public record RemoteFile(String name, String mediaType, String url) {
    }
}
