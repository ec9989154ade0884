package vn.hoclieu.oai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.hoclieu.oai.internal.OaiRequest.Verb;

/** A token says where a harvester is in a list; one that expired, was altered or is for another verb is refused. */
class OaiResumptionTokenTest {

    private static final Instant NOW = Instant.parse("2025-10-01T08:00:00Z");
    private final ResumptionToken token = new ResumptionToken(Verb.LIST_RECORDS, "oai_qdc", "library:HN-TVHN",
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-09-30T23:59:59Z"),
            Instant.parse("2025-05-05T05:05:05Z"), 42, 100, NOW.plusSeconds(3600));

    @Test
    void aTokenCarriesTheWholeQueryAndItsCursor() {
        String text = token.encode();

        assertThat(text).matches("[A-Za-z0-9_\\-.]+");
        assertThat(ResumptionToken.decode(text, Verb.LIST_RECORDS, NOW)).isEqualTo(token);
        ResumptionToken open = new ResumptionToken(Verb.LIST_IDENTIFIERS, "oai_dc", null, null, NOW,
                OaiRecords.BEFORE_ALL, Long.MIN_VALUE, 0, NOW);
        assertThat(ResumptionToken.decode(open.encode(), Verb.LIST_IDENTIFIERS, NOW)).isEqualTo(open);
    }

    @Test
    void expiredAlteredOrForeignTokensAreBadResumptionTokens() {
        String text = token.encode();
        assertBad(text, Verb.LIST_RECORDS, NOW.plusSeconds(3601));
        assertBad(text, Verb.LIST_IDENTIFIERS, NOW);
        assertBad(text.substring(1), Verb.LIST_RECORDS, NOW);
        assertBad(text.replace('.', '-'), Verb.LIST_RECORDS, NOW);
        assertBad(text.substring(0, text.indexOf('.')), Verb.LIST_RECORDS, NOW);
        assertBad("", Verb.LIST_RECORDS, NOW);
        assertBad("%%%.%%%", Verb.LIST_RECORDS, NOW);
        // the same query with another cursor, checksum kept: altered
        String other = token.after(Instant.parse("2025-06-06T06:06:06Z"), 43, 4, token.expires()).encode();
        assertBad(other.substring(0, other.indexOf('.')) + text.substring(text.indexOf('.')), Verb.LIST_RECORDS, NOW);
    }

    private static void assertBad(String text, Verb verb, Instant now) {
        assertThatThrownBy(() -> ResumptionToken.decode(text, verb, now)).isInstanceOfSatisfying(OaiError.class,
                e -> assertThat(e.code()).isEqualTo("badResumptionToken"));
    }
}
