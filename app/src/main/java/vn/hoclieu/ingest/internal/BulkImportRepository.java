package vn.hoclieu.ingest.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoclieu.ingest.BulkImport;

public interface BulkImportRepository extends JpaRepository<BulkImport, Long> {

    List<BulkImport> findByStatus(BulkImport.Status status);

    // the librarians' dashboard: import history
    List<BulkImport> findAllByOrderByIdDesc(Limit limit);

    List<BulkImport> findByCreatedByOrderByIdDesc(String createdBy, Limit limit);
}
