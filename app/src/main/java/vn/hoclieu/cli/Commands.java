package vn.hoclieu.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.hoclieu.cli.Command.Startup;
import vn.hoclieu.exchange.ExportCommand;
import vn.hoclieu.ingest.ImportCommand;
import vn.hoclieu.maintenance.BackupCommand;
import vn.hoclieu.maintenance.RestoreCommand;
import vn.hoclieu.maintenance.VerifyCommand;
import vn.hoclieu.search.ReindexCommand;

/** The table of commands, and how each reads its arguments before handing the work to its module. */
final class Commands {

    /** The command brings, restores or carries away the material: the sample library is not imported beside it. */
    private static final String NO_SAMPLES = "--hoclieu.samples.import-on-start=false";
    /**
     * The command rebuilds the index, reports it as it is before repairing it, or reads only the database (an
     * export): no catching up at start.
     */
    private static final String NO_CATCH_UP = "--hoclieu.search.reconcile-on-start=false";
    /** {@code --url=} and {@code --user=} reach a running server; they are not the application's settings. */
    private static final Startup MAINTENANCE = Startup.shell(List.of(NO_SAMPLES, NO_CATCH_UP), "url", "user");

    static final List<Command> ALL = List.of(
            new Command("import", "import DIR|FILE.zip [--library=CODE]",
                    "imports a folder or a ZIP (with its metadata.csv, or an exchange package), prints a line per file;"
                            + " stop the server first",
                    Startup.shell(List.of(NO_SAMPLES), "library"), Commands::importFolder),
            new Command("export", ExportCommand.USAGE,
                    "writes a collection or a library as an exchange package (a ZIP) to FILE; stop the server first",
                    Startup.shell(List.of(NO_SAMPLES, NO_CATCH_UP), "collection", "library"), Commands::export),
            new Command("reindex", "reindex [--name=value …]",
                    "rebuilds the search index from the database and swaps it in; stop the server first",
                    Startup.shell(List.of(NO_SAMPLES, NO_CATCH_UP)), Commands::reindex),
            new Command("verify", "verify [--hoclieu.data-dir=DATA] [--url=http://127.0.0.1:8080] [--user=NAME]",
                    "checks database, blobs and index against each other and repairs the index",
                    MAINTENANCE, Commands::verify),
            new Command("backup", BackupCommand.USAGE,
                    "copies the database and every blob into DIR; runs while the server serves",
                    Startup.NONE, call -> BackupCommand.run(call.args(), call.out())),
            new Command("restore", RestoreCommand.USAGE,
                    "puts a backup into an empty data folder, then rebuilds its index and verifies it",
                    MAINTENANCE, Commands::restore),
            new Command("help", "help", "prints this list", Startup.NONE, call -> CommandLine.help(call.out())));

    private Commands() {
    }

    static Optional<Command> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static int importFolder(Call call) throws Exception {
        List<String> words = call.words();
        if (words.isEmpty()) {
            return call.usage();
        }
        Path dir = Path.of(words.get(0));
        String library = call.option("library");
        return call.inShell(context -> context.getBean(ImportCommand.class).run(dir, library, call.out()));
    }

    /** Exactly one of {@code --collection=} and {@code --library=}, and the file to write. */
    private static int export(Call call) throws Exception {
        List<String> words = call.words();
        String collection = call.option("collection");
        String library = call.option("library");
        if (words.size() != 1 || (collection == null) == (library == null)) {
            return call.usage();
        }
        Path file = Path.of(words.get(0));
        return call.inShell(context -> context.getBean(ExportCommand.class).run(collection, library, file,
                call.out()));
    }

    private static int reindex(Call call) throws Exception {
        if (!call.words().isEmpty()) {
            return call.usage();
        }
        return call.inShell(context -> context.getBean(ReindexCommand.class).run(call.out()));
    }

    /** In the server when one holds the data folder, else in a shell context. */
    private static int verify(Call call) throws Exception {
        int byServer = VerifyCommand.viaServerIfInUse(call.args(), call.out());
        if (byServer >= 0) {
            return byServer;
        }
        return call.inShell(context -> context.getBean(VerifyCommand.class).run(call.out()));
    }

    /** Places the backup in the data folder, then rebuilds the index from it and verifies the whole. */
    private static int restore(Call call) throws Exception {
        int placed = RestoreCommand.place(call.args(), call.out());
        if (placed >= 2) {
            return placed == 3 ? 1 : 2;
        }
        return call.inShell(context -> Math.max(placed, Math.max(
                context.getBean(ReindexCommand.class).run(call.out()),
                context.getBean(VerifyCommand.class).run(call.out()))));
    }
}
