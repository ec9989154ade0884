package vn.hoclieu.harvest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one OAI-PMH response said, as far as the harvester needs it.
 *
 * @param errorCode        the protocol error's code ({@code noRecordsMatch}, {@code badResumptionToken} …), or null
 * @param metadataPrefixes the formats ListMetadataFormats offered
 * @param resumptionToken  the token of the next page, or null when the list is complete
 */
record OaiResponse(Instant responseDate, String errorCode, String errorMessage, Identify identify,
                   List<String> metadataPrefixes, List<Header> records, String resumptionToken) {

    /** Identify: who the partner says it is. */
    record Identify(String repositoryName, String baseUrl, String protocolVersion, String granularity,
                    String repositoryIdentifier) {
    }

    /**
     * One record: its header and, unless deleted, its metadata's elements by prefixed name
     * ({@code dc:title}, {@code dcterms:hasPart}), each with its values in document order.
     */
    record Header(String identifier, String datestamp, boolean deleted, Map<String, List<String>> fields) {

        List<String> values(String name) {
            return fields.getOrDefault(name, List.of());
        }

        String first(String name) {
            List<String> v = values(name);
            return v.isEmpty() ? null : v.get(0);
        }
    }
}
