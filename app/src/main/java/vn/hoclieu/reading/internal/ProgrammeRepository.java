package vn.hoclieu.reading.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgrammeRepository extends JpaRepository<ReadingProgramme, Long> {

    /** Listed programmes that have not ended by {@code today}, earliest starting first. */
    @Query("select p from ReadingProgramme p where p.listed = true and p.endsOn >= :today"
            + " and (:libraryId is null or p.libraryId = :libraryId) order by p.startsOn, p.endsOn, p.id")
    List<ReadingProgramme> listedFrom(LocalDate today, Long libraryId);

    /** What a person organises: their own programmes, and those of the library whose librarian they are. */
    @Query("select p from ReadingProgramme p where p.organiserAccountId = :accountId"
            + " or (:libraryId is not null and p.libraryId = :libraryId) order by p.endsOn desc, p.id desc")
    List<ReadingProgramme> organisedBy(long accountId, Long libraryId);

    /** The dashboard's: one library's (null: every library's), latest ending first. */
    @Query("select p from ReadingProgramme p where (:libraryId is null or p.libraryId = :libraryId)"
            + " order by p.endsOn desc, p.id desc")
    List<ReadingProgramme> ofLibrary(Long libraryId, Pageable page);

    List<ReadingProgramme> findByCollectionIdOrderByStartsOnDesc(long collectionId);

}
