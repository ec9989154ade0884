package vn.hoclieu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import vn.hoclieu.Browser;
import vn.hoclieu.EmptyInstance;
import vn.hoclieu.account.Role;

/**
 * The home page of a catalogue with nothing in it yet (the sample library turned off, and nothing uploaded:
 * {@link EmptyInstance}): it says how material gets in, to those who may add it, and that there is none yet,
 * to everyone else, instead of headings over empty lists.
 */
class EmptyCatalogueHomeTest extends EmptyInstance {

    @Test
    void visitorsReadThatTheLibraryHasNoMaterialYetAndNoEmptyHeadings() throws Exception {
        Document home = home(new Browser(url("")));
        Element empty = home.selectFirst(".empty-catalogue");
        assertThat(empty).as(home.html()).isNotNull();
        assertThat(empty.text()).contains("Thư viện chưa có tài liệu nào").contains("Mời bạn quay lại sau");
        assertThat(empty.select("a").eachAttr("href")).containsExactly("/signin");
        assertThat(headings(home)).containsExactly("Thư viện chưa có tài liệu nào.");
        assertThat(home.select("ul.chips, ol")).isEmpty();
        assertThat(home.selectFirst("form[role=search]")).as("the search box stays").isNotNull();

        Document english = Jsoup.parse(new Browser(url("")).get("/?lang=en").body());
        assertThat(english.selectFirst(".empty-catalogue").text()).contains("The library has no materials yet")
                .contains("Please come back later");
    }

    @Test
    void staffAreLinkedToWhatTheyMayUseToAddMaterial() throws Exception {
        Browser admin = new Browser(url(""));
        assertThat(admin.signIn("admin", PASSWORD).statusCode()).isEqualTo(302);
        Element forAdmin = home(admin).selectFirst(".empty-catalogue");
        assertThat(forAdmin.text()).contains("Hãy đưa tài liệu đầu tiên lên");
        assertThat(forAdmin.select("a").eachAttr("href")).containsExactly("/upload", "/imports/new");
        assertThat(admin.get("/imports/new").statusCode()).isEqualTo(200);

        synchronized (EmptyCatalogueHomeTest.class) {
            if (accounts.byUsername("teacher-empty").isEmpty()) {
                accounts.create("teacher-empty", PASSWORD, "Giáo viên", Role.TEACHER, null);
            }
        }
        Browser teacher = new Browser(url(""));
        assertThat(teacher.signIn("teacher-empty", PASSWORD).statusCode()).isEqualTo(302);
        Document forTeacher = home(teacher);
        // a teacher uploads; bulk import is for librarians
        assertThat(forTeacher.selectFirst(".empty-catalogue").select("a").eachAttr("href")).containsExactly("/upload");
        assertThat(headings(forTeacher)).containsExactly("Thư viện chưa có tài liệu nào.");
    }

    private static Document home(Browser browser) throws Exception {
        var r = browser.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    /** The section headings of the page's content, below its title. */
    private static List<String> headings(Document page) {
        return page.select("main h2").eachText();
    }
}
