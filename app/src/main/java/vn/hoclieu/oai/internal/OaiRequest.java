package vn.hoclieu.oai.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One protocol request, its arguments checked against the verb's rules: a missing, unknown or
 * repeated verb is badVerb; an argument the verb does not take, a repeated or empty one, a missing
 * required one, or a resumption token next to anything else is badArgument.
 *
 * @param arguments every argument but the verb, in the order given
 */
record OaiRequest(Verb verb, Map<String, String> arguments) {

    static final String IDENTIFIER = "identifier";
    static final String METADATA_PREFIX = "metadataPrefix";
    static final String FROM = "from";
    static final String UNTIL = "until";
    static final String SET = "set";
    static final String RESUMPTION_TOKEN = "resumptionToken";

    /** The six verbs and the arguments each takes. */
    enum Verb {
        IDENTIFY("Identify", Set.of(), Set.of()),
        LIST_METADATA_FORMATS("ListMetadataFormats", Set.of(), Set.of(IDENTIFIER)),
        LIST_SETS("ListSets", Set.of(), Set.of(RESUMPTION_TOKEN)),
        GET_RECORD("GetRecord", Set.of(IDENTIFIER, METADATA_PREFIX), Set.of()),
        LIST_IDENTIFIERS("ListIdentifiers", Set.of(METADATA_PREFIX), Set.of(FROM, UNTIL, SET, RESUMPTION_TOKEN)),
        LIST_RECORDS("ListRecords", Set.of(METADATA_PREFIX), Set.of(FROM, UNTIL, SET, RESUMPTION_TOKEN));

        final String protocolName;
        final Set<String> required;
        final Set<String> optional;

        Verb(String protocolName, Set<String> required, Set<String> optional) {
            this.protocolName = protocolName;
            this.required = required;
            this.optional = optional;
        }

        static Optional<Verb> named(String name) {
            return Arrays.stream(values()).filter(v -> v.protocolName.equals(name)).findFirst();
        }
    }

    /** @throws OaiError badVerb or badArgument */
    static OaiRequest parse(Map<String, String[]> parameters) {
        String[] verbs = parameters.get("verb");
        if (verbs == null || verbs.length == 0) {
            throw new OaiError(OaiError.BAD_VERB, "The verb argument is missing");
        }
        if (verbs.length > 1) {
            throw new OaiError(OaiError.BAD_VERB, "The verb argument is repeated");
        }
        Verb verb = Verb.named(verbs[0]).orElseThrow(() -> new OaiError(OaiError.BAD_VERB,
                "'" + verbs[0] + "' is not an OAI-PMH verb; use one of " + List.of("Identify", "ListMetadataFormats",
                        "ListSets", "GetRecord", "ListIdentifiers", "ListRecords")));
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            String name = p.getKey();
            if (name.equals("verb")) {
                continue;
            }
            if (!verb.required.contains(name) && !verb.optional.contains(name)) {
                throw OaiError.badArgument(verb.protocolName + " does not take the argument '" + name + "'");
            }
            if (p.getValue().length != 1) {
                throw OaiError.badArgument("The argument '" + name + "' is repeated");
            }
            if (p.getValue()[0].isBlank()) {
                throw OaiError.badArgument("The argument '" + name + "' is empty");
            }
            arguments.put(name, p.getValue()[0]);
        }
        if (arguments.containsKey(RESUMPTION_TOKEN)) {
            if (arguments.size() > 1) {
                throw OaiError.badArgument("resumptionToken is an exclusive argument: send it with the verb alone");
            }
        } else {
            for (String name : verb.required) {
                if (!arguments.containsKey(name)) {
                    throw OaiError.badArgument(verb.protocolName + " needs the argument '" + name + "'");
                }
            }
        }
        return new OaiRequest(verb, arguments);
    }

    String get(String name) {
        return arguments.get(name);
    }
}
