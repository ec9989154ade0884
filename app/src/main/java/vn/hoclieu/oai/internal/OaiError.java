package vn.hoclieu.oai.internal;

/**
 * A request the protocol answers with an {@code <error>}: still HTTP 200 and a well-formed
 * OAI-PMH response, as the specification wants, never an exception page.
 *
 * @param code one of the protocol's error codes ({@code badArgument}, {@code idDoesNotExist}, …)
 */
final class OaiError extends RuntimeException {

    static final String BAD_ARGUMENT = "badArgument";
    static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";
    static final String BAD_VERB = "badVerb";
    static final String CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat";
    static final String ID_DOES_NOT_EXIST = "idDoesNotExist";
    static final String NO_RECORDS_MATCH = "noRecordsMatch";

    private final String code;

    OaiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** After badVerb and badArgument the request element carries no arguments: they were not valid. */
    boolean echoesArguments() {
        return !code.equals(BAD_VERB) && !code.equals(BAD_ARGUMENT);
    }

    static OaiError badArgument(String message) {
        return new OaiError(BAD_ARGUMENT, message);
    }
}
