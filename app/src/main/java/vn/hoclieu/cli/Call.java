package vn.hoclieu.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** One run of a command: its arguments (the command's name left out), where it prints, and its shell context. */
final class Call {

    @FunctionalInterface
    interface ShellWork {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    private final Command command;
    private final String[] args;
    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;

    Call(Command command, String[] args, Class<?> application, PrintStream out, PrintStream err) {
        this.command = command;
        this.args = args.clone();
        this.application = application;
        this.out = out;
        this.err = err;
    }

    String[] args() {
        return args.clone();
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The arguments that are not options: folders, files. */
    List<String> words() {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    }

    /** The value of {@code --name=value} (the last one when given twice), or null. */
    String option(String name) {
        String value = null;
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                value = a.substring(name.length() + 3);
            }
        }
        return value;
    }

    /** Prints the command's usage line; returns the exit code of a bad usage. */
    int usage() {
        err.println("Usage: java -jar hoclieu.jar " + command.usage());
        return 2;
    }

    /** Runs {@code work} in a shell context and closes it; 2 when the data folder cannot be opened. */
    int inShell(ShellWork work) throws Exception {
        Command.Startup startup = command.startup();
        if (!startup.opensContext()) {
            throw new IllegalStateException(command.name() + " runs without the application");
        }
        List<String> settings = new ArrayList<>(startup.settings());
        for (String a : args) {
            if (a.startsWith("--") && !startup.isOwnOption(a)) {
                settings.add(a);
            }
        }
        ConfigurableApplicationContext context = open(settings);
        if (context == null) {
            return 2;
        }
        try (context) {
            return work.run(context);
        }
    }

    /** The application without its web server; null (and why, printed) if it cannot open. */
    private ConfigurableApplicationContext open(List<String> settings) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "logging.level.org.flywaydb", "ERROR"));
        try {
            return app.run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            err.println("Could not open the Hoclieu data folder: " + root.getMessage());
            err.println("If the server is running on the same data folder, stop it first: "
                    + "a shell command and the server cannot both write to one database and index.");
            return null;
        }
    }
}
