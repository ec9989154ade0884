package vn.hoclieu.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up learning-material prose for the ingestion benchmark: sentences assembled from our own
 * small vocabularies (Vietnamese, and some English) by a seeded {@link Random}, so one seed always
 * gives the same text and two seeds give texts that share few word triples (no near-duplicates).
 */
final class BenchText {

    private static final String[] VI_SUBJECTS = {
        "học sinh", "giáo viên", "thủ thư", "người đọc", "các em", "cô giáo", "thầy chủ nhiệm", "phụ huynh",
        "người cao tuổi", "nhóm bạn", "cán bộ thư viện", "sinh viên", "người học", "câu lạc bộ đọc sách",
        "lớp mười", "tổ chuyên môn", "bà con trong xã", "đội tình nguyện", "ban biên tập", "tác giả",
        "người hướng dẫn", "học viên lớp tối", "nhóm nghiên cứu nhỏ", "các bạn lớp bảy", "người mới bắt đầu",
        "trưởng nhóm", "chị phụ trách", "ông bà", "thành viên câu lạc bộ", "người dân trong phường"};
    private static final String[] VI_VERBS = {
        "tìm hiểu", "ghi chép", "thảo luận", "đọc kỹ", "chuẩn bị", "trình bày", "so sánh", "tra cứu",
        "luyện tập", "giải thích", "sắp xếp", "chia sẻ", "kiểm tra", "đánh giá", "tổng hợp", "xây dựng",
        "lựa chọn", "quan sát", "mô tả", "vận dụng", "ôn lại", "tóm tắt", "phân loại", "đặt câu hỏi về",
        "minh họa", "sưu tầm", "thực hành", "bổ sung", "chỉnh sửa", "lập danh sách", "đối chiếu", "ghi nhớ",
        "trao đổi về", "giới thiệu", "phân tích", "viết lại"};
    private static final String[] VI_OBJECTS = {
        "bài giảng", "tài liệu tham khảo", "phiếu học tập", "sơ đồ tư duy", "câu hỏi ôn tập", "đoạn văn",
        "bảng số liệu", "bản đồ", "thí nghiệm", "bài thơ", "truyện ngắn", "kế hoạch đọc", "nguồn thông tin",
        "từ khóa", "hình minh họa", "công thức", "đồ thị hàm số", "di tích lịch sử", "bài tập về nhà",
        "mục lục", "phần tóm tắt", "ví dụ thực tế", "lời dẫn", "ý chính", "chú thích", "đề cương",
        "bài kiểm tra", "sổ tay", "danh mục sách", "câu chuyện", "trang web", "bài báo", "biểu đồ",
        "phương trình", "hiện tượng tự nhiên", "tấm ảnh cũ", "bài hát dân ca", "lịch đọc sách",
        "thẻ thư viện", "kho học liệu", "mẫu vật", "phần mềm học tập", "lá thư", "bài phát biểu"};
    private static final String[] VI_ADJECTIVES = {
        "mới", "quan trọng", "cơ bản", "phù hợp", "đầy đủ", "ngắn gọn", "rõ ràng", "thú vị", "hữu ích",
        "đáng tin cậy", "chính xác", "sinh động", "gần gũi", "khó", "dễ hiểu", "cụ thể", "bổ ích",
        "quen thuộc", "mạch lạc", "chi tiết", "cần thiết", "sáng tạo", "cẩn thận", "đơn giản"};
    private static final String[] VI_PLACES = {
        "trong giờ học", "ở thư viện", "vào buổi tối", "trước khi kiểm tra", "theo từng nhóm", "trên máy tính",
        "sau mỗi chương", "cùng bạn bè", "tại nhà văn hóa", "mỗi tuần một lần", "ở góc đọc sách",
        "trong kỳ nghỉ hè", "vào sáng chủ nhật", "trên lớp", "ở trung tâm học tập cộng đồng", "bên hồ Gươm",
        "tại phòng máy", "trong tuần lễ học tập suốt đời", "ngoài sân trường", "ở nhà", "trên điện thoại",
        "giữa hai tiết học", "tại điểm bưu điện văn hóa xã", "trong buổi sinh hoạt lớp"};
    private static final String[] VI_PURPOSES = {
        "để hiểu sâu hơn", "nhằm ghi nhớ lâu", "để tiết kiệm thời gian", "để tránh thông tin sai lệch",
        "để chuẩn bị cho bài sau", "nhằm rèn kỹ năng tự học", "để cả lớp cùng theo dõi", "cho dễ tra cứu",
        "để trả lời câu hỏi cuối bài", "nhằm phát hiện lỗi sai", "để viết báo cáo", "cho người khác cùng đọc"};
    private static final String[] VI_CONNECTORS = {
        "Sau đó,", "Vì vậy,", "Ngoài ra,", "Bên cạnh đó,", "Trước hết,", "Cuối cùng,", "Nhờ vậy,",
        "Tuy nhiên,", "Thông thường,", "Trong thực tế,", "Theo kinh nghiệm,", "Đôi khi,", "Mặt khác,"};
    private static final String[] VI_TOPICS = {
        "Toán học", "Ngữ văn", "Lịch sử", "Địa lý", "Vật lý", "Hóa học", "Sinh học", "Tin học", "Tiếng Anh",
        "Kỹ năng sống", "Giáo dục công dân", "Âm nhạc", "Mỹ thuật", "Công nghệ", "Văn hóa đọc",
        "An toàn trên mạng", "Sức khỏe cộng đồng", "Nghề truyền thống", "Môi trường", "Kinh tế gia đình"};
    private static final String[] VI_TITLE_HEADS = {
        "Bài giảng", "Tài liệu ôn tập", "Chuyên đề", "Phiếu học tập", "Sổ tay", "Hướng dẫn", "Tập bài đọc",
        "Câu hỏi thảo luận", "Kế hoạch bài dạy", "Tư liệu", "Giáo trình ngắn", "Đề cương"};
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh", "Quốc", "Bảo"};
    private static final String[] GIVEN = {
        "An", "Bình", "Chi", "Dũng", "Hà", "Hạnh", "Khánh", "Lan", "Minh", "Nam", "Ngọc", "Phương", "Quân",
        "Thảo", "Trang", "Tuấn", "Vy", "Hiếu", "Linh", "Sơn", "Yến", "Long", "Mai", "Đạt"};

