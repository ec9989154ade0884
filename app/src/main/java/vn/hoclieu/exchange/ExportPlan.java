package vn.hoclieu.exchange;

import java.time.LocalDate;
import java.util.List;
import vn.hoclieu.account.Viewer;

/**
 * What an export will write, decided before its first byte (so that a refusal is still a clear answer):
 * the manifest's source and scope, and the resources offered, which are read again through the visibility
 * rule for {@code viewer} as they are written.
 */
public record ExportPlan(ExchangeManifest.Source source, ExchangeManifest.Scope scope, List<Long> resourceIds,
                         Viewer viewer) {

    /** A file name that says what the package holds and when it was made: {@code hoclieu-HN-TVHN-2026-12-06.zip}. */
    public String fileName(LocalDate made) {
        String what = ExchangeManifest.Scope.COLLECTION.equals(scope.kind()) ? "bo-suu-tap-" + scope.id() : scope.id();
        return "hoclieu-" + what.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + made + ".zip";
    }
}
