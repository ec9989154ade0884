package vn.hoclieu.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoclieu.catalog.ResourceFile;

public interface ResourceFileRepository extends JpaRepository<ResourceFile, Long> {

    List<ResourceFile> findBySha256(String sha256);

    @Query("select f.id, f.resource.id, f.fingerprint from ResourceFile f where f.fingerprint is not null")
    List<Object[]> fingerprints();

    @Query("select f.fingerprint from ResourceFile f where f.id = :fileId")
    List<String> fingerprintOf(@Param("fileId") long fileId);

    /** Bytes of the files of a library's resources: what its storage quota counts. */
    @Query("select coalesce(sum(f.size), 0) from ResourceFile f where f.resource.libraryId = :libraryId")
    long bytesOfLibrary(@Param("libraryId") long libraryId);
    @Query("select f.resource.id, f.id, f.sha256, f.textSha256, f.thumbnailSha256 from ResourceFile f order by f.id")
    List<Object[]> blobColumns();
}
