package vn.hoclieu.search;

/**
 * One matching resource.
 *
 * @param thumbnail address of the preview image, or null (show a type icon)
 * @param snippet   HTML: the original text, escaped, with the matched words wrapped in {@code <mark>}
 * @param location  where in the resource the snippet was found (a page, a slide, a moment of a video), or null
 * @param licence   the resource's SPDX-style licence id, or null when unknown
 */
public record SearchHit(long id, String title, String snippet, String materialType, String language, String library,
                        float score, String thumbnail, Location location, String licence) {

    /**
     * A place inside a resource.
     *
     * @param kind     {@value #PAGE}, {@value #SLIDE} or {@value #MOMENT}
     * @param page     the page or slide number, from 1; null for a moment
     * @param seconds  for a moment, when its subtitle cue starts; else null
     * @param timecode the same as people read it ("05:31", "1:02:03"); else null
     * @param fileId   the file the place is in
     */
    public record Location(String kind, Integer page, Double seconds, String timecode, long fileId) {

        public static final String PAGE = "page";
        public static final String SLIDE = "slide";
        public static final String MOMENT = "moment";

        /**
         * This place: the video or audio on the resource page at its moment; a PDF page or a slide in the reader
         * ({@code /resources/{id}/read?file=&page=}), which works on phones that show no PDF in a page, with the
         * anchor of that page or slide ({@code #f<file>-p<page>}).
         */
        public String link(long resourceId) {
            return MOMENT.equals(kind)
                    ? "/resources/" + resourceId + "?t=" + Math.max(0, (long) Math.floor(seconds))
                    : "/resources/" + resourceId + "/read?file=" + fileId + "&page=" + page + "#f" + fileId + "-p" + page;
        }

        /**
         * The same place in the text-only view: {@code /resources/{id}/text?file=&page=} or {@code &t=}, with
         * the anchor of that page or cue ({@code #f<file>-p<page>}, {@code #f<file>-t<second>}).
         */
        public String textLink(long resourceId) {
            String base = "/resources/" + resourceId + "/text?file=" + fileId;
            if (MOMENT.equals(kind)) {
                long second = Math.max(0, (long) Math.floor(seconds));
                return base + "&t=" + second + "#f" + fileId + "-t" + second;
            }
            return base + "&page=" + page + "#f" + fileId + "-p" + page;
        }
    }
}
