package vn.hoclieu.maintenance;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.maintenance.internal.ShellOptions;
import vn.hoclieu.search.IndexCheck;

/**
 * {@code java -jar hoclieu.jar verify}: checks database ↔ blobs ↔ index, repairs the index, prints a
 * report and exits 1 when blobs are missing or corrupt (damage only a backup can undo), else 0.
 * With the server running on the same data folder the check runs in the server
 * ({@code POST /api/v1/admin/verify}) and the same report is printed.
 */
@Component
public class VerifyCommand {

    /** How many problems of one kind are listed one per line before the rest are only counted. */
    private static final int LISTED = 20;

    private final Verification verification;

    VerifyCommand(Verification verification) {
        this.verification = verification;
    }

    /** @return the exit code: 0 intact (the index repaired if it had to be), 1 damaged */
    public int run(PrintStream out) throws Exception {
        return print(verification.verify(true), out);
    }

    /**
     * When a server runs on the data folder, has it verify (an administrator's credentials, see
     * {@link ShellOptions}) and prints its report.
     *
     * @return the exit code, or -1 when no server holds the data folder (verify it in this process)
     */
    public static int viaServerIfInUse(String[] args, PrintStream out) throws Exception {
        ShellOptions options = new ShellOptions(args);
        try (Connection c = options.openDatabase()) {
            return -1;
        } catch (SQLException e) {
            if (ShellOptions.notFound(e)) {
                out.println("No Hoclieu database in " + options.dataDir + " (give --hoclieu.data-dir=DATA)");
                return 2;
            }
            if (!ShellOptions.inUse(e)) {
                return -1; // opening it in this process will say why
            }
        }
        HttpResponse<String> r;
        try {
            r = options.postToServer("/api/v1/admin/verify", HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            out.println("The data folder is in use, but no server answers at " + options.serverUrl()
                    + " (give --url=http://host:port)");
            return 2;
        }
        if (r.statusCode() != 200) {
            out.println("The data folder is in use by a running server, which refused to verify: "
                    + ShellOptions.refusal(r.statusCode()));
            return 2;
        }
        out.println("The data folder is in use: verified by the server at " + options.serverUrl());
        return print(JsonMapper.builder().build().readValue(r.body(), VerifyReport.class), out);
    }

    /** Prints the report; returns the exit code it means. */
    public static int print(VerifyReport r, PrintStream out) {
        out.println("Verified " + r.dataDir());
        out.printf("Database: %d resources, %d stored files, %d blobs referenced%n", r.index().resources(), r.files(),
                r.blobsReferenced());
        long orphanBytes = r.orphans().stream().mapToLong(VerifyReport.Orphan::size).sum();
        out.printf("Blobs:    %d stored; %d referenced blobs missing, %d corrupt; %d orphans (%d bytes, referenced "
                + "by nothing, left in place)%n", r.blobsStored(), distinct(r.missing()), distinct(r.corrupt()),
                r.orphans().size(), orphanBytes);
        list(out, "MISSING", r.missing());
        list(out, "CORRUPT", r.corrupt());
        r.orphans().stream().limit(LISTED).forEach(o -> out.printf("  orphan  %s (%d bytes)%n", o.sha256(), o.size()));
        if (r.orphans().size() > LISTED) {
            out.printf("  … and %d more orphans%n", r.orphans().size() - LISTED);
        }
        IndexCheck i = r.index();
        out.printf("Index:    %d documents for %d resources; %d missing, %d stale, %d extra, %d indexed twice%s%n",
                i.documents(), i.resources(), i.missing().size(), i.stale().size(), i.extra().size(),
                i.duplicated().size(), i.consistent() ? "" : " → " + i.repaired() + " repaired");
        ids(out, "missing from the index", i.missing());
        ids(out, "stale in the index", i.stale());
        ids(out, "extra in the index", i.extra());
        ids(out, "indexed twice", i.duplicated());
        if (!i.consistent()) {
            IndexCheck a = r.indexAfter();
            out.println(a.consistent() ? "Index after repair: consistent (" + a.documents() + " documents)"
                    : String.format("Index after repair: %d missing, %d stale, %d extra, %d indexed twice (changes "
                    + "arriving meanwhile, or see the log)", a.missing().size(), a.stale().size(), a.extra().size(),
                    a.duplicated().size()));
        }
        if (r.damaged()) {
            out.println("DAMAGED: blobs are missing or corrupt; the resources named above need their files restored "
                    + "from a backup (java -jar hoclieu.jar restore) or uploaded again.");
            return 1;
        }
        out.println(i.consistent() ? "OK: database, blobs and index agree." : "OK: database and blobs agree; the "
                + "index was repaired.");
        return 0;
    }

    private static long distinct(List<VerifyReport.BlobProblem> problems) {
        return problems.stream().map(VerifyReport.BlobProblem::sha256).distinct().count();
    }

    private static void list(PrintStream out, String what, List<VerifyReport.BlobProblem> problems) {
        problems.stream().limit(LISTED).forEach(p -> out.printf("  %s %-9s of file #%d of resource #%d: %s%n", what,
                p.kind(), p.fileId(), p.resourceId(), p.sha256()));
        if (problems.size() > LISTED) {
            out.printf("  … and %d more %s%n", problems.size() - LISTED, what.toLowerCase(Locale.ROOT));
        }
    }

    private static void ids(PrintStream out, String what, List<Long> ids) {
        if (!ids.isEmpty()) {
            out.println("  " + what + ": " + ids.stream().limit(LISTED * 5L).map(id -> "#" + id)
                    .collect(Collectors.joining(" ")) + (ids.size() > LISTED * 5 ? " …" : ""));
        }
    }
}
