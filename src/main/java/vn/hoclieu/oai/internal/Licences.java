package vn.hoclieu.oai.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A licence as a URI, which is what harvesters match on: the catalogue keeps SPDX-style ids
 * ({@code CC-BY-4.0}); Creative Commons licences get their canonical deed address, other ids
 * their SPDX page.
 */
final class Licences {

    private static final Pattern CREATIVE_COMMONS = Pattern.compile("CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\\d\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CC0 = Pattern.compile("CC0-1\\.0", Pattern.CASE_INSENSITIVE);

    private Licences() {
    }

    static String uri(String licence) {
        if (licence == null || licence.isBlank()) {
            return null;
        }
        Matcher cc = CREATIVE_COMMONS.matcher(licence);
        if (cc.matches()) {
            return "https://creativecommons.org/licenses/" + cc.group(1).toLowerCase(Locale.ROOT) + "/" + cc.group(2) + "/";
        }
        if (CC0.matcher(licence).matches()) {
            return "https://creativecommons.org/publicdomain/zero/1.0/";
        }
        return "https://spdx.org/licenses/" + licence + ".html";
    }
}
