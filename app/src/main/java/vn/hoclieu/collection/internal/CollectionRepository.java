package vn.hoclieu.collection.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.hoclieu.collection.CollectionVisibility;

public interface CollectionRepository extends JpaRepository<ResourceCollection, Long> {

    List<ResourceCollection> findByVisibilityOrderByCreatedAtDescIdDesc(CollectionVisibility visibility, Pageable page);

    List<ResourceCollection> findByOwnerLibraryIdAndVisibilityOrderByCreatedAtDescIdDesc(long libraryId,
            CollectionVisibility visibility);

    /** A person's own collections, and those of the library whose librarian they are (libraryId null: none). */
    @Query("select c from ResourceCollection c where c.ownerAccountId = :accountId"
            + " or (:libraryId is not null and c.ownerLibraryId = :libraryId) order by c.updatedAt desc, c.id desc")
    List<ResourceCollection> managedBy(long accountId, Long libraryId);
}
