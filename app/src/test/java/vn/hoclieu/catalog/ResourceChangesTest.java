package vn.hoclieu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.hoclieu.Http;
import vn.hoclieu.IntegrationTest;
import vn.hoclieu.Uploads;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;

/**
 * Changing who may see a resource, and withdrawing it, are decisions of its library's librarians
 * and of administrators; they take effect everywhere at once (API and search).
 */
class ResourceChangesTest extends IntegrationTest {

    @Autowired
    CatalogReads catalog;

    @Autowired
    ResourceChanges changes;

    @Test
    void theOwningLibrarianChangesVisibilityAndTheResourceDisappearsFromPublicReads() {
        long id = Uploads.resource("Phạm vi chia sẻ thay đổi").visibility("PUBLIC").by(librarian()).to(url("")).id();
        Viewer librarian = viewer("changes-librarian", Role.LIBRARIAN, "HN-TVHN");
        ResourceView before = catalog.find(id, librarian).orElseThrow();

        ResourceView after = changes.updateVisibility(id, Visibility.LIBRARY, librarian);

        assertThat(after.visibility()).isEqualTo(Visibility.LIBRARY);
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(Http.get(url("/api/v1/resources/" + id)).status()).isEqualTo(404);
        assertThat(catalog.find(id, librarian)).isPresent();
        assertThat(Http.get(url("/api/v1/search?q=" + Http.q("\"Phạm vi chia sẻ thay đổi\""))).json()
                .get("total").asLong()).isZero();
    }

    @Test
    void aWithdrawnResourceStaysForItsLibraryOnly() {
        long id = Uploads.resource("Tài liệu rút khỏi lưu hành").visibility("PUBLIC").by(librarian()).to(url("")).id();

        ResourceView withdrawn = changes.withdraw(id, new Viewer(0L, "changes-admin", Role.ADMIN, null));

        assertThat(withdrawn.status()).isEqualTo(ResourceStatus.WITHDRAWN);
        assertThat(catalog.find(id, Viewer.ANONYMOUS)).isEmpty();
        assertThat(catalog.find(id, viewer("changes-librarian", Role.LIBRARIAN, "HN-TVHN")))
                .map(ResourceView::status).contains(ResourceStatus.WITHDRAWN);
    }

    @Test
    void othersMayNotChangeAResource() {
        long id = Uploads.resource("Tài liệu không ai khác được đổi").visibility("PUBLIC").by(librarian())
                .to(url("")).id();
        Viewer otherLibrarian = viewer("changes-other-librarian", Role.LIBRARIAN, "HN-THPT-BDM");
        Viewer teacher = viewer("changes-teacher", Role.TEACHER, "HN-TVHN");

        assertStatus(() -> changes.updateVisibility(id, Visibility.LIBRARY, otherLibrarian), HttpStatus.FORBIDDEN);
        assertStatus(() -> changes.withdraw(id, teacher), HttpStatus.FORBIDDEN);
        assertStatus(() -> changes.withdraw(id, Viewer.ANONYMOUS), HttpStatus.FORBIDDEN);
        assertStatus(() -> changes.withdraw(999_999_999L, otherLibrarian), HttpStatus.NOT_FOUND);
        assertThat(catalog.find(id, Viewer.ANONYMOUS)).map(ResourceView::visibility).contains(Visibility.PUBLIC);

        long hidden = Uploads.resource("Tài liệu nội bộ không lộ").visibility("LIBRARY").by(librarian())
                .to(url("")).id();
        // someone who may not see it learns nothing, not even that it exists
        assertStatus(() -> changes.withdraw(hidden, otherLibrarian), HttpStatus.NOT_FOUND);
    }

    private static void assertStatus(Runnable call, HttpStatus status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(status));
    }

    private Viewer viewer(String username, Role role, String library) {
        account(username, role, library);
        return accounts.byUsername(username).orElseThrow().asViewer();
    }

    private String librarian() {
        return Http.basic(account("changes-librarian", Role.LIBRARIAN, "HN-TVHN"), PASSWORD);
    }
}
