package vn.hoclieu.cli;

import java.util.List;

/**
 * A row of the table of commands ({@link Commands#ALL}).
 *
 * @param usage       what follows {@code java -jar hoclieu.jar}, as {@code help} and a bad usage print it
 * @param description one line for {@code help}
 * @param startup     whether and how the command opens the application
 * @param action      what it does; returns the process exit code
 */
record Command(String name, String usage, String description, Startup startup, Action action) {

    @FunctionalInterface
    interface Action {
        int run(Call call) throws Exception;
    }

    /**
     * How a command opens the application: not at all ({@link #NONE}), or as a shell context — no web
     * server — with {@code settings} ahead of the {@code --name=value} settings of its command line. The
     * command's own options ({@code --library=}, {@code --url=}…) are not settings and stay out of it.
     */
    record Startup(boolean opensContext, List<String> settings, List<String> ownOptions) {

        static final Startup NONE = new Startup(false, List.of(), List.of());

        static Startup shell(List<String> settings, String... ownOptions) {
            return new Startup(true, settings, List.of(ownOptions));
        }

        boolean isOwnOption(String arg) {
            return ownOptions.stream().anyMatch(name -> arg.startsWith("--" + name + "="));
        }
    }
}
