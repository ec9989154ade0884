package vn.hoclieu.reading.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByProgrammeIdAndAccountId(long programmeId, long accountId);

    List<Participant> findByProgrammeIdOrderByJoinedAtAscIdAsc(long programmeId);

    List<Participant> findByAccountIdOrderByJoinedAtDescIdDesc(long accountId);

    long countByProgrammeId(long programmeId);

    /** How many participants marked each material read: {resourceId, count}. */
    @Query("select m.resourceId, count(m) from ReadMark m join m.participant p where p.programmeId = :programmeId"
            + " group by m.resourceId")
    List<Object[]> readsPerMaterial(long programmeId);
}
