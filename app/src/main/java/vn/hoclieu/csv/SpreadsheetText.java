package vn.hoclieu.csv;

/**
 * Text written into a CSV file that librarians open in a spreadsheet. A cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} is run as a formula by Excel and LibreOffice, and so
 * is one that starts with a tab or a carriage return before such a sign; file names, titles and
 * queries come from users, so every CSV export writes them through {@link #inert}.
 */
public final class SpreadsheetText {

    /** The characters with which a cell a spreadsheet would run as a formula may begin. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** The text, with a quote in front if a spreadsheet would run it: the quote makes it show as the text itself. */
    public static String inert(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
