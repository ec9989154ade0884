package vn.hoclieu.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.hoclieu.catalog.Resource;

public interface ResourceRepository extends JpaRepository<Resource, Long> {

    @Query("select r.id from Resource r order by r.id")
    List<Long> allIds();

    @Query("select r.id, r.updatedAt from Resource r")
    List<Object[]> versions();
}
