package vn.hoclieu.account.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.Role;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameIgnoreCase(String username);

    boolean existsByRole(Role role);

    List<Account> findByUsernameIn(Collection<String> usernames);

    /**
     * The enabled accounts with a role, locked until the transaction ends: two administrators
     * demoting each other at the same moment cannot leave the network without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = :role and a.enabled = true")
    List<Account> lockEnabledByRole(Role role);

    /** A stronger hash of the same password (see {@code AccountConfig}); nothing else changes. */
    @Modifying
    @Query("update Account a set a.passwordHash = :hash where lower(a.username) = lower(:username)")
    int rehashPassword(String username, String hash);
}
