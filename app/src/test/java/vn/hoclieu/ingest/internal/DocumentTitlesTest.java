package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which titles a file carries name the work, and which an editor or a PDF printer wrote there by itself. */
class DocumentTitlesTest {

    @Test
    void aRealTitleIsKeptAsWritten() {
        assertThat(DocumentTitles.meaningful("  Giáo án Lịch sử lớp 8 – Bài 3 ", "giao-an.docx"))
                .isEqualTo("Giáo án Lịch sử lớp 8 – Bài 3");
        assertThat(DocumentTitles.meaningful("Microsoft Office 2016: hướng dẫn cho giáo viên", "tin-hoc.pdf"))
                .as("a title about Microsoft is still a title").isEqualTo("Microsoft Office 2016: hướng dẫn cho giáo viên");
        assertThat(DocumentTitles.meaningful("Tài liệu ôn thi vào lớp 10", "on-thi.pdf"))
                .isEqualTo("Tài liệu ôn thi vào lớp 10");
    }

    @Test
    void placeholdersAndFileNamesAreNoTitle() {
        for (String junk : new String[] {"", "   ", "Untitled", "untitled document", "Document1", "Doc1",
                "Presentation1", "Slide 1", "PowerPoint Presentation", "Microsoft Word - bai-tap.doc",
                "Microsoft PowerPoint - Bài giảng.pptx", "bai-tap.doc", "Tài liệu 1", "Không có tiêu đề"}) {
            assertThat(DocumentTitles.meaningful(junk, "bai-tap-ve-nha.docx")).as(junk).isNull();
        }
        assertThat(DocumentTitles.meaningful("bai tap ve nha", "Bai tap ve nha.docx")).isNull();
        assertThat(DocumentTitles.meaningful(null, "x.pdf")).isNull();
    }
}
