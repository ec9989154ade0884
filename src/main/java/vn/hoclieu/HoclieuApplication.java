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
import vn.hoclieu.search.ReindexCommand;

/**
 * Hoclieu: an open educational resource catalogue and digital library for a network of
 * public, school and community-learning-centre libraries.
 *
 * <p>Every direct sub-package is a module (see {@code ARCHITECTURE.md}); {@code ModularityTests}
 * keeps their boundaries honest. Without arguments the web application starts; {@code import DIR}
 * runs a bulk import from the shell and exits; {@code reindex} rebuilds the search index and exits.
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
        SpringApplication.run(HoclieuApplication.class, args);
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
