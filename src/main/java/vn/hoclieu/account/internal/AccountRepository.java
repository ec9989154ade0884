package vn.hoclieu.account.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoclieu.account.Account;
import vn.hoclieu.account.Role;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameIgnoreCase(String username);

    boolean existsByRole(Role role);
}
