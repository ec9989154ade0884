package vn.hoclieu.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoclieu.catalog.Resource;
import vn.hoclieu.catalog.ResourceStatus;

public interface ResourceRepository extends JpaRepository<Resource, Long> {

    Optional<Resource> findBySourcePartnerIdAndSourceIdentifier(Long partnerId, String identifier);

    List<Resource> findBySourcePartnerId(Long partnerId);

    @Query("select r.id from Resource r order by r.id")
    List<Long> allIds();

    @Query("select r.id from Resource r where r.libraryId = :libraryId and r.status = :status order by r.id")
    List<Long> idsOfLibrary(@Param("libraryId") Long libraryId, @Param("status") ResourceStatus status);

    @Query("select r.id, r.updatedAt from Resource r")
    List<Object[]> versions();

    @Query("select r.id, r.updatedAt from Resource r where r.updatedAt >= :since")
    List<Object[]> versionsSince(@Param("since") Instant since);

    /** Views + 2 × downloads over all time, as {@code UsageService} counts them. */
    @Query(value = "select coalesce(sum(views) + 2 * sum(downloads), 0) from resource_usage where resource_id = ?1",
            nativeQuery = true)
    long popularity(long resourceId);

    /** A library's review queue, oldest first. */
    List<Resource> findTop500ByLibraryIdAndStatusOrderByCreatedAtAscIdAsc(Long libraryId, ResourceStatus status);

    /** Every library's queue, for administrators. */
    List<Resource> findTop500ByStatusOrderByCreatedAtAscIdAsc(ResourceStatus status);

    // the librarians' dashboard: how many submissions wait
    long countByStatus(ResourceStatus status);

    long countByLibraryIdAndStatus(Long libraryId, ResourceStatus status);

    /** What one person uploaded, newest first. */
    List<Resource> findTop500ByCreatedByOrderByCreatedAtDescIdDesc(String createdBy);
}
