package vn.hoclieu.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoclieu.catalog.ResourceFile;

public interface ResourceFileRepository extends JpaRepository<ResourceFile, Long> {

    List<ResourceFile> findBySha256(String sha256);
}
