package vn.hoclieu.harvest.internal;

import java.util.Arrays;

/**
 * Why talking to a partner failed, as a message code and its arguments, so that the run and the
 * registration form say it in their reader's language.
 */
public class HarvestFailure extends Exception {

    private final String code;
    private final transient Object[] arguments;
    private final boolean transientFailure;

    HarvestFailure(boolean transientFailure, String code, Object... arguments) {
        super(code + " " + Arrays.toString(arguments));
        this.code = code;
        this.arguments = arguments;
        this.transientFailure = transientFailure;
    }

    static HarvestFailure permanent(String code, Object... arguments) {
        return new HarvestFailure(false, code, arguments);
    }

    static HarvestFailure temporary(String code, Object... arguments) {
        return new HarvestFailure(true, code, arguments);
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments;
    }

    /** Worth another try later in the same run (a time-out, a 503), unlike a 404 or a document that is not OAI-PMH. */
    boolean isTransient() {
        return transientFailure;
    }
}
