package vn.hoclieu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.hoclieu.ingest.ImportCommand;
import vn.hoclieu.maintenance.BackupCommand;
import vn.hoclieu.maintenance.RestoreCommand;
import vn.hoclieu.maintenance.VerifyCommand;
import vn.hoclieu.search.ReindexCommand;

/**
 * Hoclieu: an open educational resource catalogue and digital library for a network of
 * public, school and community-learning-centre libraries.
 *
 * <p>Every direct sub-package is a module (see {@code ARCHITECTURE.md}); {@code ModularityTests}
 * keeps their boundaries honest. Without arguments the web application starts; {@code import DIR}
 * runs a bulk import from the shell and exits; {@code reindex} rebuilds the search index and exits;
 * {@code verify}, {@code backup DIR} and {@code restore DIR} check, back up and restore a data folder.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HoclieuApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(importFolder(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("reindex")) {
            System.exit(reindex(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(verify(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(BackupCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(restore(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(HoclieuApplication.class, args);
    }

    private static int verify(String[] args) throws Exception {
        int byServer = VerifyCommand.viaServerIfInUse(args, System.out);
        if (byServer >= 0) {
            return byServer;
        }
        return inShell(maintenanceOptions(args), context -> context.getBean(VerifyCommand.class).run(System.out));
    }

    /** Places the backup in the data folder, then rebuilds the index from it and verifies the whole. */
    private static int restore(String[] args) throws Exception {
        int placed = RestoreCommand.place(args, System.out);
        if (placed >= 2) {
            return placed == 3 ? 1 : 2;
        }
        return inShell(maintenanceOptions(args), context -> Math.max(placed, Math.max(
                context.getBean(ReindexCommand.class).run(System.out),
                context.getBean(VerifyCommand.class).run(System.out))));
    }

    /**
     * The application's settings among a maintenance command's arguments; no sample library, and no
     * start-up catch-up of the index: verify reports the index as it is, then repairs it.
     */
    private static List<String> maintenanceOptions(String[] args) {
        List<String> options = new ArrayList<>(List.of("--hoclieu.samples.import-on-start=false",
                "--hoclieu.search.reconcile-on-start=false"));
        for (String a : args) {
            if (a.startsWith("--") && !a.startsWith("--url=") && !a.startsWith("--user=")) {
                options.add(a);
            }
        }
        return options;
    }

    @FunctionalInterface
    private interface ShellWork {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    /** Runs {@code work} in a shell context and closes it; 2 when the data folder cannot be opened. */
    private static int inShell(List<String> options, ShellWork work) throws Exception {
        ConfigurableApplicationContext context = shellContext(options);
        if (context == null) {
            return 2;
        }
        try (context) {
            return work.run(context);
        }
    }

    private static int importFolder(String[] args) throws Exception {
        List<String> options = new ArrayList<>();
        String dir = null;
        String library = null;
        for (String a : args) {
            if (a.startsWith("--library=")) {
                library = a.substring("--library=".length());
            } else if (a.startsWith("--")) {
                options.add(a);
            } else if (dir == null) {
                dir = a;
            }
        }
        if (dir == null) {
            System.err.println("Usage: java -jar hoclieu.jar import DIR [--library=CODE]");
            return 2;
        }
        // the folder given is the import; the sample library is not imported beside it
        options.add(0, "--hoclieu.samples.import-on-start=false");
        ConfigurableApplicationContext context = shellContext(options);
        if (context == null) {
            return 2;
        }
        try (context) {
            return context.getBean(ImportCommand.class).run(Path.of(dir), library, System.out);
        }
    }

    private static int reindex(String[] args) throws Exception {
        List<String> options = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                System.err.println("Usage: java -jar hoclieu.jar reindex [--name=value …]");
                return 2;
            }
            options.add(a);
        }
        // everything is rebuilt: no catching up with the old index first, no sample library
        options.add(0, "--hoclieu.search.reconcile-on-start=false");
        options.add(0, "--hoclieu.samples.import-on-start=false");
        ConfigurableApplicationContext context = shellContext(options);
        if (context == null) {
            return 2;
        }
        try (context) {
            return context.getBean(ReindexCommand.class).run(System.out);
        }
    }

    /** The application without its web server, for a shell command; null (and why, printed) if it cannot open. */
    private static ConfigurableApplicationContext shellContext(List<String> options) {
        SpringApplication app = new SpringApplication(HoclieuApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "logging.level.org.flywaydb", "ERROR"));
        try {
            return app.run(options.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("Could not open the Hoclieu data folder: " + root.getMessage());
            System.err.println("If the server is running on the same data folder, stop it first: "
                    + "a shell command and the server cannot both write to one database and index.");
            return null;
        }
    }
}
