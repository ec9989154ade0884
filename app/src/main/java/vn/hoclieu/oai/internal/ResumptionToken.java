package vn.hoclieu.oai.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import vn.hoclieu.oai.internal.OaiRequest.Verb;

/**
 * Where a harvester is in a long list, carried by the harvester itself: the list's query (format,
 * set, from, until) and a cursor after the last record sent, by (datestamp, id). Nothing is kept
 * on the server, so tokens survive restarts; and because the list is ordered by datestamp, a
 * record that changes meanwhile moves behind the cursor (to be sent again, newer) rather than
 * shifting the pages and making the harvester skip another one. {@code until} is fixed when the
 * list starts, so the list ends; changes after that are the next incremental harvest's.
 *
 * <p>The text is base64url with a checksum, so a token that was cut or mistyped is told apart
 * from a valid one; its content is no secret (it only says what the harvester asked).
 *
 * @param cursor  how many records the list has sent before this point
 */
record ResumptionToken(Verb verb, String metadataPrefix, String set, Instant from, Instant until,
                       Instant afterDatestamp, long afterId, long cursor, Instant expires) {

    private static final String VERSION = "1";

    String encode() {
        String payload = String.join("|", VERSION, verb.name(), metadataPrefix, set == null ? "" : set,
                seconds(from), seconds(until), seconds(afterDatestamp), Long.toString(afterId), Long.toString(cursor),
                seconds(expires));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + checksum(bytes);
    }

    /** @throws OaiError badResumptionToken if the token is not one of ours, is for another verb, or has expired */
    static ResumptionToken decode(String token, Verb verb, Instant now) {
        ResumptionToken t;
        try {
            int dot = token.lastIndexOf('.');
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            if (dot < 0 || !checksum(bytes).equals(token.substring(dot + 1))) {
                throw bad();
            }
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 10 || !f[0].equals(VERSION)) {
                throw bad();
            }
            t = new ResumptionToken(Verb.valueOf(f[1]), f[2], f[3].isEmpty() ? null : f[3], instant(f[4]),
                    instant(f[5]), instant(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), instant(f[9]));
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        if (t.verb != verb) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "This resumptionToken continues a "
                    + t.verb.protocolName + " list, not " + verb.protocolName);
        }
        if (t.expires == null || now.isAfter(t.expires)) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken has expired: start the list again");
        }
        return t;
    }

    /** The same list, continued after {@code (datestamp, id)}, {@code sent} records further on. */
    ResumptionToken after(Instant datestamp, long id, long sent, Instant newExpiry) {
        return new ResumptionToken(verb, metadataPrefix, set, from, until, datestamp, id, cursor + sent, newExpiry);
    }

    private static OaiError bad() {
        return new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken is not valid (garbled or not from "
                + "this repository): start the list again");
    }

    private static String seconds(Instant i) {
        return i == null ? "" : Long.toString(i.getEpochSecond());
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(s));
    }

    private static String checksum(byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("hoclieu-oai-token".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(payload);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
