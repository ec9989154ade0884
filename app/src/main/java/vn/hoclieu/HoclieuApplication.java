package vn.hoclieu;

import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.hoclieu.cli.CommandLine;

/**
 * Hoclieu: an open educational resource catalogue and digital library for a network of
 * public, school and community-learning-centre libraries.
 *
 * <p>Every direct sub-package is a module (see {@code docs/architecture.md}); {@code ModularityTest}
 * keeps their boundaries honest. Without arguments (or with only {@code --name=value} settings) the
 * web application starts; otherwise the first argument names a shell command ({@link CommandLine};
 * {@code help} lists them), which runs and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HoclieuApplication {

    public static void main(String[] args) throws Exception {
        OptionalInt exit = CommandLine.run(HoclieuApplication.class, args, System.out, System.err);
        if (exit.isPresent()) {
            System.exit(exit.getAsInt());
        }
        SpringApplication.run(HoclieuApplication.class, args);
    }
}
