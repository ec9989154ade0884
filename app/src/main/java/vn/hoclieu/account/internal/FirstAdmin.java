package vn.hoclieu.account.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;

/**
 * Makes sure a fresh instance can be administered: creates {@code admin} with the password in
 * {@code HOCLIEU_ADMIN_PASSWORD}, or a random one printed once in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final Environment environment;

    FirstAdmin(AccountService accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        if (accounts.byUsername("admin").isPresent()) {
            log.warn("There is no administrator, and the user name 'admin' is taken by an account without that role: "
                    + "give that account the ADMIN role in the database, or rename it, then restart");
            return;
        }
        String password = environment.getProperty("hoclieu.admin-password");
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        accounts.create("admin", password, "Administrator", Role.ADMIN, null);
        if (generated) {
            log.warn("Created the first administrator: user 'admin', password '{}' (shown once; "
                    + "set HOCLIEU_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("Created the first administrator 'admin' with the password from HOCLIEU_ADMIN_PASSWORD");
        }
    }
}
