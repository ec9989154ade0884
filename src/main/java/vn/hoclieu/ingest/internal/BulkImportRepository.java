package vn.hoclieu.ingest.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoclieu.ingest.BulkImport;

public interface BulkImportRepository extends JpaRepository<BulkImport, Long> {

    List<BulkImport> findByStatus(BulkImport.Status status);
}