    private static final String[] EN_SUBJECTS = {
        "students", "the teacher", "the librarian", "readers", "our class", "parents", "volunteers",
        "the reading club", "each group", "older learners", "the author", "young visitors", "the study team",
        "evening learners", "the whole school", "a new member"};
    private static final String[] EN_VERBS = {
        "review", "compare", "summarise", "look up", "discuss", "sort", "check", "describe", "explain",
        "practise", "collect", "share", "rewrite", "label", "map", "question", "borrow", "present"};
    private static final String[] EN_OBJECTS = {
        "the worksheet", "a short story", "the data table", "key words", "the reading plan", "old photographs",
        "a poem", "the map", "the lecture notes", "their sources", "the timeline", "a science experiment",
        "the glossary", "library cards", "the chapter summary", "a news article", "the slides", "field notes"};
    private static final String[] EN_ADVERBIALS = {
        "in class", "at the library", "after school", "before the test", "in pairs", "on the computer",
        "every week", "at home", "during the holidays", "at the community centre", "on their phones",
        "with a partner", "in the reading corner", "on Sunday mornings"};
    private static final String[] EN_PURPOSES = {
        "to remember more", "to save time", "to avoid false claims", "to prepare for the next lesson",
        "so that everyone can follow", "to find mistakes", "to write a report", "to learn on their own"};
    private static final String[] EN_CONNECTORS = {
        "Then", "So", "Also", "First,", "Finally,", "However,", "Usually", "In practice,", "Sometimes"};
    private static final String[] EN_TOPICS = {
        "Mathematics", "Reading", "History", "Geography", "Physics", "Digital skills", "Online safety",
        "English grammar", "Health", "Environment", "Music", "Local crafts"};
    private static final String[] EN_TITLE_HEADS = {
        "Lesson notes", "Study guide", "Worksheet", "Handbook", "Reading pack", "Discussion questions",
        "Teaching plan", "Short course"};

    private final Random random;
    private final boolean english;

    BenchText(long seed, boolean english) {
        this.random = new Random(seed);
        this.english = english;
    }

    boolean english() {
        return english;
    }

    String language() {
        return english ? "en" : "vi";
    }

    Random random() {
        return random;
    }

    String topic() {
        return pick(english ? EN_TOPICS : VI_TOPICS);
    }

    String title(int number) {
        if (english) {
            return pick(EN_TITLE_HEADS) + " " + number + ": " + topic() + " — " + pick(EN_VERBS) + " "
                    + pick(EN_OBJECTS);
        }
        return pick(VI_TITLE_HEADS) + " số " + number + ": " + topic() + " — " + pick(VI_VERBS) + " "
                + pick(VI_OBJECTS) + " " + pick(VI_ADJECTIVES);
    }

