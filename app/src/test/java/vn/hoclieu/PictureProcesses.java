package vn.hoclieu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The picture processes (extractor processes started with the argument {@code pictures}) a process runs. */
public final class PictureProcesses {

    private PictureProcesses() {
    }

    /**
     * The picture processes {@code parent} started that are still running. Their arguments are read
     * from {@code /proc} where there is one: the JDK's {@code ProcessHandle.Info} gives none for a
     * command line as long as a test class path.
     */
    public static List<ProcessHandle> of(ProcessHandle parent) {
        return parent.children().filter(ProcessHandle::isAlive).filter(h -> arguments(h).contains("pictures")).toList();
    }

    private static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException gone) {
            return List.of();
        }
        return process.info().arguments().map(List::of).orElse(List.of());
    }
}
