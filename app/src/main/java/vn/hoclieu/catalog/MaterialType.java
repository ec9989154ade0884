package vn.hoclieu.catalog;

/** What kind of learning material a resource is (LRMI's learningResourceType, simplified). */
public enum MaterialType {
    BOOK, E_LECTURE, VIDEO, AUDIO, SLIDES, WORKSHEET, IMAGE, OTHER
}
