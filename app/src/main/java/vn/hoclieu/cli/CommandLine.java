package vn.hoclieu.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code java -jar hoclieu.jar COMMAND …}: runs the command the first argument names, prints the
 * table of commands for {@code help}, and refuses a word that names none. Without a command — no
 * arguments, or only {@code --name=value} settings — the caller starts the web application.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * @param application the application class a command's shell context is started from
     * @return the exit code of the command run, or empty when the arguments name no command (serve)
     */
    public static OptionalInt run(Class<?> application, String[] args, PrintStream out, PrintStream err)
            throws Exception {
        if (args.length == 0 || (args[0].startsWith("--") && !args[0].equals("--help"))) {
            return OptionalInt.empty();
        }
        String name = args[0].equals("--help") || args[0].equals("-h") ? "help" : args[0];
        Optional<Command> command = Commands.named(name);
        if (command.isEmpty()) {
            err.println("\"" + args[0] + "\" is not a command of hoclieu.jar; settings start with \"--\".");
            err.println();
            help(err);
            return OptionalInt.of(2);
        }
        Call call = new Call(command.get(), Arrays.copyOfRange(args, 1, args.length), application, out, err);
        return OptionalInt.of(command.get().action().run(call));
    }

    /** Prints the table of commands; returns the exit code of {@code help}. */
    static int help(PrintStream out) {
        out.println("Usage: java -jar hoclieu.jar [COMMAND] [--name=value …]");
        out.println();
        out.println("Without a command, Hoclieu serves on port 8080 (--server.port=N). Commands:");
        out.println();
        for (Command c : Commands.ALL) {
            out.println("  " + c.usage());
            out.println("      " + c.description());
        }
        out.println();
        out.println("Settings such as --hoclieu.data-dir=DATA follow the command. Exit codes: 0 done, 1 failed");
        out.println("(the report says what), 2 bad usage or a data folder that cannot be opened.");
        return 0;
    }
}