    String author() {
        return pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN);
    }

    String heading() {
        return english ? capitalise(pick(EN_VERBS) + " " + pick(EN_OBJECTS))
                : capitalise(pick(VI_VERBS) + " " + pick(VI_OBJECTS) + " " + pick(VI_ADJECTIVES));
    }

    String sentence() {
        return nfc(english ? englishSentence() : vietnameseSentence());
    }

    String paragraph() {
        StringBuilder b = new StringBuilder();
        int n = 3 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(sentence());
        }
        return b.toString();
    }

    /** Paragraphs until about {@code chars} characters. */
    List<String> paragraphs(int chars) {
        List<String> out = new ArrayList<>();
        int total = 0;
        while (total < chars) {
            String p = paragraph();
            out.add(p);
            total += p.length() + 2;
        }
        return out;
    }

    /** A size between {@code min} and {@code max}, spread evenly on a log scale (many small, few large). */
    int logUniform(int min, int max) {
        return (int) Math.round(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
    }

    private String vietnameseSentence() {
        return switch (random.nextInt(7)) {
            case 0 -> pick(VI_CONNECTORS) + " " + pick(VI_SUBJECTS) + " " + pick(VI_VERBS) + " " + pick(VI_OBJECTS)
                    + " " + pick(VI_ADJECTIVES) + " " + pick(VI_PLACES) + " " + pick(VI_PURPOSES) + ".";
            case 1 -> capitalise(pick(VI_SUBJECTS)) + " cần " + pick(VI_VERBS) + " " + pick(VI_OBJECTS) + " "
                    + pick(VI_PLACES) + ".";
            case 2 -> "Khi " + pick(VI_VERBS) + " " + pick(VI_OBJECTS) + ", " + pick(VI_SUBJECTS) + " nên "
                    + pick(VI_VERBS) + " " + pick(VI_OBJECTS) + " " + pick(VI_ADJECTIVES) + ".";
            case 3 -> capitalise(pick(VI_OBJECTS)) + " " + pick(VI_ADJECTIVES) + " giúp " + pick(VI_SUBJECTS) + " "
                    + pick(VI_VERBS) + " " + pick(VI_OBJECTS) + " " + pick(VI_PLACES) + ".";
            case 4 -> "Trong " + (2 + random.nextInt(40)) + " phút, " + pick(VI_SUBJECTS) + " đã " + pick(VI_VERBS)
                    + " " + (2 + random.nextInt(30)) + " " + pick(VI_OBJECTS) + " " + pick(VI_PURPOSES) + ".";
            case 5 -> "Câu hỏi " + (1 + random.nextInt(60)) + ": " + pick(VI_SUBJECTS) + " có thể " + pick(VI_VERBS)
                    + " " + pick(VI_OBJECTS) + " " + pick(VI_ADJECTIVES) + " như thế nào " + pick(VI_PLACES) + "?";
            default -> capitalise(pick(VI_SUBJECTS)) + " và " + pick(VI_SUBJECTS) + " cùng " + pick(VI_VERBS) + " "
                    + pick(VI_OBJECTS) + ", rồi " + pick(VI_VERBS) + " " + pick(VI_OBJECTS) + " " + pick(VI_PURPOSES)
                    + ".";
        };
    }

    private String englishSentence() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(EN_CONNECTORS) + " " + pick(EN_SUBJECTS) + " " + pick(EN_VERBS) + " " + pick(EN_OBJECTS)
                    + " " + pick(EN_ADVERBIALS) + " " + pick(EN_PURPOSES) + ".";
            case 1 -> capitalise(pick(EN_SUBJECTS)) + " should " + pick(EN_VERBS) + " " + pick(EN_OBJECTS) + " "
                    + pick(EN_ADVERBIALS) + ".";
            case 2 -> "When they " + pick(EN_VERBS) + " " + pick(EN_OBJECTS) + ", " + pick(EN_SUBJECTS) + " also "
                    + pick(EN_VERBS) + " " + pick(EN_OBJECTS) + ".";
            case 3 -> "In " + (2 + random.nextInt(40)) + " minutes " + pick(EN_SUBJECTS) + " can " + pick(EN_VERBS)
                    + " " + (2 + random.nextInt(30)) + " items from " + pick(EN_OBJECTS) + " " + pick(EN_PURPOSES)
                    + ".";
            default -> "Question " + (1 + random.nextInt(60)) + ": how do " + pick(EN_SUBJECTS) + " "
                    + pick(EN_VERBS) + " " + pick(EN_OBJECTS) + " " + pick(EN_ADVERBIALS) + "?";
        };
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Without tone marks and with đ → d: for file names, and for PDFs when no Vietnamese font is installed. */
    static String ascii(String s) {
        return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[^\\x20-\\x7E\\n]", "-");
    }
}
