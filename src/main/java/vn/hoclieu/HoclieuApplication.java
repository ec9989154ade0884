package vn.hoclieu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hoclieu: an open educational resource catalogue and digital library for a network of
 * public, school and community-learning-centre libraries.
 *
 * <p>Every direct sub-package is a module (see {@code ARCHITECTURE.md}); {@code ModularityTests}
 * keeps their boundaries honest.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HoclieuApplication {

    public static void main(String[] args) {
        SpringApplication.run(HoclieuApplication.class, args);
    }
}
