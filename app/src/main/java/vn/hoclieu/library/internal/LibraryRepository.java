package vn.hoclieu.library.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LibraryRepository extends JpaRepository<Library, Long> {

    Optional<Library> findByCode(String code);

    List<Library> findByCodeIn(Collection<String> codes);
}
