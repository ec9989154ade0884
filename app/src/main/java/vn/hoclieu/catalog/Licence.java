package vn.hoclieu.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licences the upload form offers: the seven Creative Commons choices and "all rights
 * reserved". Resources keep the SPDX-style {@link #id()} (any other SPDX-like id is accepted and
 * kept as given); this type is what turns an id into a name, a deed address and the permissions
 * people need to know before they reuse a work.
 *
 * <p>"All rights reserved" has no SPDX id; it is {@code ALL-RIGHTS-RESERVED} (the id the upload
 * form already used), and the SPDX convention {@code LicenseRef-All-Rights-Reserved} is read as it.
 * A resource without a licence (null) is "licence unknown", which is not the same: nobody said.
 *
 * <p>Names and explanations are messages: {@code licence.<NAME>} (short name), {@code
 * licence.<NAME>.name} (full name) and {@code licence.<NAME>.explain} (what others may do).
 */
public enum Licence {

    CC0("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", true, true, false, false),
    CC_BY("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", true, true, false, true),
    CC_BY_SA("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", true, true, true, true),
    CC_BY_ND("CC-BY-ND-4.0", "https://creativecommons.org/licenses/by-nd/4.0/", true, false, false, true),
    CC_BY_NC("CC-BY-NC-4.0", "https://creativecommons.org/licenses/by-nc/4.0/", false, true, false, true),
    CC_BY_NC_SA("CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/", false, true, true, true),
    CC_BY_NC_ND("CC-BY-NC-ND-4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/", false, false, false, true),
    ALL_RIGHTS_RESERVED("ALL-RIGHTS-RESERVED", null, false, false, false, true);

    private static final String ALL_RIGHTS_RESERVED_SPDX = "LicenseRef-All-Rights-Reserved";
    /** Other versions of the CC licences (3.0, 2.0 …) still have a canonical deed. */
    private static final Pattern CREATIVE_COMMONS = Pattern.compile("CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\\d\\.\\d)",
            Pattern.CASE_INSENSITIVE);

    private final String id;
    private final String deed;
    private final boolean commercialUse;
    private final boolean changes;
    private final boolean shareAlike;
    private final boolean attribution;

    Licence(String id, String deed, boolean commercialUse, boolean changes, boolean shareAlike, boolean attribution) {
        this.id = id;
        this.deed = deed;
        this.commercialUse = commercialUse;
        this.changes = changes;
        this.shareAlike = shareAlike;
        this.attribution = attribution;
    }

    /** The known licence with this id (ignoring case), if it is one. */
    public static Optional<Licence> byId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String wanted = id.strip();
        if (wanted.equalsIgnoreCase(ALL_RIGHTS_RESERVED_SPDX)) {
            return Optional.of(ALL_RIGHTS_RESERVED);
        }
        return Arrays.stream(values()).filter(l -> l.id.equalsIgnoreCase(wanted)).findFirst();
    }

    /** For templates: the known licence, or null for an unknown or other id. */
    public static Licence known(String id) {
        return byId(id).orElse(null);
    }

    /** The id to store: a known licence's own spelling, any other id as given; null for none. */
    public static String canonical(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return byId(id).map(Licence::id).orElse(id.strip());
    }

    /**
     * The licence as an address, which is what harvesters and {@code rel="license"} links want:
     * a Creative Commons deed, else the SPDX page of the id; null for none and for "all rights
     * reserved" (there is nothing to link to).
     */
    public static String uri(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Optional<Licence> known = byId(id);
        if (known.isPresent()) {
            return known.get().deed;
        }
        Matcher cc = CREATIVE_COMMONS.matcher(id.strip());
        if (cc.matches()) {
            return "https://creativecommons.org/licenses/" + cc.group(1).toLowerCase(Locale.ROOT) + "/" + cc.group(2) + "/";
        }
        return "https://spdx.org/licenses/" + id.strip() + ".html";
    }

    /** The choices of the upload form, grouped as its "help me choose" asks: commercial use first. */
    public static List<Licence> commercialChoices() {
        return Arrays.stream(values()).filter(l -> l.commercialUse).toList();
    }

    public static List<Licence> nonCommercialChoices() {
        return Arrays.stream(values()).filter(l -> !l.commercialUse && l.isCreativeCommons()).toList();
    }

    public String id() { return id; }
    /** The Creative Commons deed; null for "all rights reserved". */
    public String deed() { return deed; }
    public boolean commercialUse() { return commercialUse; }
    public boolean changes() { return changes; }
    /** Changed versions must carry the same licence. */
    public boolean shareAlike() { return shareAlike; }
    /** Reusers must name the author (CC0 waives even that). */
    public boolean attribution() { return attribution; }
    public boolean isCreativeCommons() { return deed != null; }
    /** The key of its short name ("CC BY 4.0"). */
    public String messageKey() { return "licence." + name(); }
    /** The key of its full name ("Creative Commons Ghi công 4.0 Quốc tế"). */
    public String nameKey() { return messageKey() + ".name"; }
    /** The key of what it lets others do, in plain words. */
    public String explainKey() { return messageKey() + ".explain"; }
}
