package vn.hoclieu.catalog;

import java.util.Map;

/** Resources were viewed or downloaded: their popularity (views + 2 × downloads, all time) is now as given. */
public record UsageChanged(Map<Long, Long> popularity) {
}
