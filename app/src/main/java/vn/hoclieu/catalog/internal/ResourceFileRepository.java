package vn.hoclieu.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoclieu.catalog.ResourceFile;

public interface ResourceFileRepository extends JpaRepository<ResourceFile, Long> {

    List<ResourceFile> findBySha256(String sha256);

    @org.springframework.data.jpa.repository.Query(
            "select f.resource.id, f.fingerprint from ResourceFile f where f.fingerprint is not null")
    List<Object[]> fingerprints();

    /** Bytes of the files of a library's resources: what its storage quota counts. */
    @org.springframework.data.jpa.repository.Query(
            "select coalesce(sum(f.size), 0) from ResourceFile f where f.resource.libraryId = :libraryId")
    long bytesOfLibrary(@org.springframework.data.repository.query.Param("libraryId") long libraryId);
    @org.springframework.data.jpa.repository.Query(
            "select f.resource.id, f.id, f.sha256, f.textSha256, f.thumbnailSha256 from ResourceFile f order by f.id")
    List<Object[]> blobColumns();
}
