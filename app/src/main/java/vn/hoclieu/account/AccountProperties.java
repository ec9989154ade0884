package vn.hoclieu.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Account settings ({@code hoclieu.accounts.*}).
 *
 * @param selfRegistration           whether readers may create their own account at {@code /register}
 * @param maxFailedSignIns           failed sign-ins for one user name, within {@code signInLockout}, after
 *                                   which further attempts for that name are refused for {@code signInLockout}
 * @param maxFailedSignInsPerAddress the same for one client address; higher, because a school lab or a
 *                                   library's reading room often reaches us from one shared address
 * @param signInLockout              how long failures are counted, and how long a name or address is refused
 */
@ConfigurationProperties("hoclieu.accounts")
public record AccountProperties(Boolean selfRegistration, Integer maxFailedSignIns, Integer maxFailedSignInsPerAddress,
                                Duration signInLockout) {

    @ConstructorBinding
    public AccountProperties {
        selfRegistration = selfRegistration == null || selfRegistration;
        maxFailedSignIns = maxFailedSignIns == null || maxFailedSignIns < 1 ? 5 : maxFailedSignIns;
        maxFailedSignInsPerAddress = maxFailedSignInsPerAddress == null || maxFailedSignInsPerAddress < 1
                ? 50 : maxFailedSignInsPerAddress;
        signInLockout = signInLockout == null || signInLockout.isNegative() || signInLockout.isZero()
                ? Duration.ofMinutes(15) : signInLockout;
    }
}
